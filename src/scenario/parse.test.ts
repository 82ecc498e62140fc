// Validation of scenario documents: defaults, hex addresses, references, uniqueness, unknown
// fields, versions — each refusal names its field path and the documented limit, and echoes no
// more than a short piece of the input — and totality on garbage.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario } from './parse';
import { errorText } from './errors';
import { toDocument } from './document';
import { GALLERY } from './gallery';
import { POLICIES } from '../sim';

const base = () => ({
  format: 'dma-handoff/scenario',
  version: 1,
  title: 't',
  endpoints: [
    { id: 'A', vmid: 1 },
    { id: 'P', vmid: 2 },
  ],
  memory: [
    { id: 'a-ram', owner: 'A', pa: '0x80000000', ipa: '0x40000000', pages: 4 },
    { id: 'p-ram', owner: 'P', pa: '0x90000000', ipa: '0x40000000', pages: 4, secret: true },
  ],
  devices: [{ id: 'X', streams: [17], owner: 'A' }],
  script: [] as unknown[],
});
type Doc = ReturnType<typeof base> & Record<string, unknown>;
const errors = (doc: unknown) => {
  const r = parseScenario(doc);
  return r.ok ? [] : r.errors;
};

describe('valid documents', () => {
  it.each(GALLERY.map((g) => [g.id, g.doc]))('gallery %s parses with no warnings', (_, doc) => {
    const r = parseScenario(doc);
    expect(r.ok ? r.warnings : r.errors).toEqual([]);
  });

  it('fills every default', () => {
    const r = parseScenario({ format: 'dma-handoff/scenario', version: 1, endpoints: [{ id: 'A', vmid: 1 }] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.timing).toEqual({
      issue: 1,
      fabric: 2,
      cfgFetch: 4,
      walkPerLevel: 3,
      walkLevels: 3,
      downstream: [2, 8],
      cmd: 1,
      steWrite: 1,
      reset: 20,
      atcInv: [5, 50],
      eventDrain: 10,
      atcInvTimeout: 1000,
      tickNs: 100,
    });
    expect(r.scenario.smmu).toEqual({
      enabled: true,
      gbpa: 'abort',
      unassigned: 'abort',
      atsCheck: false,
      recCfgAts: false,
      eventQueue: 64,
      cacheRetention: 'adversarial',
      freedTables: 'stale',
    });
    expect(r.scenario.policy).toEqual({ id: 'P0', mutations: [], dmaCoupled: false });
    expect(r.scenario.endpoints[0]).toEqual({ id: 'A', kind: 'vm', name: 'A', vmid: 1 });
    expect(r.scenario).toMatchObject({
      title: 'Untitled scenario',
      description: '',
      seed: 1,
      memory: [],
      devices: [],
      script: [],
      layout: {},
      captions: [],
    });
  });

  it('parses hex addresses and fills region, device and descriptor defaults', () => {
    const doc = base();
    doc.script = [{ at: 5, op: 'program', device: 'X', by: 'A', dma: [{ iova: '0x40001000', pages: 1, dir: 'read' }] }];
    const r = parseScenario(doc);
    if (!r.ok) throw new Error(r.errors[0]);
    expect(r.scenario.memory[0]).toEqual({
      id: 'a-ram',
      owner: 'A',
      pa: 0x80000000,
      ipa: 0x40000000,
      pages: 4,
      secret: false,
      kind: 'normal',
      name: 'a-ram',
    });
    expect(r.scenario.devices[0]).toEqual({
      id: 'X',
      name: 'X',
      streams: [17],
      group: 'X',
      owner: 'A',
      reset: 'clean',
      ats: false,
      atcOnReset: 'flush',
      atsInvalidation: 'completes',
      maxOutstanding: 4,
      map: [],
    });
    expect(r.scenario.script[0]).toEqual({
      at: 5,
      op: 'program',
      device: 'X',
      by: 'A',
      dma: [{ iova: 0x40001000, pages: 1, dir: 'read', loop: false, every: 5 }],
    });
  });

  it('numbers unnamed memory handles and keeps the script in time order (stable)', () => {
    const doc = base();
    doc.script = [
      { at: 9, op: 'memShare', from: 'A', to: ['P'], region: 'a-ram' },
      { at: 3, op: 'reset', device: 'X' },
      { at: 9, op: 'memRetrieve', by: 'P', handle: 'h1' },
    ];
    const r = parseScenario(doc);
    if (!r.ok) throw new Error(r.errors[0]);
    expect(r.scenario.script.map((o) => o.op)).toEqual(['reset', 'memShare', 'memRetrieve']);
    expect(r.scenario.script[1]).toMatchObject({ handle: 'h1', clear: false });
  });

  it('accepts an operation window holding its tick, and names a window that does not', () => {
    const doc = base();
    doc.script = [{ at: 9, op: 'reset', device: 'X', window: [5, 20] }];
    const r = parseScenario(doc);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.scenario.script[0].window).toEqual([5, 20]);
    doc.script = [{ at: 9, op: 'reset', device: 'X', window: [10, 20] }];
    const bad = parseScenario(doc);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors).toEqual(["script[0].window: [10, 20] must hold the operation's tick 9 (lo ≤ at ≤ hi)"]);
  });

  it.each(GALLERY.map((g) => [g.id, g.doc]))('%s round-trips through toDocument', (_, doc) => {
    const a = parseScenario(doc);
    if (!a.ok) throw new Error(a.errors[0]);
    const b = parseScenario(JSON.parse(JSON.stringify(toDocument(a.scenario))));
    expect(b.ok && b.scenario).toEqual(a.scenario);
  });
});

