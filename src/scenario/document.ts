// The way back: a Scenario as a document (hex addresses), for files, links and the editor. Parsing
// the result gives the same Scenario, so a shared scenario produces the same trace.

import type { Scenario } from '../sim';
import type { ScenarioDocument } from './schema';
import { formatAddress } from './hex';

export type { ScenarioDocument };

export function toDocument(s: Scenario): ScenarioDocument {
  return {
    ...s,
    memory: s.memory
      .map((r) => ({ ...r, pa: formatAddress(r.pa), ipa: formatAddress(r.ipa) }))
      .map((r, i) => (s.memory[i].owner === 'hyp' ? omit(r, 'ipa') : r)),
    script: s.script.map((o) => (o.op === 'program' ? { ...o, dma: o.dma.map((d) => ({ ...d, iova: formatAddress(d.iova) })) } : o)),
  };
}

function omit<T extends object, K extends keyof T>(o: T, k: K): Omit<T, K> {
  const { [k]: _, ...rest } = o;
  return rest;
}
