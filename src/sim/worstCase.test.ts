// Worst case, not best case: where the architecture permits a behaviour that leaks — a walk through
// freed memory, a prefetched entry, an invalidation not yet complete, a torn STE — the model allows
// it. Each rule here is checked against the run a kinder model would give.

import { describe, expect, it } from 'vitest';
import type { FreedTableMemory, MutationId } from './model/scenario';
import { createEngine } from './engine';
import {
  A_RAM,
  device,
  epIndex,
  firstLogAt,
  galleryScenario,
  handoverAt,
  inRange,
  logWith,
  program,
  report,
  run,
  runCollecting,
  scenarioOf,
  twoVmsOneDevice,
  twoVmsOneDeviceDoc,
  violated,
  violationsOf,
  writeLoop,
} from '../testing/scenarios';

const UNTIL = 400;
const withFreed = (holds: FreedTableMemory | undefined) => (d: Record<string, unknown>) => {
  if (holds) d.smmu = { ...((d.smmu as object) ?? {}), freedTables: holds };
};
const eventNames = (e: ReturnType<typeof run>) => new Set(report(e, true).events!.map((x) => x.name));

describe('a freed table is RAM with its old contents', () => {
  // The partition aborts at 60 and its table is freed under the live STE. The read of the page at
  // 0xc0003000 comes first at 70: no TLB entry holds it, so it walks the freed table.
  const aborted = (holds?: FreedTableMemory) => run(galleryScenario('abort-frees-tables', { edit: withFreed(holds) }), UNTIL);
  const uncachedReads = (e: ReturnType<typeof run>) =>
    violationsOf(e, 'I1').filter((v) => /committed a read to 0xc0003000/.test(v.message) && v.t > 60);

  it('stale (the default): the walk reads the old descriptors and the DMA lands in the memory the partition lost', () => {
    const e = aborted();
    expect(uncachedReads(e).length).toBeGreaterThan(0);
    expect(eventNames(e).has('F_WALK_EABT')).toBe(false);
    expect(violationsOf(e, 'I4').some((v) => v.count > 1)).toBe(true); // the free, then the walks
  });

  it('protected (a granule the SMMU may not fetch from): the walk is an external abort, F_WALK_EABT', () => {
    const e = aborted('protected');
    expect(uncachedReads(e)).toEqual([]);
    expect(eventNames(e).has('F_WALK_EABT')).toBe(true);
  });

  it('zeroed: the walk finds no valid descriptor, a stage-2 translation fault (unrecorded: Hafnium clears STE.S2R)', () => {
    const e = aborted('zeroed');
    expect(uncachedReads(e)).toEqual([]);
    expect(eventNames(e).has('F_WALK_EABT')).toBe(false);
    expect(eventNames(e).has('F_TRANSLATION')).toBe(false);
    expect(report(e).dma.suppressed).toBeGreaterThan(0);
  });

  it("reused: the walk reads the next table built in that memory — A's descriptor reaches P's secret", () => {
    // P1 without its CFGI: the cached STE still points at A's freed table, whose memory now holds
    // P's new table; A's descriptors survive the reset (device-ignores-reset).
    const sc = (holds: FreedTableMemory) =>
      galleryScenario('reset-on-transfer', { mutations: ['skip-cfgi', 'device-ignores-reset'], edit: withFreed(holds) });
    const reused = run(sc('reused'), UNTIL);
    expect(
      violationsOf(reused, 'I1b').some((v) =>
        /programmed by A committed a read to 0x90000000 \(p-ram\), reading P's secret/.test(v.message),
      ),
    ).toBe(true);
    const stale = run(sc('stale'), UNTIL);
    expect(violationsOf(stale, 'I2').some((v) => /read to 0x80000000 \(a-ram\)/.test(v.message))).toBe(true);
    expect(violated(run(sc('zeroed'), UNTIL)).has('I1b')).toBe(false);
  });
});

