// The scene at each tick an export asks for, from its replay worker (replay.worker.ts): ticks are
// answered in the order asked, and the worker goes when the export is done.

import type { Scenario } from '../../sim';
import type { SceneState } from './replay';

export type ReplayRequest = { type: 'start'; scenario: Scenario } | { type: 'at'; tick: number };
export type ReplayAnswer = { ok: true; state: SceneState } | { ok: false; error: string };

export interface Replayer {
  at(tick: number): Promise<SceneState>;
  dispose(): void;
}

export function startReplay(scenario: Scenario): Replayer {
  const worker = new Worker(new URL('./replay.worker.ts', import.meta.url), { type: 'module', name: 'dma-handoff-export' });
  const waiting: { resolve: (s: SceneState) => void; reject: (e: Error) => void }[] = [];
  worker.onmessage = (e: MessageEvent<ReplayAnswer>) => {
    const w = waiting.shift();
    if (w === undefined) return;
    if (e.data.ok) w.resolve(e.data.state);
    else w.reject(new Error(e.data.error));
  };
  worker.onerror = () => {
    for (const w of waiting.splice(0)) w.reject(new Error('the export’s engine stopped'));
  };
  worker.postMessage({ type: 'start', scenario } satisfies ReplayRequest);
  return {
    at: (tick) =>
      new Promise<SceneState>((resolve, reject) => {
        waiting.push({ resolve, reject });
        worker.postMessage({ type: 'at', tick } satisfies ReplayRequest);
      }),
    dispose: () => worker.terminate(),
  };
}
