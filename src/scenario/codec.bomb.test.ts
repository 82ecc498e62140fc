// Decompression bombs: a link whose data expands past the size limit is refused as too large while
// it is being inflated, having decompressed little more than the limit. Every Inflate here counts
// the bytes it hands out, which is what a decode has decompressed and held.

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { deflateSync, type FlateStreamHandler } from 'fflate';
import { decodeFragment, decodeFragmentWithin, decodeScenario, LARGE, MAX_JSON_BYTES, toBase64Url } from './codec';
import { QUICK_JSON_BYTES } from './linkDecoder';
import { crc32 } from './crc32';

const inflated = vi.hoisted(() => ({ bytes: 0 }));

vi.mock('fflate', async (importOriginal) => {
  const fflate = await importOriginal<typeof import('fflate')>();
  class CountingInflate extends fflate.Inflate {
    constructor(cb: FlateStreamHandler) {
      super((chunk, final) => {
        inflated.bytes += chunk.length;
        cb(chunk, final);
      });
    }
  }
  return { ...fflate, Inflate: CountingInflate };
});

const TOO_LARGE = 'This link is too large: it expands past 2,000,000 bytes, the limit for a scenario.';
/** 100 MB of zeros: about 100 KB deflated, 130,000 characters of link. */
const bomb = deflateSync(new Uint8Array(100_000_000), { level: 1 });
/** What a decode may hold past its limit: one step of inflation (128 bytes in, at most 132 KB out). */
const SLACK = 140_000;

const withChecksum = (data: Uint8Array) => {
  const out = new Uint8Array(data.length + 4);
  out.set(data);
  new DataView(out.buffer).setUint32(data.length, crc32(data));
  return toBase64Url(out);
};

describe('decompression bombs', () => {
  beforeEach(() => {
    inflated.bytes = 0;
  });

  it('a bomb with a good checksum is refused as too large, past the limit by at most one step', () => {
    expect(decodeFragment(`#s=2.${withChecksum(bomb)}`)).toEqual({ ok: false, error: TOO_LARGE });
    expect(inflated.bytes).toBeGreaterThan(MAX_JSON_BYTES);
    expect(inflated.bytes).toBeLessThan(MAX_JSON_BYTES + SLACK);
  });

  it('a bomb in a link of format 1 is refused the same way', () => {
    expect(decodeScenario(`1.${toBase64Url(bomb)}`)).toEqual({ ok: false, error: TOO_LARGE });
    expect(inflated.bytes).toBeLessThan(MAX_JSON_BYTES + SLACK);
  });

  it('a cut-off bomb is too large, not "not deflate": the limit is met before the cut', () => {
    expect(decodeScenario(`1.${toBase64Url(bomb.subarray(0, bomb.length >> 1))}`)).toEqual({ ok: false, error: TOO_LARGE });
    expect(inflated.bytes).toBeLessThan(MAX_JSON_BYTES + SLACK);
  });

  it("on the page's thread, a bomb costs no more than inflating the budget", () => {
    expect(decodeFragmentWithin(`#s=2.${withChecksum(bomb)}`, QUICK_JSON_BYTES)).toBe(LARGE);
    expect(inflated.bytes).toBeGreaterThan(QUICK_JSON_BYTES);
    expect(inflated.bytes).toBeLessThan(QUICK_JSON_BYTES + SLACK);
  });

  it('a document just under the limit still opens as far as reading it', () => {
    // Not a scenario (so refused as JSON), but inflated whole: the limit is not met.
    const text = new Uint8Array(MAX_JSON_BYTES).fill(0x20);
    const d = decodeScenario(`1.${toBase64Url(deflateSync(text))}`);
    expect(d).toEqual({ ok: false, error: expect.stringContaining('not JSON') });
    expect(inflated.bytes).toBe(MAX_JSON_BYTES);
  });
});
