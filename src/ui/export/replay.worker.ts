// The export's replay (replay.ts) in a worker of its own: the engine runs off the page's thread,
// and stays out of the page's first load.

import { replay, type SceneState } from './replay';
import type { ReplayRequest, ReplayAnswer } from './replayClient';

let at: ((tick: number) => SceneState) | null = null;

self.onmessage = (e: MessageEvent<ReplayRequest>) => {
  const m = e.data;
  if (m.type === 'start') {
    at = replay(m.scenario);
    return;
  }
  let answer: ReplayAnswer;
  try {
    if (at === null) throw new Error('the replay was not started');
    answer = { ok: true, state: at(m.tick) };
  } catch (err) {
    answer = { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  (self as unknown as Worker).postMessage(answer, answer.ok ? [answer.state.inflight.buffer] : []);
};