describe('an invalidation is complete at the SYNC, not when the command is consumed', () => {
  // P3 hands X over at 40 with A writing every tick; the command queue takes 5 ticks a command, so
  // CFGI_STE is consumed well before the SYNC that completes it.
  const sc = () =>
    twoVmsOneDevice({
      policy: 'P3',
      maxOutstanding: 16,
      timing: { cmd: 5 },
      script: [program(0, 'A', [writeLoop('0x40000000', 2, 1)]), { at: 40, op: 'transfer', device: 'X', to: 'P' }],
    });

  it("a write arriving after CFGI_STE was consumed and before the SYNC began still translates through A's STE, and the SYNC waits for it", () => {
    const e = createEngine(sc());
    const ended = runCollecting(e, 200);
    const cfgiAt = firstLogAt(e, 'SMMU consumed CFGI_STE(17)');
    const syncAt = firstLogAt(e, /^CMD_SYNC \d+: CFGI_STE\(17\)/);
    expect(syncAt).toBeGreaterThan(cfgiAt);
    const inWindow = ended.filter((t) => t.arriveAt > cfgiAt && t.arriveAt < syncAt);
    expect(inWindow.length).toBeGreaterThan(0);
    expect(inWindow.every((t) => t.phase === 'committed' && inRange(t.pfn, A_RAM, 4))).toBe(true);
    // The hand-over completes only after the last of them committed: nothing of A's lands after it.
    const done = handoverAt(e, 'X', 'A');
    expect(Math.max(...inWindow.map((t) => t.commitAt))).toBeLessThanOrEqual(done);
    expect(violated(e).has('I2')).toBe(false);
  });
});

describe('SYNC drains by scope, not by what is still cached', () => {
  // X has two streams (one per descriptor) and the caches keep one entry each (lru:1): the
  // configuration cache and the TLB thrash, so most in-flight writes were translated with entries
  // that were evicted before the CFGI. They are in the invalidations' scope all the same.
  const sc = () =>
    twoVmsOneDevice({
      policy: 'P3',
      streams: [17, 18],
      maxOutstanding: 16,
      smmu: { cacheRetention: 'lru:1' },
      timing: { downstream: [20, 30] },
      script: [
        program(0, 'A', [writeLoop('0x40000000', 2, 1), writeLoop('0x40002000', 2, 1)]),
        { at: 40, op: 'transfer', device: 'X', to: 'P' },
      ],
    });

  it("under lru:1 the SYNC still waits for every write translated with A's configuration: none lands after the hand-over", () => {
    const e = run(sc(), 300);
    expect(handoverAt(e, 'X', 'A')).toBeLessThan(300);
    expect(violationsOf(e, 'I2')).toEqual([]);
  });
});

describe('adversarial retention: what the hypervisor rewrites may already be cached', () => {
  it("an STE rewritten without CFGI: the SMMU may have fetched A's STE before, though no transaction used it", () => {
    // X is paused before it issues anything, so no transaction ever fetched its STE. P3 without
    // CFGI: after the transfer the STE in memory is invalid, but the value before the write counts
    // as cached. When X resumes, A's descriptor still translates with A's STE.
    const sc = (mutations: MutationId[]) =>
      twoVmsOneDevice({
        policy: 'P3',
        mutations,
        script: [
          program(0, 'A', [writeLoop('0x40000000', 2, 4)]),
          { at: 0, op: 'pause', device: 'X' },
          { at: 40, op: 'transfer', device: 'X', to: 'P' },
          { at: 100, op: 'resume', device: 'X' },
        ],
      });
    const e = run(sc(['skip-cfgi']), 200);
    expect(report(e).dma.committed).toBeGreaterThan(0);
    expect(violationsOf(e, 'I2').some((v) => v.t > 100)).toBe(true);
    // With the CFGI (and its SYNC) the prefetched STE goes: every write aborts.
    const fixed = run(sc([]), 200);
    expect(report(fixed).dma.committed).toBe(0);
  });

  it("a mapping removed without TLBI: under P0 the SMMU may hold A's stage-2 translation of a page A lends away", () => {
    // X reads only page 0 of A's buffer before the lend, so page 1's translation was never used.
    // A lends the buffer to P at 20; nothing invalidates the SMMU's TLB, so X's read of page 1
    // after the lend still lands in the page P now holds.
    const sc = twoVmsOneDevice({
      policy: 'P0',
      memory: [{ id: 'a-buf', owner: 'A', pa: '0x88000000', ipa: '0x48000000', pages: 2 }],
      script: [
        program(0, 'A', [{ iova: '0x48000000', pages: 1, dir: 'read', loop: true, every: 5 }]),
        { at: 20, op: 'memLend', from: 'A', to: ['P'], region: 'a-buf', handle: 'h' },
        { at: 25, op: 'memRetrieve', by: 'P', handle: 'h' },
        program(30, 'A', [{ iova: '0x48001000', pages: 1, dir: 'read', loop: true, every: 5 }]),
      ],
    });
    const e = run(sc, 100);
    expect(violationsOf(e, 'I1').some((v) => /read to 0x88001000/.test(v.message))).toBe(true);
  });
});

