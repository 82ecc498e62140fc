// Random valid scenarios for property tests: small systems (1–4 VMs, 1–3 devices, a few regions),
// random policies — built-in or custom, with any steps for any operation — mutations and SMMU
// settings, and random scripts. Every document toDoc gives parses: references resolve, PAs and IPAs
// never overlap, handles are created before they are used.

import fc from 'fast-check';
import { MUTATION_IDS, POLICIES, POLICY_IDS } from '../sim';
import { checkCustomPolicy } from '../scenario/customPolicy';
import type { Doc, OpDoc } from './scenarios';

const hex = (n: number) => '0x' + n.toString(16);

/** The operations a policy expands into hypervisor steps (a custom policy's `steps` keys). */
export const POLICY_OPS = [
  'assign',
  'transfer',
  'lend',
  'reclaim',
  'relinquish',
  'share',
  'unassign',
  'abort',
  'accept',
  'enable',
  'revoke',
] as const;
export type PolicyOpName = (typeof POLICY_OPS)[number];

const TABLES = ['old', 'new', 'device', 'scratch', 'owner-cpu'] as const;
const WHO = ['to', 'from', 'hyp', 'quarantine', 'none'] as const;
const STATES = ['assigned', 'unassigned', 'held', 'offered', 'quarantined', 'pending-enable', 'lent', 'shared', 'locked'] as const;
const CMDS = ['CFGI_STE', 'CFGI_ALL', 'TLBI_S2_IPA', 'TLBI_S12_VMALL', 'TLBI_NSNH_ALL', 'ATC_INV'] as const;

/** A custom step as the document has it, except that a tableMap names its region by a number. */
export type RawStep = Record<string, unknown> & { kind: string };

const optional = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const table = fc.constantFrom(...TABLES);

/** Any step of the custom-policy vocabulary, every field drawn from its whole range. */
export const stepArb: fc.Arbitrary<RawStep> = fc.oneof(
  fc.record(
    {
      kind: fc.constant('steWrite'),
      valid: fc.boolean(),
      config: fc.constantFrom('abort', 'bypass', 's2', 'unassigned'),
      table: optional(table),
      eats: optional(fc.boolean()),
    },
    { requiredKeys: ['kind', 'valid', 'config'] },
  ),
  fc.record({ kind: fc.constant('cmd'), cmd: fc.constantFrom(...CMDS), table: optional(table) }, { requiredKeys: ['kind', 'cmd'] }),
  fc.record({ kind: fc.constant('sync'), completesHandover: optional(fc.boolean()) }, { requiredKeys: ['kind'] }),
  fc.record({ kind: fc.constant('busMaster'), on: fc.boolean() }),
  fc.constant({ kind: 'reset' }),
  fc.record({ kind: fc.constant('setOwner'), to: fc.constantFrom(...WHO), state: fc.constantFrom(...STATES) }),
  fc.record({
    kind: fc.constant('tableCreate'),
    fill: fc.constantFrom('owner', 'empty', 'shared', 'scratch'),
    for: fc.constantFrom(...WHO),
  }),
  fc.record({ kind: fc.constant('tableMap'), region: fc.nat(7), table: optional(table) }, { requiredKeys: ['kind', 'region'] }),
  fc.record(
    { kind: fc.constant('tableUnmap'), pages: fc.constantFrom('revoked', 'all'), table: optional(table) },
    { requiredKeys: ['kind', 'pages'] },
  ),
  fc.record({ kind: fc.constantFrom('tableFree', 'vmidAlloc', 'vmidFree'), table }),
  fc.record({ kind: fc.constant('awaitReceiver'), what: fc.constantFrom('accept', 'enable') }),
  fc.record({ kind: fc.constantFrom('lock', 'measure', 'start', 'ffaCommit') }),
);

/** A built-in policy's steps for one operation, as a custom policy would write them. */
function builtinSteps(policy: number, op: PolicyOpName, ats: boolean, atsCheck: boolean): RawStep[] {
  const f = POLICIES[POLICY_IDS[policy % POLICY_IDS.length]].ops[op];
  if (!f) return [];
  // A built-in policy may flag any step; the document allows the flag on a SYNC only.
  return f({ ats, atsCheckPlanned: atsCheck }).map(({ ...st }) => {
    if (st.kind !== 'sync' && 'completesHandover' in st) delete st.completesHandover;
    return st as RawStep;
  });
}

export interface CustomPlan {
  s2Record: boolean | undefined;
  ops: {
    op: PolicyOpName;
    /** Start from a built-in policy's steps for this operation (most realistic), or from nothing. */
    base: number | null;
    /** Edits of the base: insert a random step at, or delete the step at, a position. */
    edits: { at: number; insert: RawStep | null }[];
  }[];
}

