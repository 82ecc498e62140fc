// One shard of a search. The search is cut into units that do not depend on the shard count:
// systematic mode has one unit per single deviation of the default run (the unit searches every
// schedule whose first deviation is that one, by increasing number of deviations); random mode has
// one unit per sample. Shard i runs the units u with u % count === i. The schedule budget, less the
// default run, is divided over the units by a fixed rule (equal shares, the first units taking the
// remainder), so a unit searches the same schedules in whatever shard runs it.

import type { Scenario } from '../model/scenario';
import { digest, mix, newHash } from '../core/hash';
import { createEngine, copyState, type Engine } from '../engine';
import type { SimState } from '../model/state';
import type { ChoiceRecord } from '../core/choiceRecord';
import { counterexample, drain, driveSteps, movesAfter, runFromBootSteps, runFromSteps, stepDue, type Run, type Steps } from './run';
import { OpenMoves } from './openMoves';
import { stateHash } from './stateHash';
import { shrinkSteps } from './shrink';
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
  return drain(exploreShardSteps(sc, o, shard));
}

/** exploreShard as steps: a worker runs it in slices, giving its thread back between them. */
export function* exploreShardSteps(sc: Scenario, o: ExploreOptions, shard: Shard): Steps<ExplorePart> {
  if (!Number.isInteger(shard.count) || shard.count < 1 || !Number.isInteger(shard.index) || shard.index < 0 || shard.index >= shard.count)
    throw new Error(`explore: shard ${shard.index} of ${shard.count} is not a shard (0 <= index < count)`);
  const opts = settledOptions(o);
  const base = yield* runFromBootSteps(sc, opts.horizon, new Map());
  const total: Tally = { schedules: 0, events: 0, traces: new Set([base.hash]), states: new Set([base.endState]), bound: 0 };
  // The default run again, advanced unit by unit: each unit starts from its state at the start of
  // the tick its first deviation is made on (the units of a shard come in tick order).
  const origins = new BaseCursor(sc);
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
    if (opts.mode === 'systematic') yield* unit.systematic(roots[u], yield* origins.at(base.log.tick(roots[u][0])), opts.maxDeviations);
    else yield* unit.sample(sampleDeviations(base.log, opts.seed, u, opts.maxDeviations));
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
      choicePoints: base.log.size,
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

function countOpen(log: ChoiceRecord): number {
  let open = 0;
  for (let i = 0; i < log.size; i++) if (log.field(i, 2) > log.field(i, 1)) open++;
  return open;
}

/** The default run's state at the start of a tick, for ticks asked in increasing order (null: boot). */
class BaseCursor {
  private readonly e: Engine;
  constructor(sc: Scenario) {
    this.e = createEngine(sc, { record: true });
  }
  *at(tick: number): Steps<SimState | null> {
    if (tick < 0) return null;
    const due = stepDue(this.e);
    for (let t = this.e.nextEventAt(); t < tick; t = this.e.nextEventAt()) {
      this.e.runUntil(t);
      if (due()) yield;
    }
    yield;
    return copyState(this.e.state, { records: false });
  }
}

interface Node {
  run: Run;
  /** The index of its last deviation: it is extended only by deviations after it. */
  last: number;
}

/** The search of one unit, within its share of the budget. */
class UnitSearch {
  schedules = 0;
  events = 0;
  bound = 0;
  complete = true;
  stopped = false;
  private readonly seen: Set<string>;
  private readonly states = new Set<string>();
  private readonly found = new Map<string, Counterexample>();
  /** The moves open after the node being extended. */
  private readonly open = new OpenMoves();

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

  private count(r: Run, deviations: number): Run {
    this.schedules++;
    this.events += r.events;
    this.total.schedules++;
    this.total.events += r.events;
    this.total.traces.add(r.hash);
    this.total.states.add(r.endState);
    if (deviations > this.total.bound) this.total.bound = deviations;
    if (this.total.schedules % 25 === 0) this.report();
    return r;
  }

  /** A schedule from boot (shrinking and sampling). */
  private *exec(d: Map<number, number>): Steps<Run> {
    return this.count(yield* runFromBootSteps(this.sc, this.horizon, d), d.size);
  }

  /** A schedule that shares its prefix with another run: it starts from a copy of that run's state. */
  private *fork(state: SimState | null, d: Map<number, number>): Steps<Run> {
    return state === null ? yield* this.exec(d) : this.count(yield* runFromSteps(this.sc, this.horizon, state, d), d.size);
  }

  /** Drops each deviation the finding does not need (delta debugging, one at a time), within the budget. */
  private shrink(r: Run, invariant: string): Steps<Run> {
    return shrinkSteps(
      r,
      (d) => this.still(d, invariant),
      () => this.room(),
    );
  }

  /** The run of a deviation list if it still breaks `invariant`, else null. */
  private *still(d: Map<number, number>, invariant: string): Steps<Run | null> {
    const t = yield* this.exec(d);
    return t.broken.has(invariant) ? t : null;
  }

  private *note(r: Run): Steps<void> {
    for (const inv of r.broken.keys()) {
      if (this.base.broken.has(inv) || this.found.has(inv)) continue;
      this.found.set(inv, counterexample(yield* this.shrink(r, inv), inv));
    }
  }

  findings(): Counterexample[] {
    return [...this.found.values()];
  }

  /**
   * Every schedule whose first deviation is `root`, by increasing number of deviations up to `max`.
   * `origin` is the default run's state at the start of the root's tick (null: the root is made at boot).
   */
  *systematic(root: [number, number], origin: SimState | null, max: number): Steps<void> {
    if (!this.room()) return;
    const first = yield* this.fork(origin, new Map([root]));
    this.bound = 1;
    yield* this.note(first);
    let frontier: Node[] = [];
    if (!this.seen.has(first.hash)) {
      this.seen.add(first.hash);
      frontier.push({ run: first, last: root[0] });
    }
    for (let k = 2; k <= max && frontier.length > 0; k++) {
      const next: Node[] = [];
      for (const node of frontier) if (!(yield* this.extend(node, origin, k, next))) return;
      frontier = next;
    }
  }

  /**
   * Runs every schedule that adds one deviation after `node`'s last: the node is run again from the
   * unit's origin, and each new schedule starts from a copy of its state at the start of the tick
   * its deviation is made on. A state at such a tick that the unit has met before (with every
   * deviation of the node already made) has had its futures searched: the node is not extended
   * further. Returns false when the budget or `stop` ended the unit.
   */
  private *extend(node: Node, origin: SimState | null, k: number, next: Node[]): Steps<boolean> {
    const open = this.open;
    yield* open.gather(node.run.log, node.last);
    if (open.size === 0) return true;
    const child = (state: SimState | null) => (index: number, value: number) => this.child(node, k, next, state, index, value);
    if (!(yield* open.take(-1, child(null)))) return false;
    if (open.size === 0) return true;

    yield;
    const from = origin === null ? null : copyState(origin, { records: false });
    const e =
      from === null
        ? createEngine(this.sc, { deviations: node.run.deviations, record: true })
        : createEngine(this.sc, { from, deviations: node.run.deviations, record: true });
    const start = e.state.processed;
    const run = { ok: true };
    yield* driveSteps(e, this.horizon, (t) => (open.has(t) ? this.forkAt(t, e, node, child(e.state), run) : true));
    // Running the node again is work the search does, though not a schedule of its own.
    this.events += e.state.processed - start;
    this.total.events += e.state.processed - start;
    return run.ok;
  }

  /**
   * At the start of tick `t` of a node run again, the schedules that deviate there, each from a
   * copy of the state; false ends the node's run (a state met before, the budget spent, nothing
   * left to fork), and `run.ok` says whether the budget or `stop` ended it.
   */
  private *forkAt(
    t: number,
    e: Engine,
    node: Node,
    child: (index: number, value: number) => Steps<boolean>,
    run: { ok: boolean },
  ): Steps<boolean> {
    if (e.state.choices.n > node.last) {
      yield;
      const h = stateHash(e.state);
      this.total.states.add(h);
      if (this.states.has(h)) return false;
      this.states.add(h);
    }
    if (!(yield* this.open.take(t, child))) return (run.ok = false);
    return this.open.size > 0;
  }

  /** A schedule that adds deviation `index` → `value` to `node`'s (false: no room for it), kept for the next bound if its trace is new. */
  private *child(node: Node, k: number, next: Node[], state: SimState | null, index: number, value: number): Steps<boolean> {
    if (!this.room()) return false;
    const d = new Map(node.run.deviations);
    d.set(index, value);
    const r = yield* this.fork(state, d);
    this.bound = k;
    yield* this.note(r);
    // A schedule whose trace repeats one already seen behaved the same: it is not extended.
    if (!this.seen.has(r.hash)) {
      this.seen.add(r.hash);
      next.push({ run: r, last: index });
    }
    return true;
  }

  /** One sampled schedule. */
  *sample(d: Map<number, number>): Steps<void> {
    if (!this.room()) return;
    const r = yield* this.exec(d);
    this.bound = d.size;
    yield* this.note(r);
  }
}