describe('adversarial retention: what the hypervisor rewrites may already be cached (FF-A under P0)', () => {
  it("a borrower that relinquishes a page: the SMMU may hold its stage-2's translation of a page its device never touched", () => {
    // X is P's under P0 (its STE points at P's stage-2). P borrows A's buffer, reads page 0 only,
    // gives the buffer back at 40, then reads page 1: no TLBI ever drops P's mapping of it.
    const doc = twoVmsOneDeviceDoc({
      owner: 'P',
      memory: [{ id: 'a-buf', owner: 'A', pa: '0x88000000', ipa: '0x48000000', pages: 2 }],
      script: [
        { at: 5, op: 'memLend', from: 'A', to: ['P'], region: 'a-buf', handle: 'h' },
        { at: 10, op: 'memRetrieve', by: 'P', handle: 'h' },
        program(12, 'P', [{ iova: '0x48000000', pages: 1, dir: 'read', loop: false, every: 5 }]),
        { at: 40, op: 'memRelinquish', by: 'P', handle: 'h' },
        program(50, 'P', [{ iova: '0x48001000', pages: 1, dir: 'read', loop: true, every: 5 }]),
      ],
    });
    const e = run(scenarioOf(doc), 120);
    expect(violationsOf(e, 'I1').some((v) => /read to 0x88001000/.test(v.message))).toBe(true);
  });
});

describe('causality', () => {
  it('an entry exists only once its walk completed: a later miss on the same page waits for that walk', () => {
    // Two writes to one page, a tick apart: the first misses, fetches the STE (4 ticks) and walks
    // (9 ticks); the second finds the fetch and walk under way and cannot be translated before.
    const e = createEngine(twoVmsOneDevice({ policy: 'P3', script: [program(0, 'A', [writeLoop('0x40000000', 1, 1)])] }));
    const ended = runCollecting(e, 30).sort((a, b) => a.id - b.id);
    const [first, second] = ended;
    expect(second.arriveAt).toBe(first.arriveAt + 1);
    expect(first.translatedAt).toBe(first.arriveAt + 13);
    expect(second.translatedAt).toBeGreaterThanOrEqual(first.translatedAt);
  });

  it("a fault's time includes the STE fetch that found it", () => {
    // After P3's SYNC the configuration cache is empty: the next write misses, fetches the invalid
    // STE (cfgFetch = 4 ticks) and only then aborts with C_BAD_STE.
    const e = createEngine(
      twoVmsOneDevice({
        policy: 'P3',
        timing: { cfgFetch: 4 },
        script: [program(0, 'A', [writeLoop('0x40000000', 2, 3)]), { at: 40, op: 'transfer', device: 'X', to: 'P' }],
      }),
    );
    const ended = runCollecting(e, 120);
    const r = report(e, true);
    const firstFault = r.events!.find((x) => x.name === 'C_BAD_STE')!;
    const txn = ended.find((t) => t.id === firstFault.txn)!;
    expect(firstFault.t).toBe(txn.arriveAt + 4);
  });

  it('posted writes of one stream commit in the order they were issued, whatever the downstream jitter', () => {
    const e = createEngine(
      twoVmsOneDevice({
        policy: 'P3',
        maxOutstanding: 16,
        timing: { downstream: [0, 30] },
        script: [program(0, 'A', [writeLoop('0x40000000', 4, 1)])],
      }),
    );
    const writes = runCollecting(e, 300)
      .filter((t) => t.phase === 'committed' && t.write)
      .sort((a, b) => a.id - b.id);
    expect(writes.length).toBeGreaterThan(50);
    for (let i = 1; i < writes.length; i++) expect(writes[i].commitAt).toBeGreaterThanOrEqual(writes[i - 1].commitAt);
  });
});

