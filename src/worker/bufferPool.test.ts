// Frames' arrays handed back by the painter (bufferPool.ts) are filled again, and what a reused
// buffer held before never shows through.

import { describe, expect, it } from 'vitest';
import { BufferPool } from './bufferPool';
import { packTxns } from './view';
import { TX } from './frameFormat';
import type { Txn } from '../sim';

describe('the pool of frame arrays', () => {
  it('fills a handed-back buffer that is large enough, and allocates with room otherwise', () => {
    const pool = new BufferPool();
    const a = pool.take(100);
    expect(a.length).toBe(100);
    expect(a.buffer.byteLength).toBeGreaterThan(100 * 8); // room for a frame a little larger
    pool.give([a.buffer as ArrayBuffer, new ArrayBuffer(0)]);
    expect(pool.size).toBe(1); // an empty buffer is not kept
    expect(pool.take(200).buffer).not.toBe(a.buffer); // too small
    const b = pool.take(110);
    expect(b.buffer).toBe(a.buffer);
    expect(b.length).toBe(110);
    expect(pool.size).toBe(0);
  });

  it('keeps a few buffers, not every one it is given', () => {
    const pool = new BufferPool();
    pool.give(Array.from({ length: 20 }, () => new ArrayBuffer(64)));
    expect(pool.size).toBeLessThanOrEqual(8);
  });

  it('packs transactions onto a reused buffer with nothing left of its last frame', () => {
    const pool = new BufferPool();
    const old = pool.take(3 * TX.stride).fill(7);
    pool.give([old.buffer as ArrayBuffer]);
    const txn = {
      id: 5,
      device: 1,
      programmedBy: 2,
      phase: 'issued',
      issuedAt: 1,
      arriveAt: 2,
      translatedAt: 3,
      commitAt: 4,
      page: 9,
      pfn: 9,
      fault: null,
      write: true,
      viaAts: false,
      viaBypass: false,
      broke: false,
    };
    // Room for two, one given: the second row is zeros, not the old sevens.
    const a = packTxns([txn as unknown as Txn], 2, (n) => pool.take(n));
    expect(a.buffer).toBe(old.buffer);
    expect(a[TX.id]).toBe(5);
    expect([...a.subarray(TX.stride)]).toEqual(new Array(TX.stride).fill(0));
  });
});
