// A counterexample's deviations in words: what each choice decides, its default and the value the
// run takes instead ("downstream delay at t=12: 8 ticks instead of 3").

import type { TakenChoice } from '../../worker/takenChoices';

const KIND_WORDS: Record<string, { what: string; unit: (v: number) => string }> = {
  downstream: { what: 'downstream delay', unit: (v) => `${v} tick${v === 1 ? '' : 's'}` },
  'atc-ack': { what: 'ATC acknowledgement delay', unit: (v) => `${v} tick${v === 1 ? '' : 's'}` },
  'evict-cfg': { what: 'STE cache eviction', unit: (v) => `entry ${v}` },
  'evict-tlb': { what: 'TLB eviction', unit: (v) => `entry ${v}` },
  window: { what: "operation's tick in its window", unit: (v) => `t=${v}` },
};

/** One deviation, in words. */
export function choiceWords(c: TakenChoice): string {
  if (c.kind === null || c.default === null || c.taken === null)
    return `choice ${c.index}: not made in this run (the list asks for ${c.asked}; it may be from another scenario)`;
  const k = KIND_WORDS[c.kind] ?? { what: c.kind, unit: (v: number) => String(v) };
  const clamped = c.taken !== c.asked ? ` (the link asks for ${c.asked}, outside the choice's range)` : '';
  const of = c.txn === null ? '' : ` of transaction ${c.txn.id} (${c.txn.device})`;
  const where = c.t === null ? '' : ` at t=${c.t}`;
  return `${k.what}${of}${where}: ${k.unit(c.taken)} instead of ${k.unit(c.default)}${clamped}`;
}

/** The banner's headline: how many choices differ from the default run. */
export function choicesHeadline(n: number): string {
  return `Counterexample: ${n} timing choice${n === 1 ? ' differs' : 's differ'} from the default run`;
}