describe('STE updates are not atomic', () => {
  /** A custom transfer that repoints A's live STE at P's new table in one write. */
  const inPlace = (make: 'in-place' | 'make-valid') => ({
    id: 'custom',
    mutations: [],
    dmaCoupled: false,
    custom: {
      name: make,
      steps: {
        transfer: [
          { kind: 'setOwner', to: 'to', state: 'assigned' },
          { kind: 'tableCreate', fill: 'owner', for: 'to' },
          { kind: 'vmidAlloc', table: 'new' },
          ...(make === 'make-valid'
            ? [
                { kind: 'steWrite', valid: false, config: 'abort' },
                { kind: 'cmd', cmd: 'CFGI_STE' },
                { kind: 'sync', completesHandover: true },
                { kind: 'steWrite', valid: false, config: 's2', table: 'new' },
                { kind: 'cmd', cmd: 'CFGI_STE' },
                { kind: 'sync' },
              ]
            : []),
          { kind: 'steWrite', valid: true, config: 's2', table: 'new' },
          { kind: 'cmd', cmd: 'CFGI_STE' },
          { kind: 'sync', completesHandover: make === 'in-place' },
        ],
      },
    },
  });
  const scenario = (make: 'in-place' | 'make-valid') => {
    const doc = twoVmsOneDeviceDoc({
      maxOutstanding: 8,
      timing: { cmd: 4 },
      script: [
        program(0, 'A', [writeLoop('0x40000000', 2, 1)]),
        { at: 40, op: 'transfer', device: 'X', to: 'P' },
        program(120, 'P', [writeLoop('0x40000000', 2, 3)]),
      ],
    });
    doc.policy = inPlace(make);
    return scenarioOf(doc);
  };
  const pWritesToARam = (e: ReturnType<typeof run>) =>
    violationsOf(e, 'I1b').filter((v) => /programmed by P committed a write to 0x8000[01]000/.test(v.message));

  it("an STE rewritten in place may be read torn: A's table under P's VMID fills the TLB, and P's writes land in A's RAM", () => {
    const e = run(scenario('in-place'), 300);
    expect(logWith(e, 'may hold it torn', 'note').length).toBeGreaterThan(0);
    expect(pWritesToARam(e).length).toBeGreaterThan(0);
  });

  it('the make-invalid / make-valid procedure leaves no torn window', () => {
    const e = run(scenario('make-valid'), 300);
    expect(logWith(e, 'may hold it torn', 'note')).toEqual([]);
    expect(pWritesToARam(e)).toEqual([]);
  });

  it.each(['seed-attack', 'loan-vs-shared', 'quarantine', 'attested-enable', 'reset-on-transfer'])(
    '%s: the policies that rewrite live STEs follow the procedure',
    (id) => {
      const e = run(galleryScenario(id), UNTIL);
      expect(logWith(e, 'may hold it torn', 'note')).toEqual([]);
    },
  );

  it("P0's transfer goes invalid (CFGI, SYNC) before P's stage-2 is made valid", () => {
    const e = run(galleryScenario('seed-attack'), UNTIL);
    const invalid = firstLogAt(e, 'steWrite(17, V=0 abort)', 'step');
    const valid = firstLogAt(e, 'steWrite(17, V=1 s2 → S2:P)', 'step');
    expect(invalid).toBeLessThan(valid);
    expect(handoverAt(e, 'X', 'A')).toBeLessThan(valid);
  });
});

