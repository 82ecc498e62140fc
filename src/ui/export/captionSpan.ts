// The range an animation export starts with: the span of the caption at the playhead, from its tick
// to the next caption's (or the end of the run), so the export tells that one part of the story.

import { captionIndexAt, type CaptionLike } from '../panels/captions';

export interface CaptionSpan {
  from: number;
  to: number;
  /** The caption the span belongs to, or null when the playhead is before the first (or there is none). */
  caption: string | null;
}

/**
 * The span of the caption at `tick` in a run ending at `horizon`: its tick to the next later
 * caption's, or to the end. Before the first caption, the span is the run's start to that caption;
 * an empty span (a caption at the end) gives the whole run.
 */
export function captionSpan(captions: readonly CaptionLike[], tick: number, horizon: number): CaptionSpan {
  const index = captionIndexAt(captions, tick);
  const from = index < 0 ? 0 : Math.min(captions[index].at, horizon);
  const here = index < 0 ? -Infinity : captions[index].at;
  const next = captions.find((c) => c.at > here)?.at ?? horizon;
  const to = Math.min(next, horizon);
  if (to <= from) return { from: 0, to: horizon, caption: null };
  return { from, to, caption: index < 0 ? null : captions[index].text };
}
