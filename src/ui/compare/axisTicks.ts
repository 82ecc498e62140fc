// The tick numbers under the Compare view's two-lane timeline: round numbers (1, 2 or 5 times a
// power of ten apart), from 0 to the run's end, about `count` of them.

/** Round ticks from 0 to `horizon` inclusive of 0, at most about `count` + 1 of them. */
export function axisTicks(horizon: number, count = 8): number[] {
  if (!(horizon > 0)) return [0];
  const rough = horizon / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const whole = Math.max(1, Math.round(step));
  const ticks: number[] = [];
  for (let t = 0; t <= horizon; t += whole) ticks.push(t);
  return ticks;
}
