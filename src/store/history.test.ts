import { describe, expect, it } from 'vitest';
import { emptyHistory, record, redo, undo } from './history';

describe('undo history', () => {
  it('undoes and redoes in order, each step with the label of its change', () => {
    let h = emptyHistory<string>();
    h = record(h, 'a', 'to b');
    h = record(h, 'b', 'to c');
    const u1 = undo(h, 'c')!;
    expect(u1).toMatchObject({ restore: 'b', label: 'to c' });
    const u2 = undo(u1.history, 'b')!;
    expect(u2).toMatchObject({ restore: 'a', label: 'to b' });
    expect(undo(u2.history, 'a')).toBeNull();
    const r1 = redo(u2.history, 'a')!;
    expect(r1).toMatchObject({ restore: 'b', label: 'to b' });
    const r2 = redo(r1.history, 'b')!;
    expect(r2).toMatchObject({ restore: 'c', label: 'to c' });
    expect(redo(r2.history, 'c')).toBeNull();
    expect(r2.history.past.map((e) => e.value)).toEqual(['a', 'b']);
  });

  it('a change after an undo drops the redo branch', () => {
    let h = record(emptyHistory<number>(), 1, 'one');
    h = undo(h, 2)!.history;
    expect(h.future).toHaveLength(1);
    h = record(h, 1, 'other');
    expect(h.future).toEqual([]);
    expect(h.past.map((e) => e.label)).toEqual(['other']);
  });

  it('keeps at most the limit, dropping the oldest', () => {
    let h = emptyHistory<number>();
    for (let i = 0; i < 5; i++) h = record(h, i, `step ${i}`, 3);
    expect(h.past.map((e) => e.value)).toEqual([2, 3, 4]);
  });

  it('never changes the history it is given', () => {
    const h = Object.freeze(record(emptyHistory<number>(), 1, 'one'));
    const before = structuredClone(h);
    undo(h, 2);
    record(h, 2, 'two');
    expect(h).toEqual(before);
  });
});
