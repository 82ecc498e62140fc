// The scene at each tick an export asks for, from its replay worker (replay.worker.ts): ticks are
// answered in the order asked, and the worker goes when the export is done.

import type { Scenario } from '../../sim';
import type { SceneState } from './replay';

export type ReplayRequest =
  /** `deviations`: the run's choices that differ from the default (a counterexample's timing). */
  | { type: 'start'; scenario: Scenario; deviations: [number, number][] }
  | { type: 'at'; tick: number }
  | {
      type: 'report';
      scenario: Scenario;
      deviations: [number, number][];
      format: 'html' | 'md';
      base: string;
      galleryId: string | null;
      image: { src: string; alt: string };
    };
export type ReplayAnswer = { ok: true; state: SceneState } | { ok: false; error: string };
export type ReportAnswer = { ok: true; text: string };

export interface Replayer {
  at(tick: number): Promise<SceneState>;
  /** The run's report (report/), as HTML or Markdown, with `image` as its picture. */
  report(r: Omit<Extract<ReplayRequest, { type: 'report' }>, 'type' | 'scenario' | 'deviations'>): Promise<string>;
  dispose(): void;
}

/** The replay of the open run: `scenario` with its timing (`deviations`, none for the default run). */
export function startReplay(scenario: Scenario, deviations: [number, number][] = []): Replayer {
  const worker = new Worker(new URL('./replay.worker.ts', import.meta.url), { type: 'module', name: 'dma-handoff-export' });
  const waiting: { resolve: (a: ReplayAnswer | ReportAnswer) => void; reject: (e: Error) => void }[] = [];
  worker.onmessage = (e: MessageEvent<ReplayAnswer | ReportAnswer>) => {
    const w = waiting.shift();
    if (w === undefined) return;
    if (e.data.ok) w.resolve(e.data);
    else w.reject(new Error(e.data.error));
  };
  const ask = (m: ReplayRequest) =>
    new Promise<ReplayAnswer | ReportAnswer>((resolve, reject) => {
      waiting.push({ resolve, reject });
      worker.postMessage(m);
    });
  worker.onerror = () => {
    for (const w of waiting.splice(0)) w.reject(new Error('the export’s engine stopped'));
  };
  worker.postMessage({ type: 'start', scenario, deviations } satisfies ReplayRequest);
  return {
    at: async (tick) => ((await ask({ type: 'at', tick })) as { state: SceneState }).state,
    report: async (r) => ((await ask({ type: 'report', scenario, deviations, ...r })) as ReportAnswer).text,
    dispose: () => worker.terminate(),
  };
}
