// Properties over random scenarios: small systems (1–4 VMs, 1–3 devices, a few regions), random
// policies, mutations and SMMU settings, and random scripts. The engine must never throw, must
// account for every transaction and every abort at every step, must be deterministic, and P1 with
// clean resets must keep DMA isolation whatever the schedule.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEngine, type Engine } from './engine';
import { MUTATION_IDS, POLICY_IDS } from './model/scenario';
import { type Doc, type OpDoc, conserved, scenarioOf, violated } from '../testing/scenarios';

const hex = (n: number) => '0x' + n.toString(16);

interface Plan {
  vms: number;
  sp: boolean;
  regions: { vm: number; pages: number; secret: boolean }[];
  hypRegion: boolean;
  devices: {
    owner: number | null;
    group: number;
    streams: number;
    reset: 'clean' | 'ignores-reset' | 'retries-after-reset';
    ats: boolean;
    maxOutstanding: number;
    /** The boot owner programs a looping descriptor at tick 0..9 (write when odd, read when even). */
    boot: number | null;
  }[];
  policy: (typeof POLICY_IDS)[number];
  mutations: (typeof MUTATION_IDS)[number][];
  dmaCoupled: boolean;
  smmu: {
    enabled: boolean;
    gbpa: 'abort' | 'bypass';
    unassigned: 'abort' | 'bypass';
    atsCheck: boolean;
    eventQueue: number;
    cacheRetention: string;
  };
  seed: number;
  downstream: [number, number];
  ops: RawOp[];
}

type RawOp = { at: number; kind: string; a: number; b: number; c: number; flag: boolean; own: boolean };

const DEVICE_OPS = ['program', 'program', 'program', 'transfer', 'transfer', 'assign', 'unassign', 'reset', 'pause', 'resume', 'cpuWrite'];
const OTHER_OPS = ['lend', 'share', 'relinquish', 'reclaim', 'accept', 'enable', 'map', 'abort', 'smmuEnable', 'smmuDisable'];
const MEM_OPS = ['memShare', 'memLend', 'memDonate', 'memRetrieve', 'memRetrieve', 'memRelinquish', 'memReclaim'];