export const customArb: fc.Arbitrary<CustomPlan> = fc.record({
  s2Record: optional(fc.boolean()),
  ops: fc.uniqueArray(
    fc.record({
      op: fc.constantFrom(...POLICY_OPS),
      base: fc.option(fc.nat(POLICY_IDS.length - 1), { freq: 3 }),
      edits: fc.array(fc.record({ at: fc.nat(40), insert: fc.option(stepArb, { freq: 4 }) }), { maxLength: 6 }),
    }),
    { selector: (o) => o.op, minLength: 4, maxLength: POLICY_OPS.length },
  ),
});

export interface Plan {
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
    /** With `wide`: regions its boot table maps (by number; empty: all its owner's memory), and ATS quirks. */
    map: number[];
    atcOnReset: 'flush' | 'keep';
    atsInvalidation: 'completes' | 'times-out';
  }[];
  policy: (typeof POLICY_IDS)[number] | 'custom';
  custom: CustomPlan | null;
  mutations: (typeof MUTATION_IDS)[number][];
  dmaCoupled: boolean;
  smmu: {
    enabled: boolean;
    gbpa: 'abort' | 'bypass';
    unassigned: 'abort' | 'bypass';
    atsCheck: boolean;
    eventQueue: number;
    cacheRetention: string;
    freedTables: 'stale' | 'zeroed' | 'reused' | 'protected';
    recCfgAts: boolean;
  };
  /** The hypervisor region's kind (with `wide`, any kind). */
  hypKind: 'hypervisor' | 'pagetable' | 'stream-table';
  seed: number;
  downstream: [number, number];
  /** Timing beyond the downstream range: left at the defaults unless `wide`. */
  timing: { reset: number; atcInv: [number, number]; atcInvTimeout: number; eventDrain: number; cmd: number } | null;
  ops: RawOp[];
  /** With `custom`: hand-overs in an order that follows each device's owner, so most are not refused. */
  flows: Flow[];
}

export type RawOp = { at: number; kind: string; a: number; b: number; c: number; flag: boolean; own: boolean };

const FLOW_KINDS = ['transfer', 'lend', 'relinquish', 'reclaim', 'share', 'revoke', 'unassign', 'assign', 'accept', 'enable'] as const;
/** A step of a device's story: `gap` ticks after the last one, on device `device`, towards endpoint `pick`. */
export type Flow = { gap: number; kind: (typeof FLOW_KINDS)[number]; device: number; pick: number };

export const DEVICE_OPS = [
  'program',
  'program',
  'program',
  'transfer',
  'transfer',
  'assign',
  'unassign',
  'reset',
  'pause',
  'resume',
  'cpuWrite',
];
export const OTHER_OPS = [
  'lend',
  'share',
  'relinquish',
  'reclaim',
  'accept',
  'enable',
  'map',
  'abort',
  'smmuEnable',
  'smmuDisable',
  'lock',
];
export const MEM_OPS = ['memShare', 'memLend', 'memDonate', 'memRetrieve', 'memRetrieve', 'memRelinquish', 'memReclaim'];
export const ALL_OPS = [...DEVICE_OPS, ...OTHER_OPS, ...MEM_OPS];

export interface PlanOptions {
  /** A fixed policy; otherwise any built-in one, or (with `custom`) a custom one as often as not. */
  policy?: (typeof POLICY_IDS)[number];
  /** Draw custom policies too. */
  custom?: boolean;
  /** Draw every field of the format from its range (device quirks, freed-table memory, timing…). */
  wide?: boolean;
  mutations?: boolean;
  ops: string[];
  resets?: boolean;
  settings?: boolean;
}