describe('refusals name the field', () => {
  const cases: [string, (d: ReturnType<typeof base>) => unknown, RegExp][] = [
    [
      'dangling device owner',
      (d) => ({ ...d, devices: [{ id: 'X', streams: [17], owner: 'Q' }] }),
      /^devices\[0\]\.owner: no endpoint "Q"$/,
    ],
    ['dangling memory owner', (d) => ({ ...d, memory: [{ ...d.memory[0], owner: 'Z' }] }), /^memory\[0\]\.owner: no endpoint "Z"$/],
    [
      'dangling device map',
      (d) => ({ ...d, devices: [{ id: 'X', streams: [17], map: ['nowhere'] }] }),
      /^devices\[0\]\.map\[0\]: no memory region "nowhere"$/,
    ],
    ['dangling script device', (d) => ({ ...d, script: [{ at: 1, op: 'reset', device: 'Y' }] }), /^script\[0\]\.device: no device "Y"$/],
    [
      'dangling script endpoint',
      (d) => ({ ...d, script: [{ at: 1, op: 'transfer', device: 'X', to: 'Q' }] }),
      /^script\[0\]\.to: no endpoint "Q"$/,
    ],
    [
      'dangling script region',
      (d) => ({ ...d, script: [{ at: 1, op: 'cpuWrite', endpoint: 'A', region: 'r' }] }),
      /^script\[0\]\.region: no memory region "r"$/,
    ],
    [
      'dangling handle',
      (d) => ({ ...d, script: [{ at: 1, op: 'memRetrieve', by: 'P', handle: 'h9' }] }),
      /^script\[0\]\.handle: no memShare, memLend or memDonate creates handle "h9"$/,
    ],
    [
      'unaligned address',
      (d) => ({ ...d, memory: [{ ...d.memory[0], pa: '0x80000010' }] }),
      /^memory\[0\]\.pa: 0x80000010 is not aligned to a 4 KiB page$/,
    ],
    ['non-hex address', (d) => ({ ...d, memory: [{ ...d.memory[0], pa: '2147483648' }] }), /^memory\[0\]\.pa: expected a hex address/],
    [
      'address beyond 48 bits',
      (d) => ({ ...d, memory: [{ ...d.memory[0], pa: '0x1000000000000' }] }),
      /^memory\[0\]\.pa: 0x1000000000000 is beyond the 48-bit address space$/,
    ],
    ['numeric address', (d) => ({ ...d, memory: [{ ...d.memory[0], pa: 2147483648 }] }), /^memory\[0\]\.pa: expected string/],
    [
      'duplicate id',
      (d) => ({ ...d, devices: [{ id: 'A', streams: [17] }] }),
      /^devices\[0\]\.id: "A" is already the id of endpoints\[0\]$/,
    ],
    [
      'duplicate VMID',
      (d) => ({
        ...d,
        endpoints: [
          { id: 'A', vmid: 1 },
          { id: 'P', vmid: 1 },
        ],
      }),
      /^endpoints\[1\]\.vmid: VMID 1 is already A's$/,
    ],
    [
      'duplicate StreamID',
      (d) => ({
        ...d,
        devices: [
          { id: 'X', streams: [17] },
          { id: 'Y', streams: [17] },
        ],
      }),
      /^devices\[1\]\.streams\[0\]: StreamID 17 already belongs to device "X"$/,
    ],
    [
      'overlapping regions',
      (d) => ({ ...d, memory: [d.memory[0], { ...d.memory[1], pa: '0x80002000' }] }),
      /^memory\[1\]\.pa: 0x80002000 overlaps region "a-ram" in physical memory$/,
    ],
    ['reserved id', (d) => ({ ...d, endpoints: [{ id: 'hyp', vmid: 9 }, ...d.endpoints] }), /^endpoints\[0\]\.id: "hyp" is reserved/],
    ['unknown field', (d) => ({ ...d, devices: [{ id: 'X', streams: [17], colour: 'red' }] }), /^devices\[0\]: unknown field "colour"$/],
    ['unknown top-level field', (d) => ({ ...d, extra: 1 }), /^unknown field "extra"$/],
    ['unknown operation', (d) => ({ ...d, script: [{ at: 1, op: 'teleport' }] }), /^script\[0\]\.op: unknown operation "teleport"$/],
    ['negative tick', (d) => ({ ...d, script: [{ at: -1, op: 'reset', device: 'X' }] }), /^script\[0\]\.at: must be ≥ 0, got -1$/],
    [
      'out-of-range value',
      (d) => ({ ...d, devices: [{ id: 'X', streams: [17], maxOutstanding: 0 }] }),
      /^devices\[0\]\.maxOutstanding: must be ≥ 1, got 0$/,
    ],
    ['unknown policy', (d) => ({ ...d, policy: { id: 'P9' } }), /^policy\.id: expected "P0" \| .*got "P9"$/],
    ['unknown mutation', (d) => ({ ...d, policy: { mutations: ['skip-all'] } }), /^policy\.mutations\[0\]: expected .*got "skip-all"$/],
    ['missing required field', (d) => ({ ...d, endpoints: [{ id: 'A' }] }), /^endpoints\[0\]\.vmid: required$/],
    [
      'downstream range reversed',
      (d) => ({ ...d, timing: { downstream: [9, 2] } }),
      /^timing\.downstream: the first value must not exceed the second$/,
    ],
    [
      'IPA range past 2^48',
      (d) => ({ ...d, memory: [d.memory[0], { ...d.memory[1], ipa: '0xfffffffff000', pages: 2 }] }),
      /^memory\[1\]\.ipa: the region runs past the 48-bit IPA space \(2\^48\)$/,
    ],
    [
      'PA range past 2^48',
      (d) => ({ ...d, memory: [{ ...d.memory[0], pa: '0xffffffffe000', pages: 3 }] }),
      /^memory\[0\]\.pa: the region runs past the 48-bit PA space \(2\^48\)$/,
    ],
    [
      'DMA past 2^48',
      (d) => ({
        ...d,
        script: [
          {
            at: 1,
            op: 'program',
            device: 'X',
            by: 'A',
            dma: [
              { iova: '0x1000', pages: 1, dir: 'read' },
              { iova: '0xfffffffff000', pages: 2, dir: 'read' },
            ],
          },
        ],
      }),
      /^script\[0\]\.dma\[1\]\.iova: the transfer runs past the 48-bit IPA space \(2\^48\)$/,
    ],
    ['custom policy without steps', (d) => ({ ...d, policy: { id: 'custom' } }), /^policy\.custom: policy "custom" needs/],
  ];
  it.each(cases)('%s', (_, make, message) => {
    const e = errors(make(base()));
    expect(e.length).toBeGreaterThan(0);
    expect(e[0]).toMatch(message);
  });

  it('refuses a newer version, saying so', () => {
    expect(errors({ ...base(), version: 2 })).toEqual([
      'version: this scenario is format version 2, newer than this app understands (1); open it in a newer DMA Handoff',
    ]);
  });

  it('refuses another format, and non-objects', () => {
    expect(errors({ ...base(), format: 'other' })[0]).toMatch(/^format: expected "dma-handoff\/scenario", got "other"$/);
    expect(errors([])).toEqual(['a scenario is a JSON object']);
    expect(errors(null)).toEqual(['a scenario is a JSON object']);
  });

  it('summarises a flood of problems', () => {
    const many = { ...base(), devices: Array.from({ length: 30 }, (_, i) => ({ id: `D${i}`, streams: [i], owner: 'nobody-here' })) };
    const e = errors(many);
    expect(e).toHaveLength(21);
    expect(e[20]).toBe('… and 10 more problems');
  });
});

