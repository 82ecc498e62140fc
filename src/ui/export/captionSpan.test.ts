import { describe, expect, it } from 'vitest';
import { captionSpan } from './captionSpan';

const captions = [
  { at: 0, text: 'boot' },
  { at: 40, text: 'transfer' },
  { at: 40, text: 'same tick' },
  { at: 77, text: 'leak' },
];

describe('the range an animation export starts with', () => {
  it('is the caption at the playhead up to the next later caption', () => {
    expect(captionSpan(captions, 10, 600)).toEqual({ from: 0, to: 40, caption: 'boot' });
    expect(captionSpan(captions, 40, 600)).toEqual({ from: 40, to: 77, caption: 'same tick' });
    expect(captionSpan(captions, 76, 600)).toEqual({ from: 40, to: 77, caption: 'same tick' });
  });

  it('runs to the end after the last caption', () => {
    expect(captionSpan(captions, 300, 600)).toEqual({ from: 77, to: 600, caption: 'leak' });
  });

  it('before the first caption, runs from the start to it; with none, is the whole run', () => {
    expect(captionSpan([{ at: 30, text: 'a' }], 5, 600)).toEqual({ from: 0, to: 30, caption: null });
    expect(captionSpan([], 123, 600)).toEqual({ from: 0, to: 600, caption: null });
  });

  it('is the whole run when the caption’s span would be empty', () => {
    expect(captionSpan([{ at: 600, text: 'end' }], 600, 600)).toEqual({ from: 0, to: 600, caption: null });
  });
});
