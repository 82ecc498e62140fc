// One shard of a search. The search is cut into units that do not depend on the shard count:
// systematic mode has one unit per single deviation of the default run (the unit searches every
// schedule whose first deviation is that one, by increasing number of deviations); random mode has
// one unit per sample. Shard i runs the units u with u % count === i. The schedule budget, less the
// default run, is divided over the units by a fixed rule (equal shares, the first units taking the
// remainder), so a unit searches the same schedules in whatever shard runs it.

import type { Scenario } from '../model/scenario';
import { digest, mix, newHash } from '../core/hash';
import { counterexample, movesAfter, runOnce, type Run } from './run';
import { sampleDeviations } from './sample';
import type { Counterexample, ExploreOptions, ExplorePart, Shard, UnitResult } from './types';

/** The options a part echoes, with their defaults filled in. */
export function settledOptions(o: ExploreOptions): ExplorePart['options'] {
  const mode = o.mode ?? 'systematic';
  return {
    horizon: o.horizon,
    maxDeviations: o.maxDeviations,
    budget: o.budget,
    mode,
    samples: mode === 'random' ? (o.samples ?? Math.max(0, o.budget - 1)) : 0,
    seed: mode === 'random' ? (o.seed ?? 1) : 0,
  };
}

/** A hash of the scenario and the options that shape the search. */
function fingerprint(sc: Scenario, opts: ExplorePart['options']): string {
  const h = newHash();
  const text = JSON.stringify({ sc, opts });
  for (let i = 0; i < text.length; i++) mix(h, text.charCodeAt(i));
  return digest(h);
}

/** Unit u's share of the budget left after the default run. */
export function unitBudget(budget: number, units: number, u: number): number {
  const left = Math.max(0, budget - 1);
  return Math.floor(left / units) + (u < left % units ? 1 : 0);
}

interface Tally {
  schedules: number;
  events: number;
  traces: Set<string>;
  states: Set<string>;
  bound: number;
}

export function exploreShard(sc: Scenario, o: ExploreOptions, shard: Shard): ExplorePart {
  if (!Number.isInteger(shard.count) || shard.count < 1 || !Number.isInteger(shard.index) || shard.index < 0 || shard.index >= shard.count)
    throw new Error(`explore: shard ${shard.index} of ${shard.count} is not a shard (0 <= index < count)`);
  const opts = settledOptions(o);
  const base = runOnce(sc, opts.horizon, new Map());
  const total: Tally = { schedules: 0, events: 0, traces: new Set([base.hash]), states: new Set([base.state]), bound: 0 };
  const report = () =>
    o.progress?.({ schedules: total.schedules + 1, states: total.states.size, bound: total.bound, events: total.events + base.events });

  const roots = opts.mode === 'systematic' && opts.maxDeviations > 0 ? movesAfter(base.log, -1) : [];
  const units = opts.mode === 'systematic' ? roots.length : opts.samples;
  const results: UnitResult[] = [];
  let stopped = false;
  for (let u = shard.index; u < units; u += shard.count) {
    const budget = unitBudget(opts.budget, units, u);
    if (!stopped && (o.stop?.() ?? false)) stopped = true;
    if (stopped) {
      results.push({ unit: u, schedules: 0, events: 0, bound: 0, complete: false, findings: [] });
      continue;
    }
    const unit = new UnitSearch(sc, opts.horizon, base, budget, total, o.stop, report);
    if (opts.mode === 'systematic') unit.systematic(roots[u], opts.maxDeviations);
    else unit.sample(sampleDeviations(base.log, opts.seed, u, opts.maxDeviations));
    if (unit.stopped) stopped = true;
    results.push({
      unit: u,
      schedules: unit.schedules,
      events: unit.events,
      bound: unit.bound,
      complete: unit.complete,
      findings: unit.findings(),
    });
  }
  report();
  return {
    version: 1,
    shard: { index: shard.index, count: shard.count },
    fingerprint: fingerprint(sc, opts),
    options: opts,
    base: {
      choicePoints: base.log.length / 5,
      openChoicePoints: countOpen(base.log),
      violations: [...base.broken.keys()].sort(),
      events: base.events,
      traceHash: base.hash,
    },
    units,
    results,
    traces: [...total.traces].sort(),
    states: [...total.states].sort(),
  };
}

