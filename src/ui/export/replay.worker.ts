// The export's replay (replay.ts) in a worker of its own: the engine runs off the page's thread,
// and stays out of the page's first load.

import { replay, type SceneState } from './replay';
import { createEngine, encodeChoices } from '../../sim';
import { defaultHorizon } from '../../scenario/horizon';
import { reportOf } from '../../report/model';
import { reportHtml } from '../../report/html';
import { reportMarkdown } from '../../report/markdown';
import type { ReplayRequest, ReplayAnswer, ReportAnswer } from './replayClient';

let at: ((tick: number) => SceneState) | null = null;

self.onmessage = (e: MessageEvent<ReplayRequest>) => {
  const m = e.data;
  if (m.type === 'start') {
    at = replay(m.scenario, new Map(m.deviations));
    return;
  }
  if (m.type === 'report') {
    // The whole run, as the report speaks of it, with the picture the page made of its key moment.
    const e = createEngine(m.scenario, { deviations: new Map(m.deviations) });
    e.runUntil(defaultHorizon(m.scenario));
    const choices = encodeChoices(new Map(m.deviations));
    const r = reportOf(e, { base: m.base, galleryId: m.galleryId, image: m.image, ...(choices ? { choices } : {}) });
    (self as unknown as Worker).postMessage({
      ok: true,
      text: m.format === 'html' ? reportHtml(r) : reportMarkdown(r),
    } satisfies ReportAnswer);
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
