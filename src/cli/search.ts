// How the command line runs a search: in this thread, in worker threads that each run one shard
// of it, or as the one shard a job runner asked for. The explorer has no clock: the wall-clock
// budget is a deadline each thread checks between schedules.

import { Worker } from 'node:worker_threads';
import {
  explore,
  exploreShard,
  mergeExplore,
  type ExploreOptions,
  type ExplorePart,
  type ExploreResult,
  type Scenario,
  type Shard,
} from '../sim';

/** What a search is asked, without the functions: it crosses to worker threads and into part files. */
export type SearchOptions = Omit<ExploreOptions, 'stop' | 'progress'>;

/** One shard's work, as a worker thread receives it. */
export interface ShardJob {
  scenario: Scenario;
  options: SearchOptions;
  shard: Shard;
  /** Milliseconds since the epoch after which the search stops; null for no wall-clock budget. */
  deadline: number | null;
}

export const stopAt = (deadline: number | null): (() => boolean) | undefined =>
  deadline === null ? undefined : () => Date.now() >= deadline;

/** The search in this thread. */
export function searchHere(scenario: Scenario, options: SearchOptions, deadline: number | null): ExploreResult {
  return explore(scenario, { ...options, stop: stopAt(deadline) });
}

/** One shard in this thread, for a job runner that runs the others elsewhere. */
export function shardHere(scenario: Scenario, options: SearchOptions, shard: Shard, deadline: number | null): ExplorePart {
  return exploreShard(scenario, { ...options, stop: stopAt(deadline) }, shard);
}

/** The thread's entry: a bootstrap that lets a worker load the TypeScript sources as the CLI does. */
const BOOT = new URL('./searchWorker.mjs', import.meta.url);

/**
 * The search in `workers` worker threads, worker i running shard {i, workers}, merged: the same
 * result for any number of workers. A worker that fails ends the others and names its error.
 */
export async function searchInWorkers(
  scenario: Scenario,
  options: SearchOptions,
  workers: number,
  deadline: number | null,
): Promise<ExploreResult | { error: string }> {
  const threads: Worker[] = [];
  try {
    const parts = await Promise.all(
      Array.from({ length: workers }, (_, index) => {
        const job: ShardJob = { scenario, options, shard: { index, count: workers }, deadline };
        const w = new Worker(BOOT, { workerData: job });
        threads.push(w);
        return new Promise<ExplorePart>((resolve, reject) => {
          w.once('message', (part: ExplorePart) => resolve(part));
          w.once('error', (e: Error) => reject(new Error(`worker ${index + 1} of ${workers} failed: ${e.message}`)));
          w.once('exit', (code) => reject(new Error(`worker ${index + 1} of ${workers} stopped (exit ${code}) before its shard ended`)));
        });
      }),
    );
    return mergeExplore(parts);
  } catch (e) {
    return { error: (e as Error).message };
  } finally {
    await Promise.all(threads.map((w) => w.terminate()));
  }
}
