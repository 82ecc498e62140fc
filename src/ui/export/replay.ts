// The scene at a tick, from the engine itself: a private engine runs the open scenario forward to
// each tick asked for, in order, and gives its view, the transactions in flight and the violations
// so far. The same scenario gives the same scene at the same tick, as the app's own engine does, so
// an exported picture or animation is the run and never a recording of the screen.

import { createEngine, type Scenario, type Violation, type ViolationPath } from '../../sim';
import { buildView, packTxns, type SimView } from '../../worker/view';

export interface SceneState {
  view: SimView;
  inflight: Float64Array;
  /** The violations so far, each with the path its transaction took (null: none to draw). */
  violations: { number: string; invariant: string; t: number; message: string; device: string | null; path: ViolationPath | null }[];
}

/** What a picture needs of the engine's violations: plain records a worker can send. */
export function sceneViolations(violations: readonly Violation[]): SceneState['violations'] {
  return violations.map((v) => ({ number: v.number, invariant: v.invariant, t: v.t, message: v.message, device: v.device, path: v.path }));
}

/**
 * A function giving the scene at a tick; ticks must not go backwards (the engine only runs forward).
 * `deviations`: the run's timing when it is a counterexample's (choice index → value), as the app runs it.
 */
export function replay(scenario: Scenario, deviations: ReadonlyMap<number, number> = new Map()): (tick: number) => SceneState {
  const engine = createEngine(scenario, { deviations });
  let last = -1;
  return (tick) => {
    if (tick < last) throw new Error(`the replay is at tick ${last} and cannot go back to ${tick}`);
    last = tick;
    engine.runUntil(tick);
    const s = engine.state;
    return {
      view: buildView(s),
      inflight: packTxns(s.txns.values(), s.txns.size),
      violations: sceneViolations(engine.violations),
    };
  };
}