describe('messages name the documented limits', () => {
  const SAFE = String(Number.MAX_SAFE_INTEGER);

  it.each([
    ['seed', (d: Doc) => ({ ...d, seed: 1e20 }), 'seed: must be ≤ 4294967295, got 100000000000000000000'],
    ['seed', (d: Doc) => ({ ...d, seed: 2 ** 53 }), 'seed: must be ≤ 4294967295, got 9007199254740992'],
    ['seed', (d: Doc) => ({ ...d, seed: -1e20 }), 'seed: must be ≥ 0, got -100000000000000000000'],
    ['seed', (d: Doc) => ({ ...d, seed: 1.5 }), 'seed: expected an integer, got 1.5'],
    ['timing.reset', (d: Doc) => ({ ...d, timing: { reset: 1e17 } }), 'timing.reset: must be ≤ 100000000, got 100000000000000000'],
    ['vmid', (d: Doc) => ({ ...d, endpoints: [{ id: 'A', vmid: 1e16 }] }), 'endpoints[0].vmid: must be ≤ 65535, got 10000000000000000'],
    [
      'streams',
      (d: Doc) => ({ ...d, devices: [{ id: 'X', streams: [1e18] }] }),
      'devices[0].streams[0]: must be ≤ 4294967295, got 1000000000000000000',
    ],
  ])('%s', (_, make, message) => {
    expect(errors(make(base()))).toEqual([message]);
  });

  it('no integer field reports the safe-integer bound, and each reports one problem', () => {
    const fields: ((d: Doc, v: number) => unknown)[] = [
      (d, v) => ({ ...d, seed: v }),
      (d, v) => ({ ...d, timing: { tickNs: v } }),
      (d, v) => ({ ...d, timing: { downstream: [v, 8] } }),
      (d, v) => ({ ...d, smmu: { eventQueue: v } }),
      (d, v) => ({ ...d, memory: [{ ...d.memory[0], pages: v }] }),
      (d, v) => ({ ...d, devices: [{ id: 'X', streams: [v] }] }),
      (d, v) => ({ ...d, devices: [{ id: 'X', streams: [1], maxOutstanding: v }] }),
      (d, v) => ({ ...d, script: [{ at: v, op: 'reset', device: 'X' }] }),
      (d, v) => ({
        ...d,
        script: [{ at: 0, op: 'program', device: 'X', by: 'A', dma: [{ iova: '0x1000', pages: 1, dir: 'read', every: v }] }],
      }),
      (d, v) => ({ ...d, captions: [{ at: v, text: 'x' }] }),
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...fields),
        fc.oneof(fc.double({ min: 2 ** 53, max: 1e300, noNaN: true }), fc.double({ min: -1e300, max: -(2 ** 53), noNaN: true })),
        (field, v) => {
          const e = errors(field(base(), v));
          expect(e).toHaveLength(1);
          expect(e[0]).not.toContain(SAFE);
          expect(e[0]).toMatch(/: must be [≤≥] \d+, got /);
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });
});

describe('messages echo at most a short piece of the input', () => {
  const long = 'k'.repeat(1_000_000);
  const spaced = 'a b '.repeat(250_000);
  it.each([
    ['an unknown field', (d: Doc) => ({ ...d, [long]: 1 })],
    ['an unknown field with spaces', (d: Doc) => ({ ...d, [spaced]: 1 })],
    ['many unknown fields', (d: Doc) => ({ ...d, ...Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`f${i}`, 1])) })],
    ['a layout key', (d: Doc) => ({ ...d, layout: { [long]: [0, 0] } })],
    ['an address', (d: Doc) => ({ ...d, memory: [{ ...d.memory[0], pa: '0x' + 'f'.repeat(1_000_000) }] })],
    ['a string for a number', (d: Doc) => ({ ...d, seed: spaced })],
    ['a string for an operation', (d: Doc) => ({ ...d, script: [{ at: 0, op: spaced }] })],
  ])('%s', (_, make) => {
    const e = errors(make(base()));
    expect(e.length).toBeGreaterThan(0);
    for (const text of e) {
      expect(text.length).toBeLessThanOrEqual(400);
      // A path ends in ":"; every other word is a word of the message.
      for (const word of text.split(/\s+/)) expect(word.replace(/:$/, '').length).toBeLessThanOrEqual(120);
    }
  });

  it('cuts a long path or run to 120 characters and leaves short ones as they are', () => {
    expect(errorText({ path: 'devices[0].owner', message: 'no endpoint "Q"' })).toBe('devices[0].owner: no endpoint "Q"');
    const path = `layout.${'p'.repeat(200)}`;
    expect(errorText({ path, message: 'x' })).toBe(`layout.${'p'.repeat(112)}…: x`);
    expect(errorText({ path: '', message: `got "${'v'.repeat(300)}"` })).toBe(`got "${'v'.repeat(118)}…`);
  });
});

