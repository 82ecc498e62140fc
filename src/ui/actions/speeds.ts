// The playback speeds the toolbar offers and the presenter's Slower and Faster step through.

/** The playback speeds offered, in ticks per second. */
export const SPEEDS = [5, 20, 100, 500, 2000];

/** The next speed offered above (`dir` 1) or below (-1) the current one. */
export function nextSpeed(speed: number, dir: 1 | -1): number {
  const s = dir > 0 ? SPEEDS.find((x) => x > speed) : [...SPEEDS].reverse().find((x) => x < speed);
  return s ?? speed;
}