describe('hypervisor steps resolve to what they name', () => {
  it("under P0 the old table of a teardown is the owner's CPU stage-2: the TLBI of A's VMID is issued", () => {
    const e = run(
      twoVmsOneDevice({ policy: 'P0', script: [program(0, 'A', [writeLoop()]), { at: 40, op: 'unassign', device: 'X' }] }),
      200,
    );
    expect(logWith(e, 'cmd TLBI_S12_VMALL(S2:A)', 'step').length).toBe(1);
    expect(logWith(e, 'SMMU consumed TLBI_S12_VMALL(vmid 1)').length).toBe(1);
    expect(logWith(e, /not done/, 'opError')).toEqual([]);
  });

  it('a step that resolves to nothing in this run is an error in the log, never a silent skip, a throw or a violation', () => {
    // An assign of a device nobody owned: it had no table, so the "old" table names no VMID and
    // the "device" table names nothing to point the STE at.
    const doc = twoVmsOneDeviceDoc({ owner: null, script: [{ at: 10, op: 'assign', device: 'X', to: 'A' }] });
    doc.policy = {
      id: 'custom',
      custom: {
        name: 'broken',
        steps: {
          assign: [
            { kind: 'cmd', cmd: 'TLBI_S12_VMALL', table: 'old' },
            { kind: 'steWrite', valid: true, config: 's2', table: 'device' },
            { kind: 'setOwner', to: 'to', state: 'assigned' },
          ],
        },
      },
    };
    const e = run(scenarioOf(doc), 100);
    const errors = logWith(e, /not done/, 'opError');
    expect(errors.map((l) => l.code)).toEqual(['STEP_UNRESOLVED', 'STEP_UNRESOLVED']);
    expect(errors[0].text).toMatch(/nothing to invalidate/);
    expect(errors[1].text).toMatch(/"device" resolves to no table/);
    // The run goes on: the remaining step acted.
    expect(e.ops[0].steps.map((x) => x.text)).toContain('setOwner(X → A, assigned)');
    expect(device(e, 'X').owner).toBe(epIndex(e, 'A'));
    expect(e.violations).toEqual([]);
  });

  it('steps that validation refuses, given to the engine anyway, are errors in the log, never a throw', () => {
    // Validation refuses these (src/scenario/customPolicy.ts); the engine, given them anyway,
    // resolves each to nothing: an unassign has no receiver, an accept no sender.
    const doc = twoVmsOneDeviceDoc({
      script: [
        { at: 10, op: 'transfer', device: 'X', to: 'P' },
        { at: 30, op: 'accept', device: 'X', by: 'P' },
        { at: 60, op: 'unassign', device: 'X' },
      ],
    });
    doc.policy = { id: 'custom', custom: { name: 'ok', steps: { transfer: [{ kind: 'setOwner', to: 'to', state: 'pending-enable' }] } } };
    const sc = scenarioOf(doc);
    sc.policy.custom!.steps.accept = [
      { kind: 'tableCreate', fill: 'owner', for: 'from' },
      { kind: 'tableCreate', fill: 'shared', for: 'to' },
    ];
    sc.policy.custom!.steps.unassign = [
      { kind: 'steWrite', valid: true, config: 's2', table: 'owner-cpu' },
      { kind: 'cmd', cmd: 'TLBI_S12_VMALL', table: 'owner-cpu' },
      { kind: 'tableCreate', fill: 'owner', for: 'to' },
      { kind: 'tableMap', region: 'a-ram', table: 'owner-cpu' },
      { kind: 'steWrite', valid: true, config: 's2' },
    ];
    const e = run(sc, 200);
    const errors = logWith(e, /not done/, 'opError');
    expect(errors.map((l) => [e.ops[l.op].op.op, l.code])).toEqual([
      ...Array(2).fill(['accept', 'STEP_UNRESOLVED']),
      ...Array(5).fill(['unassign', 'STEP_UNRESOLVED']),
    ]);
    expect(e.ops.map((o) => o.status)).toEqual(['done', 'done', 'done']);
  });
});

