// Liveness as findings (docs/model.md §16): at the horizon, a hand-over still running has failed
// to complete, and a completed hand-over after which no DMA the new owner programmed committed has
// starved the new owner. A hand-over parked for its receiver, or refused, is an answer, not a
// failure. The explorer searches and shrinks these like a broken invariant; the default run
// failing one already makes it "broken by default".

import { handovers } from '../report';
import type { SimState } from '../model/state';
import type { Broken } from './run';

export const LIVENESS = [
  { id: 'handover-completes', number: 'L1', text: 'a hand-over completes' },
  { id: 'new-owner-dma', number: 'L2', text: "the new owner's DMA runs after its hand-over" },
] as const;

/** The liveness findings of a run that reached `horizon`, by id (the first hand-over failing each). */
export function livenessFailures(s: SimState, horizon: number): Map<string, Broken> {
  const out = new Map<string, Broken>();
  for (const h of handovers(s)) {
    const what = `${h.op} of ${h.device}${h.to === null ? '' : ` to ${h.to}`} requested at t=${h.requestedAt}`;
    if (h.status === 'running' && !out.has('handover-completes'))
      out.set('handover-completes', {
        number: 'L1',
        t: h.requestedAt,
        message: `${what} has not completed by t=${horizon}`,
        kind: 'liveness',
        violation: null,
      });
    if (h.newOwnerDma === false && !out.has('new-owner-dma'))
      out.set('new-owner-dma', {
        number: 'L2',
        t: h.completedAt ?? h.requestedAt,
        message: `${what} completed at t=${h.completedAt}, but no DMA ${h.to} programmed committed after it by t=${horizon}`,
        kind: 'liveness',
        violation: null,
      });
  }
  return out;
}
