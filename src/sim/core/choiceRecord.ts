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
/** Numbers per choice: kind, lo, hi, default, taken, and the tick it was made on. */
const W = 6;

export class ChoiceRecord {
  // Typed pieces: their contents live outside the garbage collector's young generation, which
  // would otherwise copy every piece a search keeps, and a copy of one is a memcpy. Every piece but
  // the first is PIECE choices long from the start; the first grows to it, so that the thousands of
  // short runs of a small scenario's search do not each allocate a whole piece. A choice's fields
  // and tick share one array, so a run makes one array to start its record, not two.
  private readonly pieces: Float64Array[];
  private count: number;

  constructor(from?: ChoiceRecord) {
    if (from === undefined) {
      this.pieces = [];
      this.count = 0;
      return;
    }
    // Full pieces are never written again: shared. A partly filled last piece is copied.
    this.pieces = from.pieces.slice();
    this.count = from.count;
    const last = this.pieces.length - 1;
    if (this.count % PIECE !== 0) this.pieces[last] = this.pieces[last].slice();
  }

  /** How many choices it holds. */
  get size(): number {
    return this.count;
  }

  push(kind: number, lo: number, hi: number, def: number, taken: number, tick: number): void {
    const o = this.count % PIECE;
    const last = this.pieces.length - 1;
    if (o === 0) this.pieces.push(new Float64Array((this.count === 0 ? FIRST : PIECE) * W));
    else if (o * W === this.pieces[last].length) {
      // The first piece is full below PIECE: it doubles.
      const wider = new Float64Array(2 * o * W);
      wider.set(this.pieces[last]);
      this.pieces[last] = wider;
    }
    const p = this.pieces[this.pieces.length - 1];
    const at = o * W;
    p[at] = kind;
    p[at + 1] = lo;
    p[at + 2] = hi;
    p[at + 3] = def;
    p[at + 4] = taken;
    p[at + 5] = tick;
    this.count++;
  }

  /** Field f of choice i: 0 kind, 1 lo, 2 hi, 3 default, 4 taken. */
  field(i: number, f: number): number {
    return this.pieces[(i / PIECE) | 0][(i % PIECE) * W + f];
  }

  /** The tick choice i was made on (-1: at boot). */
  tick(i: number): number {
    return this.pieces[(i / PIECE) | 0][(i % PIECE) * W + 5];
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