describe('ATS as the architecture and Linux drive it', () => {
  const atsDevice = (o: {
    smmu?: Record<string, unknown>;
    device?: Record<string, unknown>;
    script: Record<string, unknown>[];
    policy?: 'P3' | 'P7';
  }) => {
    const doc = twoVmsOneDeviceDoc({ policy: o.policy ?? 'P3', ats: true, maxOutstanding: 8, smmu: o.smmu, script: o.script as never });
    Object.assign((doc.devices as Record<string, unknown>[])[0], o.device ?? {});
    return scenarioOf(doc);
  };

  it('with the SMMU disabled, GBPA governs untranslated traffic only: ATS-translated writes abort with F_TRANSL_FORBIDDEN', () => {
    const sc = atsDevice({
      smmu: { gbpa: 'bypass' },
      script: [program(0, 'A', [writeLoop('0x40000000', 2, 2)]), { at: 50, op: 'smmuDisable' }],
    });
    const e = createEngine(sc);
    const ended = runCollecting(e, 150);
    const late = ended.filter((t) => t.arriveAt > 50 && t.viaAts);
    expect(late.length).toBeGreaterThan(0);
    expect(late.every((t) => t.phase === 'aborted' && t.fault === 'F_TRANSL_FORBIDDEN')).toBe(true);
  });

  it('CMD_ATC_INV is ignored while the SMMU is disabled', () => {
    const sc = atsDevice({
      script: [
        program(0, 'A', [writeLoop('0x40000000', 2, 2)]),
        { at: 50, op: 'smmuDisable' },
        { at: 60, op: 'transfer', device: 'X', to: 'P' },
      ],
    });
    const e = run(sc, 200);
    expect(logWith(e, 'SMMU ignored ATC_INV(17)').length).toBe(1);
    expect(e.state.devices[0].atc.size).toBeGreaterThan(0);
  });

  it("a function-level reset clears ATS Enable and empties the ATC: stale-atc's leak needs a non-compliant NIC", () => {
    const compliant = run(
      galleryScenario('stale-atc', {
        edit: (d) => void Object.assign((d.devices as Record<string, unknown>[])[0], { atcOnReset: 'flush' }),
      }),
      UNTIL,
    );
    expect(violated(compliant).has('I1')).toBe(false);
    expect(violated(run(galleryScenario('stale-atc'), UNTIL)).has('I1')).toBe(true);
  });

  it('a device that never completes an ATS invalidation: CERROR_ATC_INV_SYNC, and the hypervisor carries on with the ATC stale', () => {
    const sc = atsDevice({
      device: { atsInvalidation: 'times-out' },
      script: [program(0, 'A', [writeLoop('0x40000000', 2, 2)]), { at: 40, op: 'transfer', device: 'X', to: 'P' }],
    });
    const e = run(sc, 3000);
    const cerror = logWith(e, 'CERROR_ATC_INV_SYNC', 'event');
    expect(cerror.length).toBe(1);
    expect(e.state.cmdq.cerrors).toBe(1);
    expect(handoverAt(e, 'X', 'A')).toBeGreaterThan(cerror[0].t - 1);
    expect(violated(e).has('I8')).toBe(true);
  });

  it('STE.EATS clear: the SMMU serves no ATS translation request, so the ATC never fills', () => {
    const doc = twoVmsOneDeviceDoc({
      ats: true,
      owner: null,
      script: [{ at: 5, op: 'assign', device: 'X', to: 'A' }, program(60, 'A', [writeLoop('0x40000000', 2, 2)])],
    });
    doc.policy = {
      id: 'custom',
      custom: {
        name: 'no-ats',
        steps: {
          assign: [
            { kind: 'setOwner', to: 'to', state: 'assigned' },
            { kind: 'tableCreate', fill: 'owner', for: 'to' },
            { kind: 'vmidAlloc', table: 'new' },
            { kind: 'steWrite', valid: false, config: 's2', table: 'new', eats: false },
            { kind: 'cmd', cmd: 'CFGI_STE' },
            { kind: 'sync' },
            { kind: 'steWrite', valid: true, config: 's2', table: 'new', eats: false },
            { kind: 'cmd', cmd: 'CFGI_STE' },
            { kind: 'sync' },
          ],
        },
      },
    };
    const e = run(scenarioOf(doc), 150);
    expect(report(e).dma.committed).toBeGreaterThan(0);
    expect(e.state.devices[0].atc.size).toBe(0);
  });

  it("P5's revoke invalidates an ATS device's ATC before the page changes hands", () => {
    const sc = galleryScenario('loan-vs-shared', {
      edit: (d) => void Object.assign((d.devices as Record<string, unknown>[])[0], { ats: true }),
    });
    const e = run(sc, UNTIL);
    expect(logWith(e, 'cmd ATC_INV(20)', 'step').filter((l) => l.t >= 160).length).toBe(1); // the revoke's, after the share's
    expect(violated(e).has('I1')).toBe(false);
    expect(violated(e).has('I3')).toBe(false);
  });
});

