import { describe, expect, it } from 'vitest';
import { labelWidth, placeLabels, shortName } from './labelRows';

/** Whether any two placed labels in one row overlap, given their x and the width of the form placed. */
function overlaps(items: { x: number; full: number; short: number }[], rows: number): boolean {
  const places = placeLabels(items, rows);
  const boxes = items.map((it, i) => {
    const p = places[i];
    const w = p.form === 'full' ? it.full : p.form === 'short' ? it.short : 0;
    return { row: p.row, x0: it.x, x1: it.x + w, text: p.form !== 'mark' };
  });
  return boxes.some((a, i) => boxes.some((b, j) => i < j && a.text && b.text && a.row === b.row && a.x0 < b.x1 && b.x0 < a.x1));
}

describe('timeline label rows', () => {
  it('puts labels far apart in the first row, whole', () => {
    const items = [0, 200, 400].map((x) => ({ x, full: 80, short: 30 }));
    expect(placeLabels(items, 2)).toEqual([0, 1, 2].map(() => ({ row: 0, form: 'full' })));
  });

  it('stacks a label that would cover the one before into the next row', () => {
    const items = [
      { x: 0, full: 80, short: 30 },
      { x: 40, full: 80, short: 30 },
    ];
    expect(placeLabels(items, 2)).toEqual([
      { row: 0, form: 'full' },
      { row: 1, form: 'full' },
    ]);
  });

  it('abbreviates the label before when no row has room for the next, and leaves a bare mark when that does not help', () => {
    const items = [
      { x: 0, full: 80, short: 30 },
      { x: 10, full: 80, short: 30 },
      { x: 40, full: 80, short: 30 },
      { x: 45, full: 80, short: 30 },
    ];
    expect(placeLabels(items, 2)).toEqual([
      { row: 0, form: 'short' },
      { row: 1, form: 'short' },
      { row: 0, form: 'full' },
      { row: 1, form: 'full' },
    ]);
    expect(placeLabels([...items, { x: 50, full: 80, short: 30 }], 2)[4]).toEqual({ row: -1, form: 'mark' });
  });

  it('never lets two labels with text overlap, however crowded, in any input order', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let n = 0; n < 50; n++) {
      const items = Array.from({ length: 60 }, () => {
        const name = ['program', 'transfer', 'assign', 'reset', 'lend'][Math.floor(rand() * 5)];
        return { x: Math.floor(rand() * 600), full: labelWidth(name), short: labelWidth(shortName(name)) };
      });
      expect(overlaps(items, 2)).toBe(false);
      expect(overlaps(items, 1)).toBe(false);
    }
  });

  it('abbreviates a long name to three letters', () => {
    expect(shortName('transfer')).toBe('tra…');
    expect(shortName('lend')).toBe('lend');
  });
});