export function planArb(o: PlanOptions): fc.Arbitrary<Plan> {
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
  const policy: fc.Arbitrary<Plan['policy']> = o.policy
    ? fc.constant(o.policy)
    : o.custom
      ? fc.oneof(fc.constant('custom' as const), fc.constantFrom(...POLICY_IDS))
      : fc.constantFrom(...POLICY_IDS);
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
        map: o.wide ? fc.array(fc.nat(5), { maxLength: 2 }) : fc.constant([]),
        atcOnReset: o.wide ? fc.constantFrom('flush' as const, 'keep' as const) : fc.constant('flush' as const),
        atsInvalidation: o.wide ? fc.constantFrom('completes' as const, 'times-out' as const) : fc.constant('completes' as const),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    policy,
    custom: o.custom ? customArb.map((c): CustomPlan | null => c) : fc.constant(null),
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
            freedTables: 'stale' as const,
            recCfgAts: false,
          })
        : fc.record({
            enabled: fc.integer({ min: 0, max: 3 }).map((n) => n > 0), // mostly enabled; smmuEnable ops cover the rest
            gbpa: fc.constantFrom('abort' as const, 'bypass' as const),
            unassigned: fc.constantFrom('abort' as const, 'bypass' as const),
            atsCheck: fc.boolean(),
            eventQueue: fc.integer({ min: 1, max: 64 }),
            cacheRetention: fc.constantFrom('adversarial', 'lru:2', 'lru:16'),
            freedTables: o.wide
              ? fc.constantFrom('stale' as const, 'zeroed' as const, 'reused' as const, 'protected' as const)
              : fc.constant('stale' as const),
            recCfgAts: o.wide ? fc.boolean() : fc.constant(false),
          }),
    hypKind: o.wide
      ? fc.constantFrom('hypervisor' as const, 'pagetable' as const, 'stream-table' as const)
      : fc.constant('hypervisor' as const),
    seed: fc.nat(1000),
    downstream: fc
      .tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 30 }))
      .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as [number, number]),
    timing: o.wide
      ? fc.option(
          fc.record({
            reset: fc.integer({ min: 0, max: 60 }),
            atcInv: fc.tuple(fc.nat(20), fc.nat(60)).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as [number, number]),
            atcInvTimeout: fc.integer({ min: 1, max: 200 }),
            eventDrain: fc.integer({ min: 1, max: 40 }),
            cmd: fc.integer({ min: 1, max: 4 }),
          }),
        )
      : fc.constant(null),
    ops: fc.array(raw, { minLength: 1, maxLength: 14 }),
    flows: o.custom
      ? fc.array(
          fc.record({ gap: fc.integer({ min: 1, max: 40 }), kind: fc.constantFrom(...FLOW_KINDS), device: fc.nat(2), pick: fc.nat(3) }),
          { maxLength: 10 },
        )
      : fc.constant([]),
  });
}

/**
 * The flows as script operations: each device's owner as the built-in policies would leave it
 * (a transfer or lend moves it, a reclaim brings it back, an unassign clears it), so that each
 * operation names a device, endpoint and handle it can apply to.
 */
function flowOps(p: Plan, regions: { id: string; owner: string }[]): OpDoc[] {
  const out: OpDoc[] = [];
  const owner = p.devices.map((d) => (d.owner === null ? null : d.owner % p.vms));
  const lender = p.devices.map((): number | null => null);
  const sharedWith = p.devices.map((): number | null => null);
  const other = (v: number, pick: number) => (p.vms < 2 ? null : (v + 1 + (pick % (p.vms - 1))) % p.vms);
  let at = 5;
  p.flows.forEach((f, n) => {
    at += f.gap;
    const i = f.device % p.devices.length;
    const device = `D${i}`;
    const v = owner[i];
    switch (f.kind) {
      case 'transfer':
      case 'lend': {
        const to = v === null ? null : other(v, f.pick);
        if (to === null) return;
        out.push({ at, op: f.kind, device, to: `V${to}` });
        if (f.kind === 'lend') lender[i] = v;
        owner[i] = to;
        return;
      }
      case 'relinquish':
        if (v !== null && lender[i] !== null) out.push({ at, op: 'relinquish', device, by: `V${v}` });
        return;
      case 'reclaim':
        if (lender[i] === null) return;
        out.push({ at, op: 'reclaim', device });
        owner[i] = lender[i];
        lender[i] = null;
        return;
      case 'share': {
        const w = v === null ? null : other(v, f.pick);
        if (w === null) return;
        out.push({ at, op: 'share', device, with: `V${w}` });
        sharedWith[i] = w;
        return;
      }
      case 'revoke': {
        // Memory the sharer is given and gives back: its relinquish revokes it from the shared device.
        const w = sharedWith[i];
        const r = regions.find((x) => x.owner === `V${v}`);
        if (w === null || r === undefined) return;
        const handle = `f${n}`;
        out.push({ at, op: 'memShare', from: `V${v}`, to: [`V${w}`], region: r.id, handle });
        out.push({ at: at + 2, op: 'memRetrieve', by: `V${w}`, handle });
        out.push({ at: at + 4, op: 'memRelinquish', by: `V${w}`, handle });
        return;
      }
      case 'unassign':
        if (v === null) return;
        out.push({ at, op: 'unassign', device });
        owner[i] = null;
        return;
      case 'assign':
        if (v !== null) return;
        out.push({ at, op: 'assign', device, to: `V${f.pick % p.vms}` });
        owner[i] = f.pick % p.vms;
        return;
      case 'accept':
      case 'enable':
        if (v !== null) out.push({ at, op: f.kind, device, by: `V${v}` });
        return;
    }
  });
  return out;
}

/**
 * The custom policy's document: region numbers resolved to region ids, edits applied in order, and
 * the steps validation refuses as never able to act left out (one at a time: leaving out a
 * tableCreate may make a later step refused).
 */