describe('fault records as the STE and SMMU_CR2 configure them', () => {
  const unmappedRead = (policy: 'P3' | 'P7') =>
    run(
      twoVmsOneDevice({ policy, script: [program(0, 'A', [{ iova: '0x50000000', pages: 1, dir: 'read', loop: true, every: 10 }])] }),
      100,
    );

  it("STE.S2R clear (Hafnium's STEs, P7): a stage-2 translation fault aborts without a record; set (P3) it is recorded", () => {
    const p7 = report(unmappedRead('P7'), true);
    expect(p7.dma.aborted).toBeGreaterThan(0);
    expect(p7.dma.recorded).toBe(0);
    expect(p7.dma.suppressed).toBe(p7.dma.aborted);
    const p3 = report(unmappedRead('P3'), true);
    expect(p3.events!.some((x) => x.name === 'F_TRANSLATION')).toBe(true);
  });

  it('SMMU_CR2.REC_CFG_ATS: an ATS-translated transaction hitting an invalid STE is recorded only when it is set', () => {
    const atsAborts = (recCfgAts: boolean) => {
      const e = createEngine(
        galleryScenario('stale-atc', { mutations: ['skip-atc-inv'], edit: (d) => void (d.smmu = { atsCheck: true, recCfgAts }) }),
      );
      return runCollecting(e, UNTIL).filter((t) => t.viaAts && t.phase === 'aborted');
    };
    const off = atsAborts(false);
    expect(off.length).toBeGreaterThan(0);
    expect(off.every((t) => t.fault === null)).toBe(true);
    const on = atsAborts(true);
    expect(on.some((t) => t.fault === 'C_BAD_STE')).toBe(true);
  });
});

