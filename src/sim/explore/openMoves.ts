// The single deviations open after a node's last deviation, grouped by the tick each is made on,
// for a search that forks them tick by tick as it runs the node again. A long run has tens of
// thousands of them. They sit in flat typed arrays in the record's order, which is tick order, and
// one instance is refilled for each node: gathering them makes no object per move, and the storage
// is kept from node to node rather than left to the collector.

import type { ChoiceRecord } from '../core/choiceRecord';
import { movesAt, type Steps } from './run';

export class OpenMoves {
  /** The choice index of each move. */
  private index = new Int32Array(256);
  /** The value each move gives its choice. */
  private value = new Int32Array(256);
  /** The tick each move is made on. */
  private tick = new Int32Array(256);
  private count = 0;
  /** The first move not yet taken or passed. */
  private next = 0;
  /** Groups of one tick not taken; a group passed without being taken stays counted. */
  private left = 0;
  /** The tick of the choice being gathered, for `add`. */
  private at = 0;
  private readonly add = (index: number, value: number): void => {
    if (this.count === this.index.length) this.grow();
    this.index[this.count] = index;
    this.value[this.count] = value;
    this.tick[this.count++] = this.at;
  };

  /** Fills in the moves open after choice `from` of a run (movesAfter). */
  *gather(log: ChoiceRecord, from: number): Steps<void> {
    this.count = 0;
    this.next = 0;
    this.left = 0;
    for (let i = from + 1; i < log.size; i++) {
      // The search may pause between choices.
      if (i % 1024 === 0) yield;
      const t = log.tick(i);
      const newTick = this.count === 0 || this.tick[this.count - 1] !== t;
      this.at = t;
      if (movesAt(log, i, this.add) > 0 && newTick) this.left++;
    }
  }

  /** How many groups are still to be taken. */
  get size(): number {
    return this.left;
  }

  /** Whether the next group is made on tick `t`; groups of earlier ticks are passed (never taken). */
  has(t: number): boolean {
    while (this.next < this.count && this.tick[this.next] < t) this.next++;
    return this.next < this.count && this.tick[this.next] === t;
  }

  /**
   * Takes the group of tick `t`, calling `each` with every move's index and value in order until it
   * returns false; the group counts as taken only when every move went.
   */
  *take(t: number, each: (index: number, value: number) => Steps<boolean>): Steps<boolean> {
    if (!this.has(t)) return true;
    const start = this.next;
    let end = start;
    while (end < this.count && this.tick[end] === t) end++;
    for (let j = start; j < end; j++) if (!(yield* each(this.index[j], this.value[j]))) return false;
    this.next = end;
    this.left--;
    return true;
  }

  private grow(): void {
    const wider = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.index = wider(this.index);
    this.value = wider(this.value);
    this.tick = wider(this.tick);
  }
}
