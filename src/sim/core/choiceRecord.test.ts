// The choice record across its pieces: what it holds reads back by index, and a copy shares the
// full pieces but not what either side records after the copy.

import { describe, expect, it } from 'vitest';
import { ChoiceRecord } from './choiceRecord';

function filled(n: number): ChoiceRecord {
  const r = new ChoiceRecord();
  for (let i = 0; i < n; i++) r.push(i % 6, i, i + 3, i + 1, i + 2, i >> 3);
  return r;
}

describe('the choice record', () => {
  it('reads back every field and tick, across pieces', () => {
    const r = filled(5000);
    expect(r.size).toBe(5000);
    for (const i of [0, 1, 2047, 2048, 2049, 4095, 4096, 4999]) {
      expect([0, 1, 2, 3, 4].map((f) => r.field(i, f))).toEqual([i % 6, i, i + 3, i + 1, i + 2]);
      expect(r.tick(i)).toBe(i >> 3);
    }
    expect(r.flat().length).toBe(5 * 5000);
    expect(r.flat().slice(5 * 4096, 5 * 4096 + 5)).toEqual([4096 % 6, 4096, 4099, 4097, 4098]);
    expect(r.ticks()[4999]).toBe(4999 >> 3);
  });

  it('keeps a copy apart from the record it was copied from, on a full piece and a partial one', () => {
    for (const n of [0, 31, 32, 100, 2048, 4100]) {
      const a = filled(n);
      const before = a.flat();
      const b = a.copy();
      b.push(9, 9, 9, 9, 9, 9);
      a.push(7, 7, 7, 7, 7, 7);
      expect(a.flat()).toEqual([...before, 7, 7, 7, 7, 7]);
      expect(b.flat()).toEqual([...before, 9, 9, 9, 9, 9]);
      expect(a.tick(n)).toBe(7);
      expect(b.tick(n)).toBe(9);
      expect(b.size).toBe(n + 1);
    }
  });
});