function customDoc(c: CustomPlan, regionIds: string[], ats: boolean, atsCheck: boolean): Doc {
  const steps: Record<string, RawStep[]> = {};
  for (const o of c.ops) {
    const list = o.base === null ? [] : [...builtinSteps(o.base, o.op, ats, atsCheck)];
    for (const e of o.edits) {
      if (e.insert !== null) list.splice(e.at % (list.length + 1), 0, e.insert);
      else if (list.length > 0) list.splice(e.at % list.length, 1);
    }
    steps[o.op] = list
      .slice(0, 64)
      .map((st) =>
        st.kind === 'tableMap' && typeof st.region === 'number' ? { ...st, region: regionIds[st.region % regionIds.length] } : st,
      )
      // Optional fields left undefined by the generator are absent in a document.
      .map((st) => Object.fromEntries(Object.entries(st).filter(([, v]) => v !== undefined)) as RawStep);
  }
  const custom = { name: 'random', steps, ...(c.s2Record === undefined ? {} : { s2Record: c.s2Record }) };
  for (;;) {
    const refused = checkCustomPolicy({ custom } as unknown as Parameters<typeof checkCustomPolicy>[0])[0];
    if (refused === undefined) return custom;
    const m = /^policy\.custom\.steps\.(\w+)\[(\d+)\]/.exec(refused.path);
    if (m === null) throw new Error(`the generator wrote a policy validation refuses: ${refused.path}: ${refused.message}`);
    steps[m[1]].splice(Number(m[2]), 1);
  }
}

/** Turns a plan into a valid document: every reference resolves, PAs and IPAs never overlap. */
export function toDoc(p: Plan): Doc {
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
  if (p.hypRegion) memory.push({ id: 'hyp-mem', owner: 'hyp', pa: '0x10000000', pages: 1, kind: p.hypKind });
  const devices = p.devices.map((d, i) => ({
    id: `D${i}`,
    streams: d.streams === 1 ? [10 + i] : [10 + i, 20 + i],
    group: `g${d.group}`,
    owner: d.owner === null ? null : vm(d.owner),
    reset: d.reset,
    ats: d.ats,
    maxOutstanding: d.maxOutstanding,
    ...(d.map.length > 0 ? { map: [...new Set(d.map.map((n) => memory[n % memory.length].id as string))] } : {}),
    ...(d.atcOnReset !== 'flush' ? { atcOnReset: d.atcOnReset } : {}),
    ...(d.atsInvalidation !== 'completes' ? { atsInvalidation: d.atsInvalidation } : {}),
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
      case 'lock':
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
          // A receiver with an explicit access now and then (c > 8).
          to: (o.flag ? [vm(o.b), vm(o.b + 1)] : [vm(o.b)]).map((id, k) => (o.c > 8 ? { id, access: (o.c + k) % 2 ? 'ro' : 'rw' } : id)),
          region: region(o.c).id,
          clear: o.a % 3 === 0,
          handle: h,
        });
        break;
      case 'memRetrieve':
        script.push({ at, op: o.kind, by: vm(o.b), handle: h, ...(o.a > 8 ? { clearOnRelinquish: true } : {}) });
        break;
      case 'memRelinquish':
      case 'memReclaim':
        script.push({ at, op: o.kind, by: vm(o.b), handle: h, ...(o.a > 8 ? { clear: true } : {}) });
        break;
    }
  }
  script.push(...flowOps(p, regions));
  // A retrieve, relinquish or reclaim must name a handle that some send creates.
  const uses = new Set(['memRetrieve', 'memRelinquish', 'memReclaim']);
  const valid = script.filter((x) => !uses.has(x.op) || created.has(x.handle as string));
  const ats = p.devices.some((d) => d.ats);
  const policy: Doc = { id: p.policy, mutations: p.mutations, dmaCoupled: p.dmaCoupled };
  if (p.policy === 'custom' && p.custom !== null)
    policy.custom = customDoc(
      p.custom,
      memory.map((r) => r.id as string),
      ats,
      p.smmu.atsCheck,
    );
  return {
    format: 'dma-handoff/scenario',
    version: 1,
    title: 'random',
    seed: p.seed,
    timing: { downstream: p.downstream, ...(p.timing ?? {}) },
    smmu: p.smmu,
    policy,
    endpoints,
    memory,
    devices,
    script: valid,
  };
}

/** How far a scenario runs by default (the app's timeline and the CLI). */
export { defaultHorizon as horizonOf } from '../scenario/horizon';

/**
 * How many scenarios a never-throw property runs: `runs` in the unit suite, or the PROPERTY_RUNS
 * environment variable's count (a CI job, a hunt for a rare case) scaled the same way.
 */
export function propertyRuns(runs: number, scale = 1): number {
  const asked = Number(process.env.PROPERTY_RUNS);
  return Math.max(1, Math.ceil((Number.isFinite(asked) && asked > 0 ? asked : runs) * scale));
}