function countOpen(log: readonly number[]): number {
  let open = 0;
  for (let i = 0; i < log.length; i += 5) if (log[i + 2] > log[i + 1]) open++;
  return open;
}

/** The search of one unit, within its share of the budget. */
class UnitSearch {
  schedules = 0;
  events = 0;
  bound = 0;
  complete = true;
  stopped = false;
  private readonly seen: Set<string>;
  private readonly found = new Map<string, Counterexample>();

  constructor(
    private readonly sc: Scenario,
    private readonly horizon: number,
    private readonly base: Run,
    private readonly budget: number,
    private readonly total: Tally,
    private readonly stop: (() => boolean) | undefined,
    private readonly report: () => void,
  ) {
    this.seen = new Set([base.hash]);
  }

  /** Whether another schedule may run (false also marks the unit incomplete). */
  private room(): boolean {
    if (this.schedules >= this.budget) return (this.complete = false);
    if (this.schedules > 0 && (this.stop?.() ?? false)) {
      this.stopped = true;
      return (this.complete = false);
    }
    return true;
  }

  private exec(d: Map<number, number>): Run {
    const r = runOnce(this.sc, this.horizon, d);
    this.schedules++;
    this.events += r.events;
    this.total.schedules++;
    this.total.events += r.events;
    this.total.traces.add(r.hash);
    this.total.states.add(r.state);
    if (d.size > this.total.bound) this.total.bound = d.size;
    if (this.total.schedules % 25 === 0) this.report();
    return r;
  }

  /** Drops each deviation the finding does not need (delta debugging, one at a time), within the budget. */
  private shrink(r: Run, invariant: string): Run {
    let cur = r;
    for (const i of [...r.deviations.keys()]) {
      if (cur.deviations.size <= 1 || !this.room()) break;
      const d = new Map(cur.deviations);
      d.delete(i);
      const t = this.exec(d);
      if (t.broken.has(invariant)) cur = t;
    }
    return cur;
  }

  private note(r: Run): void {
    for (const inv of r.broken.keys()) {
      if (this.base.broken.has(inv) || this.found.has(inv)) continue;
      this.found.set(inv, counterexample(this.shrink(r, inv), inv));
    }
  }

  findings(): Counterexample[] {
    return [...this.found.values()];
  }

  /** Every schedule whose first deviation is `root`, by increasing number of deviations up to `max`. */
  systematic(root: [number, number], max: number): void {
    if (!this.room()) return;
    const first = this.exec(new Map([root]));
    this.bound = 1;
    this.note(first);
    let frontier: { run: Run; last: number }[] = [];
    if (!this.seen.has(first.hash)) {
      this.seen.add(first.hash);
      frontier.push({ run: first, last: root[0] });
    }
    for (let k = 2; k <= max && frontier.length > 0; k++) {
      const next: { run: Run; last: number }[] = [];
      for (const { run, last } of frontier) {
        for (const [i, v] of movesAfter(run.log, last)) {
          if (!this.room()) return;
          const d = new Map(run.deviations);
          d.set(i, v);
          const r = this.exec(d);
          this.bound = k;
          this.note(r);
          // A schedule whose trace repeats one already seen behaved the same: it is not extended.
          if (!this.seen.has(r.hash)) {
            this.seen.add(r.hash);
            next.push({ run: r, last: i });
          }
        }
      }
      frontier = next;
    }
  }

  /** One sampled schedule. */
  sample(d: Map<number, number>): void {
    if (!this.room()) return;
    const r = this.exec(d);
    this.bound = d.size;
    this.note(r);
  }
}
