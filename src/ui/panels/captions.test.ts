// The caption at the playhead, and the ticks the strip's previous and next buttons go to.

import { describe, expect, it } from 'vitest';
import { captionIndexAt, captionStep } from './captions';

const CAPTIONS = [
  { at: 0, text: 'one' },
  { at: 40, text: 'two' },
  { at: 46, text: 'three' },
  { at: 46, text: 'three too' },
  { at: 77, text: 'four' },
];

describe('captionIndexAt', () => {
  it('is the last caption at or before the tick', () => {
    expect(captionIndexAt(CAPTIONS, 0)).toBe(0);
    expect(captionIndexAt(CAPTIONS, 39)).toBe(0);
    expect(captionIndexAt(CAPTIONS, 40)).toBe(1);
    expect(captionIndexAt(CAPTIONS, 46)).toBe(3);
    expect(captionIndexAt(CAPTIONS, 1000)).toBe(4);
  });

  it('is -1 before the first caption and with none', () => {
    expect(captionIndexAt(CAPTIONS.slice(1), 10)).toBe(-1);
    expect(captionIndexAt([], 10)).toBe(-1);
  });
});

describe('captionStep', () => {
  it('goes to the next and previous captions’ ticks', () => {
    expect(captionStep(CAPTIONS, 1, 1)).toBe(46);
    expect(captionStep(CAPTIONS, 1, -1)).toBe(0);
    expect(captionStep(CAPTIONS, 4, -1)).toBe(46);
  });

  it('passes over captions at the same tick together', () => {
    expect(captionStep(CAPTIONS, 3, 1)).toBe(77);
    expect(captionStep(CAPTIONS, 3, -1)).toBe(40);
  });

  it('has no way past either end; before the first, next is the first', () => {
    expect(captionStep(CAPTIONS, 0, -1)).toBeUndefined();
    expect(captionStep(CAPTIONS, 4, 1)).toBeUndefined();
    expect(captionStep(CAPTIONS.slice(1), -1, 1)).toBe(40);
    expect(captionStep(CAPTIONS.slice(1), -1, -1)).toBeUndefined();
  });
});
