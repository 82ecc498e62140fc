import { describe, expect, it } from 'vitest';
import { timeAxis } from './timeAxis';

describe('the timeline axis', () => {
  it('is linear when nothing is quiet for long (the gallery)', () => {
    const a = timeAxis(600, [0, 40, 46, 49, 77, 100]);
    expect(a.compressed).toBe(false);
    expect(a.x(300)).toBeCloseTo(0.5);
    expect(a.t(0.25)).toBeCloseTo(150);
  });

  it('draws a 100 ms reset (10^6 ticks with no mark) as a short break, and the activity around it to scale', () => {
    const marks = [0, 40, 48, 60, 1_000_048, 1_000_060, 1_000_200];
    const a = timeAxis(1_000_600, marks);
    expect(a.compressed).toBe(true);
    const quiet = a.segments.filter((s) => s.quiet);
    expect(quiet).toHaveLength(1);
    expect(quiet[0].x1 - quiet[0].x0).toBeCloseTo(0.07);
    // The first 60 ticks take a readable share of the track, not 60 millionths of it.
    expect(a.x(60) - a.x(0)).toBeGreaterThan(0.05);
    // Marks keep their order, and each sits where the inverse finds it again.
    const xs = marks.map((t) => a.x(t));
    for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeGreaterThan(xs[i - 1]);
    for (const t of marks) expect(a.t(a.x(t))).toBeCloseTo(t, 3);
    expect(a.x(0)).toBe(0);
    expect(a.x(1_000_600)).toBe(1);
  });

  it('is monotonic across the break, so the playhead never runs backwards', () => {
    const a = timeAxis(2_000_000, [0, 100, 1_999_900]);
    let last = -1;
    for (let t = 0; t <= 2_000_000; t += 9973) {
      const x = a.x(t);
      expect(x).toBeGreaterThanOrEqual(last);
      last = x;
    }
  });
});
