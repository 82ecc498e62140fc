// A bounded explorer over the engine's choice points (src/sim/core/choice.ts). It runs the default
// schedule, then schedules ordered by their number of deviations from it — every single deviation
// first, then pairs built on the distinct single ones, and so on up to a bound (iterative deepening
// with a deviation bound). A deviation moves one choice to an end of its range (the extremes are
// where timing leaks show). For each invariant the default run does not break, it reports the
// first schedule that breaks it, shrunk to the fewest deviations, or that none was found with what
// was covered. Schedules whose trace repeats one already seen are not extended: they behaved the
// same. Each schedule is a run from boot: prefixes are not shared. Deterministic: the same
// scenario and options give the same result.

import { createEngine } from './engine';
import { CHOICE_KINDS } from './core/choice';
import { encodeChoices } from './core/choiceList';
import type { Scenario } from './model/scenario';

export interface ExploreOptions {
  /** The tick each schedule runs to. */
  horizon: number;
  /** The most deviations a schedule takes (the bound). */
  maxDeviations: number;
  /** The most schedules to run, the default one included. */
  budget: number;
  /** Asked before each schedule; true ends the search early (a wall-clock budget, kept outside). */
  stop?: () => boolean;
}

export interface Deviation {
  index: number;
  kind: string;
  value: number;
  default: number;
}

export interface Counterexample {
  invariant: string;
  number: string;
  /** The deviations that make the run break the invariant (no subset of them does). */
  deviations: Deviation[];
  /** The deviation list's text for links (`&x=…`). */
  choices: string;
  tick: number;
  message: string;
  traceHash: string;
}

export interface ExploreResult {
  /** Schedules run (the default one, searching and shrinking). */
  schedules: number;
  /** Distinct traces among them. */
  distinctTraces: number;
  /** The deepest deviation count searched. */
  boundReached: number;
  /** True when every schedule up to the bound ran (the budget did not cut the search short). */
  exhausted: boolean;
  /** Choice points in the default run, and how many have room to deviate. */
  choicePoints: number;
  openChoicePoints: number;
  /** Invariants the default run already breaks (not searched further). */
  defaultViolations: string[];
  counterexamples: Counterexample[];
}

interface Run {
  deviations: Map<number, number>;
  log: readonly number[];
  hash: string;
  broken: Map<string, { number: string; t: number; message: string }>;
}

function runOnce(sc: Scenario, horizon: number, deviations: Map<number, number>): Run {
  const e = createEngine(sc, { deviations, record: true });
  e.runUntil(horizon);
  const broken = new Map<string, { number: string; t: number; message: string }>();
  for (const v of e.violations) if (!broken.has(v.invariant)) broken.set(v.invariant, { number: v.number, t: v.t, message: v.message });
  return { deviations, log: e.choiceLog(), hash: e.traceHash(), broken };
}

/** The single deviations open after `from` in a run's choice log: each choice moved to an end of its range. */
function movesAfter(log: readonly number[], from: number): [number, number][] {
  const moves: [number, number][] = [];
  for (let i = (from + 1) * 5; i < log.length; i += 5) {
    const lo = log[i + 1],
      hi = log[i + 2],
      taken = log[i + 4];
    if (hi <= lo) continue;
    for (const v of lo === hi ? [lo] : [lo, hi]) if (v !== taken) moves.push([i / 5, v]);
  }
  return moves;
}

export function explore(sc: Scenario, o: ExploreOptions): ExploreResult {
  let schedules = 0;
  const traces = new Set<string>();
  const exec = (d: Map<number, number>): Run => {
    schedules++;
    const r = runOnce(sc, o.horizon, d);
    traces.add(r.hash);
    return r;
  };
  const base = exec(new Map());
  const found = new Map<string, Counterexample>();
  const out = (): boolean => schedules >= o.budget || (o.stop?.() ?? false);

  const shrink = (r: Run, invariant: string): Run => {
    // Delta debugging, one deviation at a time: drop each one the violation does not need.
    let cur = r;
    for (const i of [...r.deviations.keys()]) {
      if (cur.deviations.size <= 1) break;
      const d = new Map(cur.deviations);
      d.delete(i);
      const t = exec(d);
      if (t.broken.has(invariant)) cur = t;
    }
    return cur;
  };

  const note = (r: Run): void => {
    for (const [inv] of r.broken) {
      if (base.broken.has(inv) || found.has(inv)) continue;
      const m = shrink(r, inv);
      const b = m.broken.get(inv) ?? r.broken.get(inv)!;
      found.set(inv, {
        invariant: inv,
        number: b.number,
        deviations: [...m.deviations]
          .sort((a, c) => a[0] - c[0])
          .map(([index, value]) => ({ index, kind: CHOICE_KINDS[m.log[index * 5]] ?? 'unknown', value, default: m.log[index * 5 + 3] })),
        choices: encodeChoices(m.deviations),
        tick: b.t,
        message: b.message,
        traceHash: m.hash,
      });
    }
  };

  // Frontier: the distinct runs with k deviations, each with the index of its last deviation.
  let frontier: { run: Run; last: number }[] = [{ run: base, last: -1 }];
  let boundReached = 0;
  let exhausted = true;
  for (let k = 1; k <= o.maxDeviations && frontier.length > 0; k++) {
    const next: { run: Run; last: number }[] = [];
    let complete = true;
    for (const { run, last } of frontier) {
      for (const [i, v] of movesAfter(run.log, last)) {
        if (out()) {
          complete = false;
          break;
        }
        const d = new Map(run.deviations);
        d.set(i, v);
        const before = traces.size;
        const r = exec(d);
        note(r);
        if (traces.size > before) next.push({ run: r, last: i });
      }
      if (!complete) break;
    }
    boundReached = k;
    if (!complete) {
      exhausted = false;
      break;
    }
    frontier = next;
  }
  let open = 0;
  for (let i = 0; i < base.log.length; i += 5) if (base.log[i + 2] > base.log[i + 1]) open++;
  return {
    schedules,
    distinctTraces: traces.size,
    boundReached,
    exhausted,
    choicePoints: base.log.length / 5,
    openChoicePoints: open,
    defaultViolations: [...base.broken.keys()].sort(),
    counterexamples: [...found.values()].sort((a, b) => a.number.localeCompare(b.number, undefined, { numeric: true })),
  };
}
