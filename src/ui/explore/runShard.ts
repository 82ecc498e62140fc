// What an explore worker does with its request, as a plain function (the worker wires it to its
// messages; tests call it in-process): runs its shard of the search in slices within the time
// limit, posting progress, and, when asked, the default run's first violation of each invariant.

import { createEngine, exploreShardSteps, type Scenario } from '../../sim';
import { runInSlices, type SliceOptions } from './slices';
import type { DefaultViolation, ShardReply, ShardRequest } from './protocol';

/** The default schedule's first violation of each invariant, in the order they happened. */
export function defaultViolations(sc: Scenario, horizon: number): DefaultViolation[] {
  const e = createEngine(sc);
  e.runUntil(horizon);
  const seen = new Map<string, DefaultViolation>();
  e.violations.forEach((v, index) => {
    if (!seen.has(v.invariant)) seen.set(v.invariant, { invariant: v.invariant, number: v.number, tick: v.t, message: v.message, index });
  });
  return [...seen.values()];
}

/** Without slice options the search runs through, its breaks only microtasks (as in tests). */
export async function runShard(req: ShardRequest, post: (m: ShardReply) => void, slices: Partial<SliceOptions> = {}): Promise<void> {
  const now = slices.now ?? (() => performance.now());
  try {
    const deadline = req.timeLimitMs === null ? Infinity : now() + req.timeLimitMs;
    let timedOut = false;
    const steps = exploreShardSteps(
      req.scenario,
      {
        ...req.options,
        stop: () => {
          if (now() < deadline) return false;
          timedOut = true;
          return true;
        },
        progress: (progress) => post({ kind: 'progress', progress }),
      },
      req.shard,
    );
    const part = await runInSlices(steps, {
      now,
      sliceMs: slices.sliceMs ?? Infinity,
      between: slices.between ?? (() => Promise.resolve()),
    });
    const defaults = req.defaults ? defaultViolations(req.scenario, req.options.horizon) : [];
    post({ kind: 'done', part, defaults, timedOut });
  } catch (err) {
    post({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
  }
}
