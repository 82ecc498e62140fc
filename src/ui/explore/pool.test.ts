// The pool gives the search's result whatever its number of workers, sums their progress, stops
// every worker on Cancel, and ends with a worker's message when one fails.

import { describe, expect, it } from 'vitest';
import { galleryDoc, scenarioOf } from '../../testing/scenarios';
import { explore, mergeExplore, type Scenario } from '../../sim';
import { runPool, sumProgress, poolSize, type WorkerLike } from './pool';
import { runShard } from './runShard';
import type { ShardReply, WorkerMessage } from './protocol';

/** Seed-attack's first two operations under `policy`: a short search. */
function handover(policy: string): Scenario {
  const doc = structuredClone(galleryDoc('seed-attack')) as { policy: { id: string }; script: unknown[] };
  doc.policy.id = policy;
  doc.script = doc.script.slice(0, 2);
  return scenarioOf(doc);
}

/** A worker that runs its shard in-process, after the current task (as a real one answers later). */
function inProcess(log: { terminated: number; started: number }, fail = false): () => WorkerLike {
  return () => {
    let terminated = false;
    const w: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage(req: WorkerMessage) {
        if (req.kind !== 'search') return;
        log.started++;
        setTimeout(() => {
          if (terminated) return;
          if (fail) return w.onerror?.(new Error('boom'));
          runShard(req, (m: ShardReply) => w.onmessage?.({ data: m }));
        }, 0);
      },
      terminate() {
        terminated = true;
        log.terminated++;
      },
    };
    return w;
  };
}

const OPTIONS = { horizon: 600, maxDeviations: 1, budget: 200 };

describe('the explore pool', () => {
  it('gives the same result for 1, 2 and 3 workers, the whole search', async () => {
    const sc = handover('P0');
    const whole = explore(sc, OPTIONS);
    for (const workers of [1, 2, 3]) {
      const log = { terminated: 0, started: 0 };
      const x = await runPool(sc, OPTIONS, { workers, timeLimitMs: null, onProgress: () => {}, spawn: inProcess(log) }).done;
      expect(x.kind).toBe('done');
      if (x.kind !== 'done') return;
      expect(x.result).toEqual(whole);
      expect(x.result.schedules).toBe(whole.schedules);
      expect(log.started).toBe(workers);
      expect(log.terminated).toBe(workers);
    }
    expect(whole.counterexamples.length).toBeGreaterThan(0);
    // Four searches of the same scenario: slower than one on a loaded machine.
  }, 30_000);

  it('reports the default run’s first violations, from one shard only', async () => {
    // The whole seed attack under P0: its default run reads P's secret at t=77 (I1b).
    const sc = scenarioOf(galleryDoc('seed-attack'));
    const x = await runPool(
      sc,
      { ...OPTIONS, budget: 30 },
      {
        workers: 2,
        timeLimitMs: null,
        onProgress: () => {},
        spawn: inProcess({ terminated: 0, started: 0 }),
      },
    ).done;
    if (x.kind !== 'done') throw new Error(x.kind);
    expect(x.defaults.find((d) => d.number === 'I1b')?.tick).toBe(77);
    expect(x.defaults.map((d) => d.invariant).sort()).toEqual(x.result.defaultViolations);
    for (const d of x.defaults) expect(d.tick).toBeGreaterThan(0);
  });

  it('Cancel terminates every worker and says so', async () => {
    const log = { terminated: 0, started: 0 };
    const run = runPool(
      handover('P0'),
      { ...OPTIONS, budget: 100_000, maxDeviations: 4 },
      {
        workers: 3,
        timeLimitMs: null,
        onProgress: () => {},
        spawn: inProcess(log),
      },
    );
    run.cancel();
    expect(await run.done).toEqual({ kind: 'cancelled' });
    expect(log.terminated).toBe(3);
  });

  it('holds and releases every worker while it searches, and none once it has ended', async () => {
    const got: string[][] = [[], []];
    let made = 0;
    const spawn = (): WorkerLike => {
      const mine = got[made++];
      return { onmessage: null, onerror: null, postMessage: (m) => void mine.push(m.kind), terminate: () => {} };
    };
    const run = runPool(handover('P0'), OPTIONS, { workers: 2, timeLimitMs: null, onProgress: () => {}, spawn });
    run.hold(true);
    run.hold(false);
    run.cancel();
    run.hold(true);
    expect(got).toEqual([
      ['search', 'hold', 'release'],
      ['search', 'hold', 'release'],
    ]);
  });

  it('a failing worker ends the search with a message naming it', async () => {
    const log = { terminated: 0, started: 0 };
    const x = await runPool(handover('P0'), OPTIONS, { workers: 2, timeLimitMs: null, onProgress: () => {}, spawn: inProcess(log, true) })
      .done;
    expect(x).toEqual({ kind: 'error', message: 'The search stopped: explore worker 1 of 2 failed.' });
    expect(log.terminated).toBe(2);
  });

  it('a time limit stops the search and says it did', async () => {
    let t = 0;
    const replies: ShardReply[] = [];
    await runShard(
      {
        kind: 'search',
        scenario: handover('P0'),
        options: { ...OPTIONS, budget: 100_000, maxDeviations: 4 },
        shard: { index: 0, count: 1 },
        timeLimitMs: 5,
        defaults: false,
      },
      (m) => replies.push(m),
      { now: () => (t += 1) },
    );
    const done = replies.find((m) => m.kind === 'done');
    expect(done?.kind === 'done' && done.timedOut).toBe(true);
    if (done?.kind !== 'done') throw new Error('no part');
    const merged = mergeExplore([done.part]);
    expect('error' in merged ? merged.error : merged.exhausted).toBe(false);
  });

  it('sums progress and sizes the pool one below the cores', () => {
    expect(
      sumProgress([{ schedules: 3, states: 2, bound: 1, events: 9 }, undefined, { schedules: 4, states: 5, bound: 2, events: 1 }]),
    ).toEqual({
      schedules: 7,
      states: 7,
      bound: 2,
      events: 10,
    });
    expect(poolSize(8)).toBe(7);
    expect(poolSize(1)).toBe(1);
    expect(poolSize(0)).toBe(1);
  });
});