function planArb(o: {
  policy?: Plan['policy'];
  mutations?: boolean;
  ops: string[];
  resets?: boolean;
  settings?: boolean;
}): fc.Arbitrary<Plan> {
  const raw = fc.record({
    at: fc.integer({ min: 0, max: 150 }),
    kind: fc.constantFrom(...o.ops),
    a: fc.nat(11),
    b: fc.nat(11),
    c: fc.nat(11),
    flag: fc.boolean(),
    /** A program by the device's boot owner (most are: a random VM is usually refused). */
    own: fc.nat(3).map((n) => n > 0),
  });
  return fc.record({
    vms: fc.integer({ min: 1, max: 4 }),
    sp: fc.boolean(),
    regions: fc.array(fc.record({ vm: fc.nat(3), pages: fc.integer({ min: 1, max: 3 }), secret: fc.boolean() }), {
      minLength: 1,
      maxLength: 5,
    }),
    hypRegion: fc.boolean(),
    devices: fc.array(
      fc.record({
        owner: fc.option(fc.nat(3), { freq: 4 }),
        group: fc.nat(3),
        streams: fc.integer({ min: 1, max: 2 }),
        reset:
          o.resets === false
            ? fc.constant('clean' as const)
            : fc.constantFrom('clean' as const, 'ignores-reset' as const, 'retries-after-reset' as const),
        ats: fc.boolean(),
        maxOutstanding: fc.integer({ min: 1, max: 6 }),
        boot: fc.option(fc.nat(9), { freq: 5 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    policy: o.policy ? fc.constant(o.policy) : fc.constantFrom(...POLICY_IDS),
    mutations: o.mutations === false ? fc.constant([]) : fc.subarray([...MUTATION_IDS]),
    dmaCoupled: fc.boolean(),
    smmu:
      o.settings === false
        ? fc.constant({
            enabled: true,
            gbpa: 'abort' as const,
            unassigned: 'abort' as const,
            atsCheck: false,
            eventQueue: 64,
            cacheRetention: 'adversarial',
          })
        : fc.record({
            enabled: fc.integer({ min: 0, max: 3 }).map((n) => n > 0), // mostly enabled; smmuEnable ops cover the rest
            gbpa: fc.constantFrom('abort' as const, 'bypass' as const),
            unassigned: fc.constantFrom('abort' as const, 'bypass' as const),
            atsCheck: fc.boolean(),
            eventQueue: fc.integer({ min: 1, max: 64 }),
            cacheRetention: fc.constantFrom('adversarial', 'lru:2', 'lru:16'),
          }),
    seed: fc.nat(1000),
    downstream: fc
      .tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 30 }))
      .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as [number, number]),
    ops: fc.array(raw, { minLength: 1, maxLength: 14 }),
  });
}

/** Turns a plan into a valid document: every reference resolves, PAs and IPAs never overlap. */
function toDoc(p: Plan): Doc {
  const vm = (i: number) => `V${i % p.vms}`;
  const endpoints = Array.from({ length: p.vms }, (_, i) => ({ id: `V${i}`, kind: p.sp && i === p.vms - 1 ? 'sp' : 'vm', vmid: i + 1 }));
  const perVm = new Map<number, number>();
  const regions = p.regions.map((r, i) => {
    const owner = r.vm % p.vms;
    const k = perVm.get(owner) ?? 0;
    perVm.set(owner, k + 1);
    return {
      id: `r${i}`,
      owner: `V${owner}`,
      pa: hex(0x80000000 + i * 0x1000000),
      ipa: hex(0x40000000 + k * 0x1000000),
      pages: r.pages,
      secret: r.secret,
    };
  });
  const memory: Doc[] = [...regions];
  if (p.hypRegion) memory.push({ id: 'hyp-mem', owner: 'hyp', pa: '0x10000000', pages: 1, kind: 'hypervisor' });
  const devices = p.devices.map((d, i) => ({
    id: `D${i}`,
    streams: d.streams === 1 ? [10 + i] : [10 + i, 20 + i],
    group: `g${d.group}`,
    owner: d.owner === null ? null : vm(d.owner),
    reset: d.reset,
    ats: d.ats,
    maxOutstanding: d.maxOutstanding,
  }));
  const dev = (n: number) => `D${n % devices.length}`;
  const region = (n: number) => regions[n % regions.length];
  // Descriptors aim at the VMs' RAM (by IPA), sometimes at raw PAs (P0 bypass, GBPA).
  const iova = (n: number, m: number) => {
    const r = region(n);
    return n % 5 === 4 ? r.pa : hex(parseInt(r.ipa, 16) + (m % r.pages) * 4096);
  };
  const created = new Set<string>();
  const script: OpDoc[] = [];
  // A region of `owner`'s (by IPA), or any region.
  const ownRegion = (owner: string, n: number) => {
    const mine = regions.filter((r) => r.owner === owner);
    return mine.length > 0 ? mine[n % mine.length] : region(n);
  };
  p.devices.forEach((d, i) => {
    if (d.owner === null || d.boot === null) return;
    const r = ownRegion(vm(d.owner), d.boot);
    script.push({
      at: d.boot,
      op: 'program',
      device: `D${i}`,
      by: vm(d.owner),
      dma: [{ iova: r.ipa, pages: r.pages, dir: d.boot % 2 ? 'write' : 'read', loop: true, every: 1 + (d.boot % 4) }],
    });
  });
  for (const o of p.ops) {
    const at = o.at;
    const h = `h${o.c % 3}`;
    switch (o.kind) {
      case 'program': {
        const owner = p.devices[o.a % devices.length].owner;
        script.push({
          at,
          op: 'program',
          device: dev(o.a),
          by: o.own && owner !== null ? vm(owner) : vm(o.b),
          dma: [{ iova: iova(o.c, o.b), pages: 1 + (o.c % 2), dir: o.flag ? 'write' : 'read', loop: o.c % 4 !== 0, every: 1 + (o.b % 7) }],
        });
        break;
      }
      case 'transfer':
      case 'assign':
      case 'lend':
        script.push({ at, op: o.kind, device: dev(o.a), to: vm(o.b) });
        break;
      case 'share':
        script.push({ at, op: 'share', device: dev(o.a), with: vm(o.b) });
        break;
      case 'accept':
      case 'enable':
      case 'relinquish':
        script.push({ at, op: o.kind, device: dev(o.a), by: vm(o.b) });
        break;
      case 'map':
        script.push({ at, op: 'map', device: dev(o.a), by: vm(o.b), region: region(o.c).id });
        break;
      case 'unassign':
      case 'reset':
      case 'pause':
      case 'resume':
      case 'reclaim':
        script.push({ at, op: o.kind, device: dev(o.a) });
        break;
      case 'cpuWrite':
        script.push({ at, op: 'cpuWrite', endpoint: vm(o.b), region: region(o.c).id, secret: o.flag });
        break;
      case 'abort':
        script.push({ at, op: 'abort', endpoint: vm(o.b) });
        break;
      case 'smmuEnable':
      case 'smmuDisable':
        script.push({ at, op: o.kind });
        break;
      case 'memShare':
      case 'memLend':
      case 'memDonate':
        if (created.has(h)) break;
        created.add(h);
        script.push({
          at,
          op: o.kind,
          from: vm(o.a),
          to: o.flag ? [vm(o.b), vm(o.b + 1)] : [vm(o.b)],
          region: region(o.c).id,
          clear: o.a % 3 === 0,
          handle: h,
        });
        break;
      case 'memRetrieve':
      case 'memRelinquish':
      case 'memReclaim':
        script.push({ at, op: o.kind, by: vm(o.b), handle: h });
        break;
    }
  }
  // A retrieve, relinquish or reclaim must name a handle that some send creates.
  const uses = new Set(['memRetrieve', 'memRelinquish', 'memReclaim']);
  const valid = script.filter((x) => !uses.has(x.op) || created.has(x.handle as string));
  return {
    format: 'dma-handoff/scenario',
    version: 1,
    title: 'random',
    seed: p.seed,
    timing: { downstream: p.downstream },
    smmu: p.smmu,
    policy: { id: p.policy, mutations: p.mutations, dmaCoupled: p.dmaCoupled },
    endpoints,
    memory,
    devices,
    script: valid,
  };
}

const UNTIL = 250;
/** Bounds the work per case: a looping descriptor every tick on three devices stays well below. */
const MAX_EVENTS = 20000;

/** Steps every event to UNTIL, calling `check` after each. */
function stepAll(e: Engine, check: () => void): void {
  let n = 0;
  while (e.nextEventAt() <= UNTIL && n++ < MAX_EVENTS) {
    e.step();
    check();
  }
  e.runUntil(UNTIL);
}

function accounting(e: Engine): void {
  const c = e.state.counters;
  if (!conserved(e))
    throw new Error(`issued ${c.issued} ≠ committed ${c.committed} + aborted ${c.aborted} + in flight ${e.state.txns.size} at ${e.now}`);
  if (c.aborted !== c.recorded + c.suppressed + c.dropped)
    throw new Error(`aborted ${c.aborted} ≠ recorded ${c.recorded} + suppressed ${c.suppressed} + dropped ${c.dropped} at ${e.now}`);
}

const ALL_OPS = [...DEVICE_OPS, ...OTHER_OPS, ...MEM_OPS];

describe('random scenarios', () => {
  it('never throw, and at every step every transaction and every abort is accounted for', () => {
    let runs = 0;
    let landed = 0;
    let landedAndBlocked = 0;
    fc.assert(
      fc.property(planArb({ ops: ALL_OPS }), (plan) => {
        const e = createEngine(scenarioOf(toDoc(plan)));
        stepAll(e, () => accounting(e));
        runs++;
        if (e.state.counters.committed > 0) landed++;
        if (e.state.counters.committed > 0 && e.state.counters.aborted > 0) landedAndBlocked++;
        // Every in-flight transaction is counted against its device's outstanding limit.
        e.state.devices.forEach((d, i) => {
          const mine = [...e.state.txns.values()].filter((t) => t.device === i).length;
          expect(d.outstanding).toBe(mine);
          expect(d.outstanding).toBeLessThanOrEqual(d.maxOutstanding);
        });
        for (const t of e.state.txns.values()) expect(['issued', 'translated']).toContain(t.phase);
      }),
      { numRuns: 150 },
    );
    // Not vacuous: a good share of the random systems both landed and blocked DMA.
    expect(landed / runs).toBeGreaterThan(0.35);
    expect(landedAndBlocked / runs).toBeGreaterThan(0.06);
  });

  it('the same scenario and seed give the same trace hash and the same violations', () => {
    fc.assert(
      fc.property(planArb({ ops: ALL_OPS }), (plan) => {
        const sc = scenarioOf(toDoc(plan));
        const a = createEngine(sc);
        a.runUntil(UNTIL);
        const b = createEngine(scenarioOf(toDoc(plan)));
        b.runUntil(UNTIL);
        expect(b.traceHash()).toBe(a.traceHash());
        expect(b.violations).toEqual(a.violations);
        expect(b.state.counters).toEqual(a.state.counters);
      }),
      { numRuns: 100 },
    );
  });
});

describe('P1 with clean resets and no mutations', () => {
  // Device-level schedules: programming, transfers, assignment, resets, pauses, CPU writes.
  // FF-A memory operations are left out on purpose: lending a page that a device table still maps
  // is a separate hazard (P7's "lend a DMA-visible page"), which dmaCoupled addresses, not P1.
  it('no random schedule breaks I1 or I1b', () => {
    let runs = 0;
    let handedOverWithDma = 0;
    fc.assert(
      fc.property(planArb({ policy: 'P1', mutations: false, resets: false, settings: false, ops: DEVICE_OPS }), (plan) => {
        const e = createEngine(scenarioOf(toDoc(plan)));
        e.runUntil(UNTIL);
        runs++;
        if (e.state.counters.committed > 0 && e.ops.some((o) => o.op.op === 'transfer' && o.status === 'done')) handedOverWithDma++;
        const v = violated(e);
        expect(v.has('I1'), e.violations.map((x) => x.message).join('\n')).toBe(false);
        expect(v.has('I1b'), e.violations.map((x) => x.message).join('\n')).toBe(false);
      }),
      { numRuns: 200 },
    );
    // Not vacuous: many schedules completed a transfer of a device that was doing DMA.
    expect(handedOverWithDma / runs).toBeGreaterThan(0.06);
  });
});
