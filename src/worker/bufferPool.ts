// The frames' transaction arrays, handed back by the overlay's painter once it has drawn past them,
// for the next frames to fill. Sixty frames a second of fresh arrays are several MB a second; each
// counted against the painter's heap until collected and started its collections. Handed back,
// they are allocated once and the painter keeps none (a transferred buffer leaves nothing behind).

/** Buffers kept at most: a frame's two arrays, a few frames deep. */
const KEEP = 8;
/** A new buffer's room beyond the array asked for, so that one fits the next frames too. */
const HEADROOM = 1.25;

export class BufferPool {
  private free: ArrayBuffer[] = [];

  /** Buffers the painter is done with (empty ones are not worth keeping). */
  give(buffers: readonly ArrayBuffer[]): void {
    for (const b of buffers) if (b.byteLength > 0 && this.free.length < KEEP) this.free.push(b);
  }

  /** An array of `length` elements, on a handed-back buffer when one is large enough. Its contents
   * are left as they were: the caller writes every element. */
  take(length: number): Float64Array {
    if (length === 0) return new Float64Array(0);
    const bytes = length * Float64Array.BYTES_PER_ELEMENT;
    const i = this.free.findIndex((b) => b.byteLength >= bytes);
    if (i >= 0) return new Float64Array(this.free.splice(i, 1)[0], 0, length);
    return new Float64Array(new ArrayBuffer(Math.ceil(length * HEADROOM) * Float64Array.BYTES_PER_ELEMENT), 0, length);
  }

  /** Buffers waiting to be reused. */
  get size(): number {
    return this.free.length;
  }
}
