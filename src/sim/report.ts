// The run report (docs/architecture.md): what the CLI prints and tests compare. Safety (violations) and
// liveness (did each hand-over complete, and did the new owner's own DMA then work) side by side:
// a policy that is safe only because nothing ever completes must not read as one that works.

import type { Engine } from './engine';
import type { MutationId, PolicyId, ScriptOp } from './model/scenario';
import type { SimState, ViolationPath } from './model/state';

/** Operations that hand a device to another endpoint (or to nobody). */
export const HANDOVER_OPS: ReadonlySet<ScriptOp['op']> = new Set([
  'assign',
  'transfer',
  'lend',
  'reclaim',
  'relinquish',
  'share',
  'unassign',
]);

export interface Handover {
  op: string;
  device: string;
  /** The endpoint the device goes to; null for an unassign or a relinquish to the hypervisor. */
  to: string | null;
  requestedAt: number;
  /** `waiting`: parked for the receiver's accept or enable; `running`: not finished when the run ended. */
  status: 'completed' | 'refused' | 'waiting' | 'running';
  completedAt: number | null;
  /** The refusal's code, when refused. */
  error?: string;
  /** Whether DMA the new owner programmed committed after the hand-over completed (null: no new owner). */
  newOwnerDma: boolean | null;
}

export interface Report {
  scenario: string;
  policy: PolicyId | 'custom';
  mutations: MutationId[];
  endTime: number;
  /** The length of a tick in nanoseconds. */
  tickNs: number;
  traceHash: string;
  dma: { issued: number; committed: number; aborted: number; recorded: number; suppressed: number; dropped: number };
  /** Fault records lost to a full event queue, and how often it went into overflow (OVFLG). */
  eventQueue: { capacity: number; lost: number; overflows: number };
  violations: {
    invariant: string;
    number: string;
    t: number;
    device: string | null;
    txn: number | null;
    page: string | null;
    message: string;
    count: number;
    path: ViolationPath | null;
  }[];
  handovers: Handover[];
  opErrors: { t: number; op: string; error: string; message: string }[];
  /** Hypervisor steps that named nothing they could act on (STEP_UNRESOLVED), with the operation's index. */
  stepErrors: { t: number; op: number; message: string }[];
  final: { devices: Record<string, { owner: string; state: string }> };
  events?: { t: number; name: string; number: string; sid: number; addr: string; write: boolean; txn: number }[];
}

export function handovers(s: SimState): Handover[] {
  const out: Handover[] = [];
  for (const o of s.ops) {
    if (!HANDOVER_OPS.has(o.op.op) || !('device' in o.op)) continue;
    const di = s.devIndex.get(o.op.device) ?? -1;
    const to = o.receiver !== undefined && o.receiver >= 2 ? o.receiver : -1;
    const status = o.status === 'done' ? 'completed' : o.status === 'refused' ? 'refused' : o.status;
    const completedAt = status === 'completed' ? o.doneAt : null;
    const h: Handover = {
      op: o.op.op,
      device: o.op.device,
      to: to >= 0 ? s.endpoints[to].id : null,
      requestedAt: o.t,
      status,
      completedAt,
      newOwnerDma: to < 0 || di < 0 ? null : completedAt !== null && s.devices[di].lastCommitBy[to] > completedAt,
    };
    if (o.error !== undefined) h.error = o.error;
    out.push(h);
  }
  return out;
}

export function buildReport(e: Engine, opts: { events?: boolean } = {}): Report {
  const s = e.state;
  const sc = e.scenario;
  const name = (i: number) => (i >= 0 ? s.endpoints[i].id : 'nobody');
  const devices: Report['final']['devices'] = {};
  for (const d of s.devices) devices[d.id] = { owner: name(d.owner), state: d.assign };
  const opErrors = s.ops
    .filter((o) => o.status === 'refused')
    .map((o) => {
      const rec = s.log.find((l) => l.kind === 'opError' && l.op === o.index && l.code === o.error);
      return { t: o.t, op: o.op.op, error: o.error ?? '', message: rec ? rec.text.slice(rec.text.indexOf(': ') + 2) : '' };
    });
  const stepErrors = s.log.filter((l) => l.code === 'STEP_UNRESOLVED').map((l) => ({ t: l.t, op: l.op, message: l.text }));
  const r: Report = {
    scenario: sc.title,
    policy: sc.policy.id,
    mutations: sc.policy.mutations,
    endTime: s.now,
    tickNs: sc.timing.tickNs,
    traceHash: e.traceHash(),
    dma: { ...s.counters },
    eventQueue: { capacity: s.eventq.capacity, lost: s.counters.dropped, overflows: s.eventq.overflows },
    violations: s.violations.map((v) => ({ ...v })),
    handovers: handovers(s),
    opErrors,
    stepErrors,
    final: { devices },
  };
  if (opts.events) {
    const pending = s.eventq.records;
    r.events = [...s.events, ...pending].map((x) => ({
      t: x.t,
      name: x.name,
      number: '0x' + x.number.toString(16).padStart(2, '0'),
      sid: x.sid,
      addr: '0x' + x.addr.toString(16),
      write: x.write,
      txn: x.txn,
    }));
  }
  return r;
}
