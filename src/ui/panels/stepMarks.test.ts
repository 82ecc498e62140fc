import { describe, expect, it } from 'vitest';
import { stepMarks } from './stepMarks';
import type { OpRecord } from '../../sim';

const op = (ts: number[]) => ({ steps: ts.map((t) => ({ t, text: `s${t}` })) }) as unknown as OpRecord;
const x = (t: number) => t / 10_000;

describe('the timeline lane of steps', () => {
  it('gives each step its own mark when they lie apart', () => {
    const marks = stepMarks([op([0, 100]), op([5000])], x, 1, null);
    expect(marks.map((m) => m.title)).toEqual(['t=0 s0', 't=100 s100', 't=5000 s5000']);
  });

  it('shares one mark among the steps of one slot, naming the first and how many more', () => {
    const marks = stepMarks([op([1000, 1000, 1001]), op([1001])], x, 1, null);
    expect(marks).toHaveLength(1);
    expect(marks[0].title).toBe('t=1000 s1000 (and 3 more)');
  });

  it('splits a slot when the track is zoomed in, and keeps the open operation’s steps apart', () => {
    expect(stepMarks([op([1000, 1001])], x, 64, null)).toHaveLength(2);
    const marks = stepMarks([op([1000]), op([1000, 1000])], x, 1, 1);
    expect(marks.map((m) => m.hot)).toEqual([false, true, true]);
  });

  it('draws tens of thousands of crowded steps with a few thousand marks', () => {
    const ops = Array.from({ length: 4096 }, (_, i) => op([i * 2, i * 2 + 1, i * 2 + 1, i * 2 + 2, i * 2 + 2]));
    expect(stepMarks(ops, x, 1, null).length).toBeLessThanOrEqual(4001);
  });
});
