// Which caption the playhead is at, and where the previous and next ones are: the story strip and
// its buttons read the scenario's captions (sorted by tick when the scenario is read) through these.

export interface CaptionLike {
  at: number;
  text: string;
}

/** The index of the last caption at or before `tick`, or -1 before the first. */
export function captionIndexAt(captions: readonly CaptionLike[], tick: number): number {
  let index = -1;
  for (let i = 0; i < captions.length; i++) if (captions[i].at <= tick) index = i;
  return index;
}

/**
 * The tick the previous or next caption button seeks to from the caption at `index` (-1: before
 * the first), or undefined when there is none that way. Captions sharing a tick are passed over
 * together: the playhead could not stop between them.
 */
export function captionStep(captions: readonly CaptionLike[], index: number, dir: 1 | -1): number | undefined {
  const here = index >= 0 ? captions[index].at : -Infinity;
  if (dir > 0) return captions.find((c) => c.at > here)?.at;
  for (let i = index - 1; i >= 0; i--) if (captions[i].at < here) return captions[i].at;
  return undefined;
}