describe('custom policy steps that can never act', () => {
  const withSteps = (steps: Record<string, unknown[]>) => ({ ...base(), policy: { id: 'custom', custom: { name: 'c', steps } } });
  const create = (fill: string, who: string) => ({ kind: 'tableCreate', fill, for: who });

  it.each<[string, Record<string, unknown[]>, string[]]>([
    [
      "the receiver's CPU stage-2 on an operation without a receiver",
      {
        unassign: [{ kind: 'steWrite', valid: true, config: 's2', table: 'owner-cpu' }],
        revoke: [{ kind: 'cmd', cmd: 'TLBI_S12_VMALL', table: 'owner-cpu' }],
      },
      [
        `policy.custom.steps.unassign[0].table: "owner-cpu" is the receiver's CPU stage-2; unassign has no receiver`,
        `policy.custom.steps.revoke[0].table: "owner-cpu" is the receiver's CPU stage-2; revoke has no receiver`,
      ],
    ],
    [
      'an owner fill for a party the operation never has',
      { abort: [create('owner', 'to')], enable: [create('empty', 'from')], transfer: [create('owner', 'none')] },
      [
        'policy.custom.steps.abort[0].for: a table for "to" needs an operation with a receiver; abort has none',
        'policy.custom.steps.enable[0].for: a table for "from" needs an operation with a sender; enable has none',
        'policy.custom.steps.transfer[0].for: a table for "none" belongs to nobody; only the scratch table (fill "scratch") has no owner',
      ],
    ],
    [
      'a shared fill without both parties',
      { accept: [create('shared', 'to')] },
      ['policy.custom.steps.accept[0].fill: a shared table holds what the sender and the receiver both may access; accept has no sender'],
    ],
    [
      'a region mapped with the access of a receiver there is not',
      { unassign: [create('scratch', 'none'), { kind: 'tableMap', region: 'a-ram', table: 'new' }] },
      ["policy.custom.steps.unassign[1]: tableMap maps a region with the receiver's access; unassign has no receiver"],
    ],
    [
      'a CPU stage-2 mapped or unmapped as a device table',
      { transfer: [{ kind: 'tableUnmap', pages: 'all', table: 'owner-cpu' }] },
      ['policy.custom.steps.transfer[0].table: "owner-cpu" is a CPU stage-2, not a device table: tableUnmap cannot change it'],
    ],
    [
      'the new table before any step creates it',
      {
        transfer: [
          { kind: 'vmidAlloc', table: 'new' },
          { kind: 'steWrite', valid: false, config: 's2' },
          create('owner', 'to'),
          { kind: 'vmidAlloc', table: 'new' },
        ],
      },
      [
        'policy.custom.steps.transfer[0].table: table "new" is the table this operation creates, and no tableCreate comes before this step',
        'policy.custom.steps.transfer[1].config: an s2 write without a table uses "new", which is the table this operation creates, and no tableCreate comes before this step',
      ],
    ],
    [
      'an FF-A commit in an operation that carries no memory operation',
      { transfer: [{ kind: 'ffaCommit' }], abort: [{ kind: 'ffaCommit' }], revoke: [{ kind: 'ffaCommit' }] },
      ['policy.custom.steps.transfer[0]: ffaCommit applies the memory operation of an abort or a revoke; transfer carries none'],
    ],
  ])('refuses %s, naming the step', (_, steps, expected) => {
    expect(errors(withSteps(steps))).toEqual(expected);
  });

  it('accepts what depends on the run: an old or device table, a receiver an operation may have', () => {
    const r = parseScenario(
      withSteps({
        reclaim: [create('owner', 'to'), { kind: 'steWrite', valid: true, config: 's2', table: 'owner-cpu' }],
        unassign: [
          { kind: 'cmd', cmd: 'TLBI_S12_VMALL', table: 'old' },
          { kind: 'steWrite', valid: true, config: 's2', table: 'device' },
          { kind: 'setOwner', to: 'to', state: 'unassigned' },
          { kind: 'cmd', cmd: 'CFGI_STE', table: 'owner-cpu' },
        ],
        assign: [create('owner', 'from'), { kind: 'tableMap', region: 'a-ram' }],
      }),
    );
    expect(r.ok ? r.warnings : r.errors).toEqual([]);
  });

  it('holds the built-in policies to the same rules', () => {
    for (const [id, policy] of Object.entries(POLICIES))
      for (const ats of [false, true])
        for (const atsCheckPlanned of [false, true]) {
          const steps = Object.fromEntries(
            Object.entries(policy.ops).map(([op, f]) => [
              op,
              f!({ ats, atsCheckPlanned }).map(({ ...st }) => {
                // A built-in policy may flag any step; a document flags a SYNC only.
                if (st.kind !== 'sync') delete (st as { completesHandover?: boolean }).completesHandover;
                return st;
              }),
            ]),
          );
          expect(errors(withSteps(steps)), `${id} ats=${ats} atsCheck=${atsCheckPlanned}`).toEqual([]);
        }
  });
});

describe('never throws', () => {
  it('on any JSON value', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => typeof parseScenario(v).ok === 'boolean'),
      { numRuns: 1000 },
    );
  });
  it('on gallery documents with a field replaced by anything', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...GALLERY.map((g) => g.doc)),
        fc.constantFrom('endpoints', 'memory', 'devices', 'script', 'timing', 'smmu', 'policy', 'layout', 'captions', 'seed'),
        fc.anything(),
        (doc, key, v) => typeof parseScenario({ ...doc, [key]: v }).ok === 'boolean',
      ),
      { numRuns: 1000 },
    );
  });
});
