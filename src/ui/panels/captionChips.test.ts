// Caption chips on the timeline: in rows when captions are close, merged when the rows are full,
// never overlapping.

import { describe, expect, it } from 'vitest';
import { chipLabel, placeCaptionChips, type CaptionChip } from './captionChips';

const OPTIONS = { rows: 2, gap: 2, widthOf: (label: string) => 8 + 7 * label.length, span: 1000 };

function overlapping(chips: CaptionChip[]): [CaptionChip, CaptionChip] | null {
  for (const a of chips)
    for (const b of chips) if (a !== b && a.row === b.row && a.left < b.left + b.width && b.left < a.left + a.width) return [a, b];
  return null;
}

describe('placeCaptionChips', () => {
  it('puts captions far apart in the first row, one chip each', () => {
    const chips = placeCaptionChips([10, 100, 200], OPTIONS);
    expect(chips.map((c) => [c.captions, c.row])).toEqual([
      [[0], 0],
      [[1], 0],
      [[2], 0],
    ]);
    expect(chips[1].left).toBe(100 - 15 / 2);
  });

  it('puts a close caption in the next row', () => {
    const chips = placeCaptionChips([100, 105], OPTIONS);
    expect(chips.map((c) => c.row)).toEqual([0, 1]);
  });

  it('merges captions into the latest chip when every row is taken', () => {
    const chips = placeCaptionChips([100, 101, 102, 103], OPTIONS);
    expect(chips.map((c) => c.captions)).toEqual([[0], [1, 2, 3]]);
    expect(chipLabel(chips[1])).toBe('2–4');
    expect(chips[1].width).toBe(OPTIONS.widthOf('2–4'));
  });

  it('never overlaps, for any spacing, and covers each caption once', () => {
    for (let seed = 1; seed <= 50; seed++) {
      let x = 0;
      let r = seed;
      const xs = Array.from({ length: 30 }, () => {
        r = (r * 48271) % 2147483647;
        return (x += r % 25);
      });
      const chips = placeCaptionChips(xs, OPTIONS);
      expect(overlapping(chips)).toBeNull();
      expect(chips.flatMap((c) => c.captions)).toEqual(xs.map((_, i) => i));
      for (const c of chips) expect(c.row).toBeLessThan(OPTIONS.rows);
    }
  });

  it('keeps chips at either end inside the track', () => {
    const chips = placeCaptionChips([0, 1000], OPTIONS);
    expect(chips.map((c) => [c.left, c.row])).toEqual([
      [0, 0],
      [1000 - 15, 0],
    ]);
  });

  it('has no chips for no captions', () => {
    expect(placeCaptionChips([], OPTIONS)).toEqual([]);
  });
});
