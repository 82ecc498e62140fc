// One tick's events: a deviation puts another source first, each source keeping its own order, and
// a tick whose events all come from one source is no choice at all.

import { describe, expect, it } from 'vitest';
import { CH_ORDER, newChoices } from './choice';
import { orderBucket } from './eventOrder';

// Events are (kind, arg); here the source is the kind, so the order is easy to read.
const bySource = (kind: number) => kind;

describe('same-tick event order', () => {
  it('keeps the order by default and records the choice with its range', () => {
    const c = newChoices(null, true);
    const b = [9, 2, 10, 1, 20, 2, 11, 3, 30];
    orderBucket(c, b, bySource);
    expect(b).toEqual([9, 2, 10, 1, 20, 2, 11, 3, 30]);
    expect(c.record?.flat()).toEqual([CH_ORDER, 0, 2, 0, 0]);
  });

  it('moves the chosen source to the front, each source keeping its own order', () => {
    const b = [9, 2, 10, 1, 20, 2, 11, 3, 30];
    orderBucket(newChoices(new Map([[0, 1]]), false), b, bySource);
    expect(b).toEqual([9, 1, 20, 2, 10, 2, 11, 3, 30]);
    const d = [9, 2, 10, 1, 20, 2, 11, 3, 30];
    orderBucket(newChoices(new Map([[0, 2]]), false), d, bySource);
    expect(d).toEqual([9, 3, 30, 2, 10, 1, 20, 2, 11]);
  });

  it('makes no choice when one source has the whole tick', () => {
    const c = newChoices(new Map([[0, 1]]), true);
    const b = [7, 2, 10, 2, 11, 2, 12];
    orderBucket(c, b, bySource);
    expect(b).toEqual([7, 2, 10, 2, 11, 2, 12]);
    expect(c.n).toBe(0);
  });

  it('orders a tick the same after a larger one', () => {
    const big = [11, 4, 40, 3, 30, 5, 50, 6, 60, 7, 70];
    orderBucket(newChoices(new Map([[0, 4]]), false), big, bySource);
    expect(big).toEqual([11, 7, 70, 4, 40, 3, 30, 5, 50, 6, 60]);
    const b = [9, 2, 10, 1, 20, 2, 11, 3, 30];
    orderBucket(newChoices(new Map([[0, 2]]), false), b, bySource);
    expect(b).toEqual([9, 3, 30, 2, 10, 1, 20, 2, 11]);
  });
});
