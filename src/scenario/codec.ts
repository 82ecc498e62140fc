// Links: `#s=2.<base64url(deflate-raw(json) ++ crc32)>` (the digit is the link format; the last
// four bytes are the CRC-32 of the compressed data before them, big-endian) and `#g=<id>`. Links of
// format 1, `#s=1.<base64url(deflate-raw(json))>`, have no checksum and are still read.
// Decoding is capped at both ends and never throws: each way a link can be wrong has its own
// message, and nothing is opened unless the whole scenario is valid. What a link or a file holds is
// read by readDocument (read.ts), like every other way in.
//
// Why a CRC-32 of the compressed data: deflate has no check of its own, so a damaged link can
// inflate to another valid scenario. Damage happens to the characters of a link, and a CRC-32 of
// the bytes they carry catches every change of one or two neighbouring characters (a burst of at
// most 32 bits in the order the CRC reads them; checked exhaustively where the data meets the
// checksum) and lets other damage through with odds of about 2^-32. It is checked before anything
// is inflated. It costs four bytes (five or six characters); a zlib stream would cost six, with
// the weaker Adler-32.

import { Inflate, deflateSync, strToU8, strFromU8 } from 'fflate';
import type { Scenario } from '../sim';
import { minimalDocument } from './minimal';
import { errorText, readDocument, readDocumentText, type ReadOk, type ReadOptions, type ReadResult } from './read';
import { galleryEntry } from './gallery';
import { ARCHIVE, PINS, readGalleryRef } from './gallery/revisions';
import { crc32 } from './crc32';

/** The link format written; format 1 (no checksum) is still read. */
export const CODEC_VERSION = 2;
/** Bytes of CRC-32 at the end of a format-2 payload. */
const CHECKSUM_BYTES = 4;
/** Longest `#s=` payload accepted (characters of base64url). */
export const MAX_LINK_CHARS = 200_000;
/** Largest decompressed document accepted (bytes). */
export const MAX_JSON_BYTES = 2_000_000;
/** Links longer than this may be cut by some chat tools. */
export const LINK_WARN_CHARS = 2000;
/** decodeFragmentWithin's answer for a link that expands past its budget. */
export const LARGE = 'large';

const TOO_LARGE_MESSAGE = `This link is too large: it expands past ${MAX_JSON_BYTES.toLocaleString('en-US')} bytes, the limit for a scenario.`;

export type Decoded = (ReadOk & { galleryId: string | null }) | { ok: false; error: string };

export function encodeScenario(s: Scenario): string {
  const data = deflateSync(strToU8(JSON.stringify(minimalDocument(s))), { level: 9 });
  const payload = new Uint8Array(data.length + CHECKSUM_BYTES);
  payload.set(data);
  new DataView(payload.buffer).setUint32(data.length, crc32(data));
  return `${CODEC_VERSION}.${toBase64Url(payload)}`;
}

/** The fragment for a scenario: `s=2.…`. */
export function scenarioFragment(s: Scenario): string {
  return `s=${encodeScenario(s)}`;
}

/**
 * Reads a location hash (`#s=…`, `#g=…`, with `&present` and the like after it). Returns null when
 * the hash names no scenario at all. `options` are readDocument's (tests pass a format of their own).
 */
export function decodeFragment(hash: string, options?: ReadOptions): Decoded | null {
  const d = readFragment(hash, MAX_JSON_BYTES, options);
  return d === LARGE ? fail(TOO_LARGE_MESSAGE) : d;
}

/**
 * decodeFragment on a budget: gives up with LARGE as soon as the link expands past `budget` bytes
 * (fewer than the limit), having inflated little more than that. The app decodes a link so on its
 * own thread and hands one that gives up to a worker (linkDecoder.ts).
 */
export function decodeFragmentWithin(hash: string, budget: number): Decoded | typeof LARGE | null {
  return readFragment(hash, Math.min(budget, MAX_JSON_BYTES));
}

export function decodeScenario(payload: string, options?: ReadOptions): Decoded {
  const d = readPayload(payload, MAX_JSON_BYTES, options);
  return d === LARGE ? fail(TOO_LARGE_MESSAGE) : d;
}

