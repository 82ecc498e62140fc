// The record of a run's choices, kept when a run records them (the explorer's runs): per choice its
// kind, range, default and the value taken, and the tick it was made on. It only grows, in typed
// pieces of a fixed size, so a copy (a fork of the run) shares the full pieces and copies only the
// last: copying the record of a long run costs a piece, not the record. At the stress scenario's
// horizon the record holds 57,000 choices; copied whole, it took several milliseconds and as much
// garbage for every schedule forked.

/** Choices per piece. */
const PIECE = 2048;
/** Choices the first piece has room for; it doubles up to PIECE (a short run's record stays small). */
const FIRST = 32;

export class ChoiceRecord {
  // Typed pieces: their contents live outside the garbage collector's young generation, which
  // would otherwise copy every piece a search keeps, and a copy of one is a memcpy. Every piece but
  // the first is PIECE choices long from the start; the first grows to it, so that the thousands of
  // short runs of a small scenario's search do not each allocate a whole piece.
  /** Five numbers per choice: kind, lo, hi, default, taken. */
  private readonly values: Float64Array[];
  private readonly at: Int32Array[];
  private count: number;

  constructor(from?: ChoiceRecord) {
    if (from === undefined) {
      this.values = [];
      this.at = [];
      this.count = 0;
      return;
    }
    // Full pieces are never written again: shared. A partly filled last piece is copied.
    this.values = from.values.slice();
    this.at = from.at.slice();
    this.count = from.count;
    const last = this.values.length - 1;
    if (this.count % PIECE !== 0) {
      this.values[last] = this.values[last].slice();
      this.at[last] = this.at[last].slice();
    }
  }

  /** How many choices it holds. */
  get size(): number {
    return this.count;
  }

  push(kind: number, lo: number, hi: number, def: number, taken: number, tick: number): void {
    const o = this.count % PIECE;
    const last = this.at.length - 1;
    if (o === 0) {
      const room = this.count === 0 ? FIRST : PIECE;
      this.values.push(new Float64Array(room * 5));
      this.at.push(new Int32Array(room));
    } else if (o === this.at[last].length) {
      // The first piece is full below PIECE: it doubles.
      const values = new Float64Array(2 * o * 5);
      values.set(this.values[last]);
      this.values[last] = values;
      const at = new Int32Array(2 * o);
      at.set(this.at[last]);
      this.at[last] = at;
    }
    const values = this.values[this.values.length - 1];
    values[o * 5] = kind;
    values[o * 5 + 1] = lo;
    values[o * 5 + 2] = hi;
    values[o * 5 + 3] = def;
    values[o * 5 + 4] = taken;
    this.at[this.at.length - 1][o] = tick;
    this.count++;
  }

  /** Field f of choice i: 0 kind, 1 lo, 2 hi, 3 default, 4 taken. */
  field(i: number, f: number): number {
    return this.values[(i / PIECE) | 0][(i % PIECE) * 5 + f];
  }

  /** The tick choice i was made on (-1: at boot). */
  tick(i: number): number {
    return this.at[(i / PIECE) | 0][i % PIECE];
  }

  /** A copy that shares what it can (see above). */
  copy(): ChoiceRecord {
    return new ChoiceRecord(this);
  }

  /** The whole record as five numbers per choice (for reports and tests). */
  flat(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.count; i++) for (let f = 0; f < 5; f++) out.push(this.field(i, f));
    return out;
  }

  /** The tick of every choice. */
  ticks(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.count; i++) out.push(this.tick(i));
    return out;
  }
}
