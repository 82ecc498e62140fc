import { describe, expect, it } from 'vitest';
import { duration } from './describe';

describe('duration: ticks in the scenario’s time unit', () => {
  it.each([
    [1, 100, '100 ns'],
    [40, 100, '4 µs'],
    [1_000_000, 100, '100 ms'],
    [123_456, 100, '12.3 ms'],
    [3, 1e9, '3 s'],
    [7, 1, '7 ns'],
  ])('%i ticks of %i ns → %s', (ticks, ns, text) => {
    expect(duration(ticks, ns)).toBe(text);
  });
});
