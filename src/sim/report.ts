// The run report (DESIGN.md §3.5): what the CLI prints and tests compare.

import type { Engine } from './engine';
import type { MutationId, PolicyId } from './model/scenario';

export interface Report {
  scenario: string;
  policy: PolicyId | 'custom';
  mutations: MutationId[];
  endTime: number;
  traceHash: string;
  dma: { issued: number; committed: number; aborted: number; recorded: number; suppressed: number; dropped: number };
  violations: { invariant: string; number: string; t: number; device: string | null; txn: number | null; page: string | null; message: string; count: number }[];
  opErrors: { t: number; op: string; error: string; message: string }[];
  final: { devices: Record<string, { owner: string; state: string }> };
  events?: { t: number; name: string; number: string; sid: number; addr: string; write: boolean; txn: number }[];
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
      const rec = s.log.find((l) => l.kind === 'opError' && l.op === o.index);
      return { t: o.t, op: o.op.op, error: o.error ?? '', message: rec ? rec.text.slice(rec.text.indexOf(': ') + 2) : '' };
    });
  const r: Report = {
    scenario: sc.title,
    policy: sc.policy.id,
    mutations: sc.policy.mutations,
    endTime: s.now,
    traceHash: e.traceHash(),
    dma: { ...s.counters },
    violations: s.violations.map((v) => ({ ...v })),
    opErrors,
    final: { devices },
  };
  if (opts.events) {
    const pending = s.eventq.records;
    r.events = [...s.events, ...pending].map((x) => ({ t: x.t, name: x.name, number: '0x' + x.number.toString(16).padStart(2, '0'), sid: x.sid, addr: '0x' + x.addr.toString(16), write: x.write, txn: x.txn }));
  }
  return r;
}