function readFragment(hash: string, budget: number, options?: ReadOptions): Decoded | typeof LARGE | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const g = params.get('g');
  if (g !== null) return readGallery(g, options);
  // URLSearchParams turns "+" into a space; base64url has no "+", so read the raw text.
  const raw = /(?:^|[#&])s=([^&]*)/.exec(hash)?.[1];
  if (raw === undefined) return null;
  return readPayload(raw, budget, options);
}

/**
 * A `g=` link: the current document for a bare id or the current revision; an archived revision's
 * document (no longer the gallery's, so its galleryId is null), saying so; a revision this app
 * does not have opens the current one, saying so.
 */
function readGallery(g: string, options?: ReadOptions): Decoded {
  const { id, revision } = readGalleryRef(g);
  const entry = galleryEntry(id);
  if (entry === undefined) return { ok: false, error: `This link names gallery scenario "${id.slice(0, 40)}", which does not exist.` };
  const current = PINS[id]?.revision ?? 1;
  if (revision === null || revision === current) return decoded(readDocument(entry.doc, options), id);
  const old = ARCHIVE[`${id}@${revision}`];
  const title = entry.doc.title;
  if (old !== undefined) {
    const d = decoded(readDocument(old, options), null);
    const note = `This link opens revision ${revision} of the gallery's “${title}”, as it was when the link was made; the gallery now has revision ${current}.`;
    return d.ok ? { ...d, warnings: [note, ...d.warnings] } : d;
  }
  const d = decoded(readDocument(entry.doc, options), id);
  const note = `This link names revision ${revision} of the gallery's “${title}”, which this app does not have; it opens revision ${current}.`;
  return d.ok ? { ...d, warnings: [note, ...d.warnings] } : d;
}

/** A `#s=` payload, inflated up to `budget` bytes: past it, LARGE when that is below the limit. */
function readPayload(payload: string, budget: number, options?: ReadOptions): Decoded | typeof LARGE {
  const dot = payload.indexOf('.');
  if (dot < 0) return fail('The link is not a DMA Handoff scenario link (no codec version).');
  const version = payload.slice(0, dot);
  if (version !== '1' && version !== String(CODEC_VERSION))
    return fail(
      /^\d+$/.test(version) && Number(version) > CODEC_VERSION
        ? `The link uses link format ${version}, newer than this app understands (${CODEC_VERSION}).`
        : `The link's format "${version.slice(0, 10)}" is not one this app knows.`,
    );
  const body = payload.slice(dot + 1);
  if (body.length > MAX_LINK_CHARS) return fail(`The link is too long (${body.length} characters; the limit is ${MAX_LINK_CHARS}).`);
  let data = fromBase64Url(body);
  if (data === null) return fail('The link is damaged: it is not valid base64url.');
  if (version !== '1') {
    const n = data.length - CHECKSUM_BYTES;
    if (n < 0 || crc32(data.subarray(0, n)) !== new DataView(data.buffer, data.byteOffset).getUint32(n))
      return fail('This link is damaged (its checksum does not match): part of it was changed or lost on the way. Copy the link again.');
    data = data.subarray(0, n);
  }
  const json = inflateCapped(data, budget);
  if (json === TOO_LARGE) return budget < MAX_JSON_BYTES ? LARGE : fail(TOO_LARGE_MESSAGE);
  if (json === NOT_DEFLATE) return fail('The link is damaged: its data does not decompress (not deflate).');
  return decodeJson(json, options);
}

/** A document as text (a file, a paste, a decompressed link), capped in size. */
export function decodeJson(text: string, options?: ReadOptions): Decoded {
  // A character is at least one byte of UTF-8: more characters than the limit is more bytes.
  if (text.length > MAX_JSON_BYTES)
    return fail(`The scenario is too large: it is over ${MAX_JSON_BYTES.toLocaleString('en-US')} bytes, the limit for a scenario.`);
  return decoded(readDocumentText(text, options), null);
}

/** A read document as the app opens it, or the one message that says why it cannot be. */
function decoded(r: ReadResult, galleryId: string | null): Decoded {
  if (r.ok) return { ...r, galleryId };
  if (r.stage === 'json') return fail('This is not a scenario: the text is not JSON.');
  const more = r.errors.length > 1 ? ` (and ${r.errors.length - 1} more)` : '';
  return fail(`Not a valid scenario — ${errorText(r.errors[0])}${more}`);
}

function fail(error: string): Decoded {
  return { ok: false, error };
}

const TOO_LARGE = Symbol('too large');
const NOT_DEFLATE = Symbol('not deflate');

/**
 * Compressed bytes handed to the inflater at a time. Deflate expands a byte to at most about 1,032
 * bytes, so one step inflates at most about 132 KB: a decode holds at most that past its budget.
 */
const INFLATE_STEP = 128;

/**
 * Inflates `data` as text, refusing as soon as the total passes `cap`: a bomb (a small link that
 * inflates to gigabytes) costs no more than a document at the limit.
 */
function inflateCapped(data: Uint8Array, cap: number): string | typeof TOO_LARGE | typeof NOT_DEFLATE {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  const inf = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size > cap) throw TOO_LARGE;
    chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    for (let i = 0; i < data.length; i += INFLATE_STEP) inf.push(data.subarray(i, i + INFLATE_STEP), i + INFLATE_STEP >= data.length);
  } catch (e) {
    return e === TOO_LARGE ? TOO_LARGE : NOT_DEFLATE;
  }
  if (!ended) return NOT_DEFLATE;
  const all = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) {
    all.set(c, o);
    o += c.length;
  }
  // fatal decoding: bytes that are not UTF-8 are "damaged", not silently replaced.
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(all);
  } catch {
    return strFromU8(all, true);
  }
}

/**
 * The fragment of the first link in pasted text: from the `#` before an `s=` or `g=` parameter to
 * the end of the word (`#s=2.…`, `#present&g=seed-attack`), or null. One pass over the text, so any
 * paste, however long or full of `#` and `&`, is read in time linear in its length.
 */
export function findLink(text: string): string | null {
  let hash = -1; // the last `#` in the current word
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (isSpace(text.charCodeAt(i))) hash = -1;
    else if (c === '#' || (c === '&' && hash >= 0)) {
      if (c === '#') hash = i;
      if ((text[i + 1] === 's' || text[i + 1] === 'g') && text[i + 2] === '=') {
        let end = i + 3;
        while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
        return text.slice(hash, end);
      }
    }
  }
  return null;
}

/** Whitespace and control characters: what ends a link in running text. */
const isSpace = (c: number) => c <= 0x20 || c === 0x85 || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x3000 || c === 0xfeff;

export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  try {
    const bin = atob(b64);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}
