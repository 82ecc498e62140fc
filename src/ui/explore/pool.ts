// A pool of explore workers: W workers each run shard {i, W} of the search, their progress is
// summed, and their parts are merged on this thread with mergeExplore — which gives the same result
// whatever W is. Cancel terminates every worker at once; a worker that fails ends the search with
// its message.

import { mergeExplore, type ExplorePart, type ExploreProgress, type ExploreResult, type Scenario } from '../../sim';
import type { DefaultViolation, ShardReply, WireOptions, WorkerMessage } from './protocol';

/** What the pool needs of a worker (a module Worker, or an in-process stand-in in tests). */
export interface WorkerLike {
  postMessage(m: WorkerMessage): void;
  onmessage: ((e: { data: ShardReply }) => void) | null;
  onerror: ((e: unknown) => void) | null;
  terminate(): void;
}

export type PoolOutcome =
  | { kind: 'done'; result: ExploreResult; defaults: DefaultViolation[]; timedOut: boolean }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string };

export interface PoolRun {
  done: Promise<PoolOutcome>;
  cancel(): void;
  /** Holds every worker (they rest while the page renders a change), or releases them. */
  hold(on: boolean): void;
}

/** One worker per core less one (the page keeps one), at least one. */
export function poolSize(cores: number | undefined = navigator.hardwareConcurrency): number {
  return Math.max(1, (cores || 2) - 1);
}

export function spawnWorker(): WorkerLike {
  return new Worker(new URL('./explore.worker.ts', import.meta.url), { type: 'module', name: 'dma-handoff-explore' }) as WorkerLike;
}

/** The shards' progress as one: counts summed, the deepest bound any shard reached. */
export function sumProgress(ps: readonly (ExploreProgress | undefined)[]): ExploreProgress {
  const s: ExploreProgress = { schedules: 0, states: 0, bound: 0, events: 0 };
  for (const p of ps) {
    if (p === undefined) continue;
    s.schedules += p.schedules;
    s.states += p.states;
    s.events += p.events;
    s.bound = Math.max(s.bound, p.bound);
  }
  return s;
}

export function runPool(
  scenario: Scenario,
  options: WireOptions,
  o: { workers: number; timeLimitMs: number | null; onProgress: (p: ExploreProgress) => void; spawn?: () => WorkerLike },
): PoolRun {
  const count = Math.max(1, Math.floor(o.workers));
  const spawn = o.spawn ?? spawnWorker;
  const workers: WorkerLike[] = [];
  const progress: (ExploreProgress | undefined)[] = new Array<ExploreProgress | undefined>(count);
  const parts: ExplorePart[] = [];
  let defaults: DefaultViolation[] = [];
  let timedOut = false;
  let settled = false;
  let finish: (x: PoolOutcome) => void = () => {};
  const done = new Promise<PoolOutcome>((resolve) => (finish = resolve));
  const end = (x: PoolOutcome) => {
    if (settled) return;
    settled = true;
    for (const w of workers) w.terminate();
    finish(x);
  };
  for (let index = 0; index < count; index++) {
    const w = spawn();
    workers.push(w);
    w.onmessage = ({ data: m }) => {
      if (settled) return;
      if (m.kind === 'progress') {
        progress[index] = m.progress;
        o.onProgress(sumProgress(progress));
      } else if (m.kind === 'error') end({ kind: 'error', message: `The search stopped: ${m.message}` });
      else {
        parts.push(m.part);
        if (index === 0) defaults = m.defaults;
        timedOut ||= m.timedOut;
        if (parts.length < count) return;
        const r = mergeExplore(parts);
        end(
          'error' in r
            ? { kind: 'error', message: `The search's parts did not merge: ${r.error}` }
            : { kind: 'done', result: r, defaults, timedOut },
        );
      }
    };
    w.onerror = () => end({ kind: 'error', message: `The search stopped: explore worker ${index + 1} of ${count} failed.` });
  }
  workers.forEach((w, index) =>
    w.postMessage({ kind: 'search', scenario, options, shard: { index, count }, timeLimitMs: o.timeLimitMs, defaults: index === 0 }),
  );
  return {
    done,
    cancel: () => end({ kind: 'cancelled' }),
    hold: (on) => {
      if (!settled) for (const w of workers) w.postMessage({ kind: on ? 'hold' : 'release' });
    },
  };
}