describe('P8: TDISP START before DMA', () => {
  it('an enable whose START meets an interface a reset unlocked is refused, and the STE never becomes valid', () => {
    // The receiver enables at 160 with the right nonces; a reset in the same tick, after the
    // enable was accepted, unlocks the interface before the job's START step runs.
    const sc = galleryScenario('attested-enable', {
      edit: (d) => void d.script.push({ at: 160, op: 'reset', device: 'X' }),
    });
    const e = run(sc, UNTIL);
    // The hand-over's job ends there: the transfer is refused.
    expect(report(e).opErrors).toContainEqual(
      expect.objectContaining({ op: 'transfer', error: 'RSI_ERROR_DEVICE', message: expect.stringMatching(/START_INTERFACE refused/) }),
    );
    expect(logWith(e, /^steWrite\(17, V=1/, 'step').filter((l) => l.t >= 160)).toEqual([]);
  });
});

describe('verdicts that never mislead', () => {
  it("I7 is judged once, when the new owner's table becomes usable: a clean reset with no enable step is not red", () => {
    expect(violated(run(galleryScenario('reset-on-transfer'), UNTIL)).has('I7')).toBe(false);
    const e = run(galleryScenario('per-vm-table'), UNTIL);
    const i7 = violationsOf(e, 'I7');
    expect(i7).toHaveLength(1);
    expect(i7[0].count).toBe(1);
    expect(i7[0].message).toMatch(/still holds DMA descriptors programmed by A/);
  });

  it('I10 reads the SYNC that completes the CFGI, not the STE in memory: a reset before that SYNC does not count', () => {
    const doc = twoVmsOneDeviceDoc({ script: [program(0, 'A', [writeLoop()]), { at: 40, op: 'transfer', device: 'X', to: 'P' }] });
    doc.policy = {
      id: 'custom',
      custom: {
        name: 'reset-before-sync',
        steps: {
          transfer: [
            { kind: 'setOwner', to: 'hyp', state: 'held' },
            { kind: 'busMaster', on: false },
            { kind: 'steWrite', valid: false, config: 'abort' },
            { kind: 'cmd', cmd: 'CFGI_STE' },
            { kind: 'reset' },
            { kind: 'cmd', cmd: 'TLBI_S12_VMALL', table: 'old' },
            { kind: 'sync', completesHandover: true },
            { kind: 'tableCreate', fill: 'owner', for: 'to' },
            { kind: 'vmidAlloc', table: 'new' },
            { kind: 'setOwner', to: 'to', state: 'assigned' },
            { kind: 'steWrite', valid: false, config: 's2', table: 'new' },
            { kind: 'cmd', cmd: 'CFGI_STE' },
            { kind: 'sync' },
            { kind: 'steWrite', valid: true, config: 's2', table: 'new' },
            { kind: 'cmd', cmd: 'CFGI_STE' },
            { kind: 'sync' },
            { kind: 'busMaster', on: true },
          ],
        },
      },
    };
    const e = run(scenarioOf(doc), 200);
    expect(violationsOf(e, 'I10').map((v) => v.message)).toEqual([expect.stringMatching(/without a reset since A's DMA was disabled/)]);
  });

  it("I3 counts a shared table's translations for everyone who drives it: P gives the buffer back while the GPU's TLB still maps it", () => {
    const e = run(galleryScenario('loan-vs-shared', { mutations: ['skip-tlbi'] }), UNTIL);
    expect(violationsOf(e, 'I3').some((v) => /relinquish of buf: the TLB still translates/.test(v.message))).toBe(true);
    expect(violated(run(galleryScenario('loan-vs-shared'), UNTIL)).has('I3')).toBe(false);
  });
});

describe('worst case, found in review', () => {
  it('a table reachable through a valid STE counts as cached when the STE leaves it, even if no DMA walked it (vmid-reuse, X paused from the start)', () => {
    const sc = galleryScenario('vmid-reuse', {
      edit: (d) => void (d.script = d.script.map((o) => (o.op === 'pause' ? { ...o, at: 0 } : o))),
    });
    expect(violationsOf(run(sc, UNTIL), 'I1').some((v) => /programmed|owned by P/.test(v.message))).toBe(true);
  });

  it('a CFGI consumed before the STE is rewritten does not cover it: the old STE fetched in between survives the SYNC', () => {
    const doc = twoVmsOneDeviceDoc({
      policy: 'P3',
      script: [program(0, 'A', [writeLoop('0x40000000', 2, 1)]), { at: 40, op: 'transfer', device: 'X', to: 'P' }],
    });
    doc.policy = {
      id: 'custom',
      custom: {
        name: 'cfgi-first',
        steps: {
          transfer: [
            { kind: 'setOwner', to: 'to', state: 'pending-enable' },
            { kind: 'cmd', cmd: 'CFGI_STE' },
            { kind: 'busMaster', on: true },
            { kind: 'busMaster', on: true },
            { kind: 'steWrite', valid: false, config: 'abort' },
            { kind: 'cmd', cmd: 'TLBI_S12_VMALL', table: 'old' },
            { kind: 'sync', completesHandover: true },
          ],
        },
      },
    };
    const e = run(scenarioOf(doc), 200);
    expect(violated(e).has('I2')).toBe(true);
  });

  it("a late ATC acknowledgement does not complete another device's SYNC", () => {
    const doc = twoVmsOneDeviceDoc({
      policy: 'P3',
      ats: true,
      timing: { atcInv: [1200, 1200], atcInvTimeout: 1000 },
      devices: [{ id: 'Y', name: 'Y', streams: [18], group: 'g1', owner: 'A', ats: true, maxOutstanding: 4 }],
      script: [
        program(0, 'A', [writeLoop('0x40000000', 2, 2)]),
        program(0, 'A', [writeLoop('0x40000000', 2, 2)], 'Y'),
        { at: 40, op: 'transfer', device: 'X', to: 'P' },
        { at: 1100, op: 'transfer', device: 'Y', to: 'P' },
      ],
    });
    const e = run(scenarioOf(doc), 4000);
    // Both devices' invalidations time out (1200 > 1000): each SYNC fails on its own.
    expect(e.state.cmdq.cerrors).toBe(2);
  });
});
