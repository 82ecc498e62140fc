// A copy of the engine's state between ticks, for the explorer's forks (EngineOptions.from). It is
// written per record kind: a spread copies a record's numbers and strings in one step, and only its
// nested maps, arrays and records are copied again. A generic walk over the same tree costs several
// times as much, and the explorer copies a state for every schedule it forks.
//
// What the scenario owns (the scenario itself, and the script operations that jobs and operation
// records point at) is shared: the engine never writes to it. Buffers kept for reuse are left out.
// `copyState.test.ts` checks, over the gallery, that a copy equals its state and shares nothing else.

import type { Choices } from './core/choice';
import { queueSnapshot } from './core/timeQueue';
import type { Device, Txn } from './model/deviceState';
import type { CommandQueue, IoTable, Ste } from './model/smmuState';
import type { Endpoint, Job, OpRecord, Page, ShareState, SimState, Violation } from './model/state';

function mapOf<K, V>(m: Map<K, V>, copy: (v: V) => V): Map<K, V> {
  const r = new Map<K, V>();
  for (const [k, v] of m) r.set(k, copy(v));
  return r;
}

const endpoint = (e: Endpoint): Endpoint => ({ ...e, s2: new Map(e.s2) });

const page = (p: Page): Page => ({
  ...p,
  modes: p.modes.slice(),
  lastDmaWriter: p.lastDmaWriter === null ? null : { ...p.lastDmaWriter },
  clearedFrom: p.clearedFrom.slice(),
});

const table = (t: IoTable): IoTable => ({ ...t, map: new Map(t.map) });

const ste = (x: Ste): Ste => ({ ...x });

const device = (d: Device): Device => ({
  ...d,
  streams: d.streams.slice(),
  atc: mapOf(d.atc, (a) => ({ ...a })),
  descriptors: d.descriptors.map((x) => ({ ...x })),
  faultedReads: d.faultedReads.map((x) => ({ ...x })),
  map: d.map.slice(),
  lastWrite: d.lastWrite.slice(),
  lastCommitBy: d.lastCommitBy.slice(),
  handovers: d.handovers.map((x) => ({ ...x })),
});

const txn = (t: Txn): Txn => ({ ...t });

const cmdq = (c: CommandQueue): CommandQueue => ({
  ...c,
  queue: c.queue.map((x) => ({ ...x })),
  drain: new Set(c.drain),
  pending: c.pending.map((x) => ({ ...x })),
  atcAwaited: c.atcAwaited.slice(),
});

const share = (h: ShareState): ShareState => ({ ...h, receivers: h.receivers.map((r) => ({ ...r })) });

const job = (j: Job): Job => ({
  ...j,
  steps: j.steps.map((x) => ({ ...x })),
  old: { ...j.old },
  fresh: { ...j.fresh },
  revokedPages: j.revokedPages.slice(),
  revokedIova: j.revokedIova.slice(),
});

const opRecord = (o: OpRecord): OpRecord => ({ ...o, steps: o.steps.map((x) => ({ ...x })) });

const violation = (v: Violation): Violation => ({ ...v, path: v.path === null ? null : { ...v.path } });

const choices = (c: Choices): Choices => ({
  n: c.n,
  over: c.over === null ? null : new Map(c.over),
  record: c.record === null ? null : c.record.copy(),
  at: c.at,
});

/**
 * A copy of a state taken between ticks. With `records: false` the log and the record of events
 * are left empty: nothing the engine does depends on them, and the explorer reads only violations,
 * operations and choices.
 */
export function copySimState(s: SimState, o: { records?: boolean } = {}): SimState {
  const keep = o.records !== false;
  return {
    ...s,
    rng: [...s.rng],
    choices: choices(s.choices),
    hash: [...s.hash],
    queue: queueSnapshot(s.queue),
    endpoints: s.endpoints.map(endpoint),
    epIndex: new Map(s.epIndex),
    regions: s.regions.map((r) => ({ ...r })),
    pages: s.pages.map(page),
    pfnToPage: new Map(s.pfnToPage),
    tables: mapOf(s.tables, table),
    vmidsInUse: new Map(s.vmidsInUse),
    smmu: { ...s.smmu },
    freedUnused: s.freedUnused.slice(),
    streamTable: mapOf(s.streamTable, ste),
    cfgCache: mapOf(s.cfgCache, (c) => ({ ...c, ste: ste(c.ste) })),
    tlb: mapOf(s.tlb, (t) => ({ ...t })),
    cmdq: cmdq(s.cmdq),
    eventq: { ...s.eventq, records: s.eventq.records.map((r) => ({ ...r })) },
    devices: s.devices.map(device),
    devIndex: new Map(s.devIndex),
    sidToDevice: new Map(s.sidToDevice),
    txns: mapOf(s.txns, txn),
    counters: { ...s.counters },
    handles: mapOf(s.handles, share),
    jobs: mapOf(s.jobs, job),
    jobQueue: s.jobQueue.slice(),
    ops: s.ops.map(opRecord),
    bucket: s.bucket.slice(),
    log: keep ? s.log.map((r) => ({ ...r })) : [],
    events: keep ? s.events.map((r) => ({ ...r })) : [],
    violations: s.violations.map(violation),
    violationIndex: new Map(s.violationIndex),
    ended: null,
    spareTxns: [],
    mutations: new Set(s.mutations),
  };
}
