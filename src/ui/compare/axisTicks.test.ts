import { describe, expect, it } from 'vitest';
import { axisTicks } from './axisTicks';

describe('the two-lane timeline’s tick numbers', () => {
  it('are round numbers from 0 across the run', () => {
    expect(axisTicks(600)).toEqual([0, 100, 200, 300, 400, 500, 600]);
    expect(axisTicks(1000)).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(axisTicks(2_500_000).slice(0, 3)).toEqual([0, 500_000, 1_000_000]);
  });

  it('are whole ticks for a short run, and just 0 for an empty one', () => {
    expect(axisTicks(5)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(axisTicks(0)).toEqual([0]);
  });
});
