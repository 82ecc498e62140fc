// A PNG's text chunk: writing an uncompressed iTXt chunk (UTF-8 text under a keyword) before the
// image's IEND, and reading it back. An exported image carries its scenario this way, so dropping
// it on the app opens that scenario.

import { crc32 } from '../../scenario/crc32';

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

/** Whether `bytes` start with the PNG signature. */
export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && SIGNATURE.every((b, i) => bytes[i] === b);
}

const u32 = (b: Uint8Array, at: number) => ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;

function putU32(b: Uint8Array, at: number, v: number): void {
  b[at] = v >>> 24;
  b[at + 1] = (v >>> 16) & 0xff;
  b[at + 2] = (v >>> 8) & 0xff;
  b[at + 3] = v & 0xff;
}

/** The iTXt chunk (length, type, data, CRC) holding `text` under `keyword`, uncompressed. */
export function itxtChunk(keyword: string, text: string): Uint8Array {
  if (!/^[\x20-\x7e]{1,79}$/.test(keyword)) throw new Error(`PNG keyword "${keyword}" is not 1–79 printable Latin characters`);
  const enc = new TextEncoder();
  // keyword NUL, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL, text.
  const data = new Uint8Array([...enc.encode(keyword), 0, 0, 0, 0, 0, ...enc.encode(text)]);
  const chunk = new Uint8Array(12 + data.length);
  putU32(chunk, 0, data.length);
  chunk.set(enc.encode('iTXt'), 4);
  chunk.set(data, 8);
  putU32(chunk, 8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  return chunk;
}

/** `png` with an iTXt chunk of `text` under `keyword` inserted before its IEND chunk. */
export function withText(png: Uint8Array, keyword: string, text: string): Uint8Array {
  if (!isPng(png)) throw new Error('not a PNG image');
  const end = findChunk(png, 'IEND');
  if (end === null) throw new Error('the PNG image has no IEND chunk');
  const chunk = itxtChunk(keyword, text);
  const out = new Uint8Array(png.length + chunk.length);
  out.set(png.subarray(0, end.at));
  out.set(chunk, end.at);
  out.set(png.subarray(end.at), end.at + chunk.length);
  return out;
}

interface Chunk {
  at: number;
  type: string;
  data: Uint8Array;
  crcOk: boolean;
}

function* chunks(png: Uint8Array): Generator<Chunk> {
  let at = 8;
  while (at + 12 <= png.length) {
    const len = u32(png, at);
    if (at + 12 + len > png.length) return;
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + len);
    yield { at, type, data, crcOk: crc32(png.subarray(at + 4, at + 8 + len)) === u32(png, at + 8 + len) };
    at += 12 + len;
  }
}

function findChunk(png: Uint8Array, type: string): Chunk | null {
  for (const c of chunks(png)) if (c.type === type) return c;
  return null;
}

/**
 * The text under `keyword` in `png`'s uncompressed iTXt or tEXt chunks, or null when it has none
 * (or only a damaged one: its CRC does not match).
 */
export function readText(png: Uint8Array, keyword: string): string | null {
  if (!isPng(png)) return null;
  const key = new TextEncoder().encode(keyword);
  for (const c of chunks(png)) {
    if ((c.type !== 'iTXt' && c.type !== 'tEXt') || !c.crcOk) continue;
    const d = c.data;
    if (d.length <= key.length || d[key.length] !== 0 || !key.every((b, i) => d[i] === b)) continue;
    let at = key.length + 1;
    if (c.type === 'tEXt') return new TextDecoder('latin1').decode(d.subarray(at));
    if (d[at] !== 0) continue; // compressed iTXt: ours never is
    at += 2;
    const lang = d.indexOf(0, at);
    if (lang < 0) continue;
    const translated = d.indexOf(0, lang + 1);
    if (translated < 0) continue;
    return new TextDecoder().decode(d.subarray(translated + 1));
  }
  return null;
}
