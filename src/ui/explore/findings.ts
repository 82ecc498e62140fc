// The explorer's result in the panel's terms: per invariant and liveness property, a counterexample — its
// deviations in words, the tick and message of the violation, the link that opens it —
// or "none found" with what the search covered. A violation of the default run is a counterexample
// with no deviation. Random mode's coverage is said as sampling, never as coverage of a bound.

import { INVARIANTS, LIVENESS, type Counterexample, type ExploreResult } from '../../sim';
import type { DefaultViolation } from './protocol';

/** What each kind of choice decides, in words. */
const KIND_WORDS: Record<string, string> = {
  downstream: "a transaction's downstream delay",
  'atc-ack': 'an ATC acknowledgement delay',
  'evict-cfg': 'the configuration-cache entry evicted',
  'evict-tlb': 'the TLB entry evicted',
  window: "an operation's tick in its window",
};

export function deviationWords(d: Counterexample['deviations'][number]): string {
  return `choice ${d.index} (${KIND_WORDS[d.kind] ?? d.kind}): ${d.value} instead of ${d.default}`;
}

export interface Found {
  /** The deviations in words; empty: the default schedule breaks it. */
  deviations: string[];
  /**
   * What follows the explored scenario's link to open it on the finding: the counterexample's timing
   * (`&x=<choices>`, none for the default schedule), its tick, and the violation it found selected
   * (`&t=…&sel=v…`; a liveness finding, which is no violation, gives the tick only).
   */
  open: string;
  /** The violation's tick (null: a liveness failure of the default run, whose tick the search does not report). */
  tick: number | null;
  message: string;
}

export interface Finding {
  /** The invariant's number (I1…) or the liveness property's (L1…). */
  number: string;
  id: string;
  rule: string;
  found: Found | null;
}

function fromCounterexample(c: Counterexample): Found {
  const sel = c.violation === null ? '' : `&sel=v${c.violation}`;
  return { deviations: c.deviations.map(deviationWords), open: `&x=${c.choices}&t=${c.tick}${sel}`, tick: c.tick, message: c.message };
}

/** A row per invariant in catalogue order, then one per liveness property. */
export function findings(r: ExploreResult, defaults: readonly DefaultViolation[]): Finding[] {
  const safety = INVARIANTS.map((inv): Finding => {
    const c = r.counterexamples.find((x) => x.kind === 'safety' && x.invariant === inv.id);
    const d = defaults.find((x) => x.invariant === inv.id);
    const found =
      c !== undefined
        ? fromCounterexample(c)
        : d !== undefined
          ? { deviations: [], open: `&t=${d.tick}&sel=v${d.index}`, tick: d.tick, message: d.message }
          : null;
    return { number: inv.number, id: inv.id, rule: inv.rule, found };
  });
  const live = LIVENESS.map((l): Finding => {
    const c = r.counterexamples.find((x) => x.kind === 'liveness' && x.invariant === l.id);
    const byDefault = r.defaultViolations.includes(l.id);
    const found =
      c !== undefined
        ? fromCounterexample(c)
        : byDefault
          ? { deviations: [], open: '', tick: null, message: 'the default run already fails it: Verdicts shows each hand-over' }
          : null;
    return { number: l.number, id: l.id, rule: l.text, found };
  });
  return [...safety, ...live];
}

/** What the search covered, for a "none found": never a bare "safe". */
export function coverageWords(r: ExploreResult, maxDeviations: number): string {
  if (r.mode === 'random') return `sampling, not coverage: ${r.sampled} random schedules sampled, ${r.distinctStates} distinct states seen`;
  return (
    `${r.schedules} schedules, ${r.distinctStates} distinct states, bound ${r.boundReached} of ${maxDeviations} deviations reached, ` +
    (r.exhausted ? 'exhausted (every schedule up to it ran)' : 'not exhausted (the budget or time limit cut it short)')
  );
}

/** The coverage in brief, for a table cell: the same facts as coverageWords, shorter. */
export function coverageBrief(r: ExploreResult, maxDeviations: number): string {
  if (r.mode === 'random') return `${r.sampled} sampled (sampling, not coverage)`;
  return `${r.schedules} schedules · ${r.distinctStates} states · bound ${r.boundReached}/${maxDeviations} · ${r.exhausted ? 'exhausted' : 'not exhausted'}`;
}
