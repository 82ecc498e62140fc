import { describe, expect, it } from 'vitest';
import { FLAG, PHASE, TX } from '../../worker/frameFormat';
import { LEAK_HOLD_MS, LeakMarks } from './leaks';

/** One ended transaction: committed at `commitAt` to `page`, leaking or not. */
function ended(id: number, commitAt: number, page: number, leak = true): Float64Array {
  const a = new Float64Array(TX.stride);
  a[TX.id] = id;
  a[TX.phase] = PHASE.committed;
  a[TX.commitAt] = commitAt;
  a[TX.page] = page;
  a[TX.flags] = leak ? FLAG.leak : 0;
  return a;
}

describe('leak marks', () => {
  it('marks the page a leaking commit reached once the playhead has passed it, for a while', () => {
    const m = new LeakMarks();
    m.take(ended(14, 77, 5), 76, 0);
    expect(m.pages(0)).toEqual([]);
    m.take(ended(14, 77, 5), 77, 0);
    expect(m.pages(10)).toEqual([5]);
    expect(m.pages(LEAK_HOLD_MS + 1)).toEqual([]);
    m.take(ended(3, 70, 6, false), 80, 0);
    expect(m.pages(0)).toEqual([]);
  });

  it('a commit seen again does not extend its mark; replayed after going back, it is marked again', () => {
    const m = new LeakMarks();
    m.take(ended(14, 77, 5), 77, 0);
    m.take(ended(14, 77, 5), 78, 2000);
    expect(m.pages(LEAK_HOLD_MS + 1)).toEqual([]);
    // Back to before the leak, and through it again: the same transaction id leaks again.
    m.take(new Float64Array(0), 50, 4000);
    m.take(ended(14, 77, 5), 77, 5000);
    expect(m.pages(5001)).toEqual([5]);
  });
});
