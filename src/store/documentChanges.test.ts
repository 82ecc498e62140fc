import { describe, expect, it } from 'vitest';
import { captionTarget, insertAtTick, sameButLayout, toggled, withPositions } from './documentChanges';
import type { ScenarioDocument } from '../scenario/document';

const doc = (layout: Record<string, [number, number]>, title = 'T') =>
  ({ format: 'dma-handoff/scenario', version: 1, title, layout }) as ScenarioDocument;

describe('document changes', () => {
  it('toggles a member of a list', () => {
    expect(toggled(['a', 'b'], 'a')).toEqual(['b']);
    expect(toggled(['b'], 'a')).toEqual(['b', 'a']);
  });

  it('inserts an operation after every operation already at its tick', () => {
    const script = [
      { at: 10, n: 1 },
      { at: 20, n: 2 },
      { at: 20, n: 3 },
      { at: 30, n: 4 },
    ];
    insertAtTick(script, { at: 20, n: 9 } as { at: number }, 20);
    expect(script.map((o) => o.n)).toEqual([1, 2, 3, 9, 4]);
    insertAtTick(script, { at: 99, n: 8 } as { at: number }, 99);
    expect(script.at(-1)).toEqual({ at: 99, n: 8 });
  });

  it('places nodes at whole pixels in a new document, leaving the old one as it was', () => {
    const before = doc({ A: [0, 0] });
    const after = withPositions(before, { B: [1.4, 2.6] });
    expect(after.layout).toEqual({ A: [0, 0], B: [1, 3] });
    expect(before.layout).toEqual({ A: [0, 0] });
    expect(sameButLayout(before, after)).toBe(true);
    expect(sameButLayout(before, doc({ A: [0, 0] }, 'Other'))).toBe(false);
  });

  it('finds the next and the previous caption', () => {
    const ticks = [50, 10, 50, 30];
    expect(captionTarget(ticks, 0, 1, 100)).toBe(10);
    expect(captionTarget(ticks, 30, 1, 100)).toBe(50);
    // The last caption ends the presentation: forward from it goes nowhere, not on to the horizon.
    expect(captionTarget(ticks, 50, 1, 100)).toBeUndefined();
    expect(captionTarget([], 0, 1, 100)).toBe(100);
    expect(captionTarget([], 100, 1, 100)).toBeUndefined();
    expect(captionTarget(ticks, 50, -1, 100)).toBe(30);
    expect(captionTarget(ticks, 10, -1, 100)).toBeUndefined();
  });
});
