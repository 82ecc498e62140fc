// The store's changes to a document and to the playhead, as pure functions: the store only decides
// when to apply them, records them in the history and tells the engine session.

import { produce } from 'immer';
import type { ScenarioDocument } from '../scenario/document';

/** `list` with `x` removed when it is there, added at the end when it is not. */
export const toggled = <T>(list: readonly T[], x: T): T[] => (list.includes(x) ? list.filter((y) => y !== x) : [...list, x]);

/** Puts an operation (in document form) into a script at tick `at`, after every operation already at that tick. */
export function insertAtTick<T extends { at: number }>(script: T[], op: T, at: number): void {
  let i = script.findIndex((o) => o.at > at);
  if (i < 0) i = script.length;
  script.splice(i, 0, op);
}

/** The document with nodes placed at `positions`, rounded to whole pixels. */
export function withPositions(doc: ScenarioDocument, positions: Record<string, [number, number]>): ScenarioDocument {
  return produce(doc, (d) => {
    const layout = (d.layout ??= {});
    for (const [id, pos] of Object.entries(positions)) layout[id] = [Math.round(pos[0]), Math.round(pos[1])];
  });
}

/** The two documents differ in their layout at most: the run is the same. */
export const sameButLayout = (a: ScenarioDocument, b: ScenarioDocument): boolean =>
  JSON.stringify({ ...a, layout: null }) === JSON.stringify({ ...b, layout: null });

/**
 * Where presenting goes from tick `now`: forward to the next caption, back to the previous one (none
 * before the first). The last caption ends the presentation where its author set it: forward from
 * there goes nowhere. Without captions, forward runs to the horizon.
 */
export function captionTarget(captionTicks: readonly number[], now: number, dir: 1 | -1, horizon: number): number | undefined {
  const ticks = [...new Set(captionTicks)].sort((a, b) => a - b);
  if (dir > 0) return ticks.length === 0 ? (now < horizon ? horizon : undefined) : ticks.find((t) => t > now);
  return [...ticks].reverse().find((t) => t < now);
}
