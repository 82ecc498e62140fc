import { describe, expect, it } from 'vitest';
import { deflateSync } from 'fflate';
import { crc32 } from '../../scenario/crc32';
import { isPng, itxtChunk, readText, withText } from './pngText';

/** A valid 1×1 grey PNG, built here: signature, IHDR, IDAT, IEND. */
function tinyPng(): Uint8Array {
  const chunk = (type: string, data: number[] | Uint8Array) => {
    const body = new Uint8Array([...new TextEncoder().encode(type), ...data]);
    const len = data.length;
    const c = crc32(body);
    return [len >>> 24, (len >>> 16) & 255, (len >>> 8) & 255, len & 255, ...body, c >>> 24, (c >>> 16) & 255, (c >>> 8) & 255, c & 255];
  };
  const ihdr = [0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0];
  const idat = deflateSync(new Uint8Array([0, 128]));
  return new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, ...chunk('IHDR', ihdr), ...chunk('IDAT', idat), ...chunk('IEND', [])]);
}

describe('the PNG text chunk', () => {
  it('writes an iTXt chunk before IEND and reads the same text back', () => {
    const png = tinyPng();
    const text = 's=2.AbC-_d&t=60 — ünïcode';
    const out = withText(png, 'dma-handoff', text);
    expect(isPng(out)).toBe(true);
    expect(out.length).toBe(png.length + itxtChunk('dma-handoff', text).length);
    // IEND stays last.
    expect(new TextDecoder().decode(out.subarray(out.length - 8, out.length - 4))).toBe('IEND');
    expect(readText(out, 'dma-handoff')).toBe(text);
    expect(readText(out, 'other')).toBeNull();
    expect(readText(png, 'dma-handoff')).toBeNull();
  });

  it('has the CRC-32 of its type and data, as PNG decoders check', () => {
    const c = itxtChunk('k', 'v');
    const len = (c[0] << 24) | (c[1] << 16) | (c[2] << 8) | c[3];
    expect(len).toBe(c.length - 12);
    const stored = ((c[c.length - 4] << 24) | (c[c.length - 3] << 16) | (c[c.length - 2] << 8) | c[c.length - 1]) >>> 0;
    expect(stored).toBe(crc32(c.subarray(4, c.length - 4)));
  });

  it('ignores a chunk whose CRC does not match, and reads tEXt too', () => {
    const out = withText(tinyPng(), 'dma-handoff', 'g=seed-attack&t=5');
    const at = out.length - 12 - 10; // a byte of the text
    out[at] ^= 1;
    expect(readText(out, 'dma-handoff')).toBeNull();
    // A tEXt chunk of the same keyword (Latin-1, no flags).
    const data = new Uint8Array([...new TextEncoder().encode('dma-handoff'), 0, ...new TextEncoder().encode('g=x&t=1')]);
    const body = new Uint8Array([...new TextEncoder().encode('tEXt'), ...data]);
    const c = crc32(body);
    const chunk = new Uint8Array([0, 0, 0, data.length, ...body, c >>> 24, (c >>> 16) & 255, (c >>> 8) & 255, c & 255]);
    const png = tinyPng();
    const withT = new Uint8Array([...png.subarray(0, png.length - 12), ...chunk, ...png.subarray(png.length - 12)]);
    expect(readText(withT, 'dma-handoff')).toBe('g=x&t=1');
  });

  it('refuses what is not a PNG, and a keyword PNG does not allow', () => {
    expect(() => withText(new Uint8Array([1, 2, 3]), 'k', 'v')).toThrow('not a PNG image');
    expect(() => itxtChunk('', 'v')).toThrow('keyword');
    expect(() => itxtChunk('a'.repeat(80), 'v')).toThrow('keyword');
    expect(readText(new Uint8Array([1, 2, 3]), 'k')).toBeNull();
  });
});
