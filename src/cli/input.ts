// Reading a scenario file from disk without trusting it: only a regular file is opened, and no
// more than the limit plus one byte is read, so a device, a FIFO or a file that keeps growing can
// neither block the runner nor fill its memory.

import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

/**
 * What reading a file gives: its first bytes (at most the limit asked for plus one, so a longer
 * file shows as one byte over the limit), or why it was not read.
 */
export type FileRead =
  | { kind: 'bytes'; bytes: Uint8Array }
  /** Not a regular file: `what` names what it is ("a FIFO", "a directory"). */
  | { kind: 'not-regular'; what: string }
  /** The file could not be read: the system's error code (ENOENT, EACCES) or message. */
  | { kind: 'error'; code: string };

/** Reads a file as FileRead says; the runner's own way to read, and the tests'. */
export type ReadFile = (path: string, limit: number) => FileRead;

const CHUNK = 64 * 1024;

export const readFileCapped: ReadFile = (path, limit) => {
  let fd: number | undefined;
  try {
    // Stat before opening: opening a FIFO with no writer blocks, and a device never ends.
    const before = statSync(path);
    if (!before.isFile()) return { kind: 'not-regular', what: kindOf(before) };
    // Non-blocking and never a controlling terminal, in case the path changed since the stat;
    // the open file is checked again below.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
    const opened = fstatSync(fd);
    if (!opened.isFile()) return { kind: 'not-regular', what: kindOf(opened) };
    const chunks: Uint8Array[] = [];
    let total = 0;
    while (total <= limit) {
      const chunk = new Uint8Array(Math.min(CHUNK, limit + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
    }
    return { kind: 'bytes', bytes: concat(chunks, total) };
  } catch (e) {
    return { kind: 'error', code: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
};

function kindOf(s: Stats): string {
  if (s.isDirectory()) return 'a directory';
  if (s.isFIFO()) return 'a FIFO';
  if (s.isCharacterDevice()) return 'a character device';
  if (s.isBlockDevice()) return 'a block device';
  if (s.isSocket()) return 'a socket';
  return 'a special file';
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Text from a file's bytes: UTF-8, as the app reads a file. A byte-order mark at the start is
 * dropped (TextDecoder does so unless told not to), as the browser's File.text() drops it; the
 * scenario reader itself takes text without one. Bytes that are not UTF-8 are refused, not
 * replaced: `invalidAt` is the offset of the first byte of the first ill-formed sequence.
 */
export function decodeText(bytes: Uint8Array): { text: string } | { invalidAt: number } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { invalidAt: firstInvalidUtf8(bytes) };
  }
}

/** The offset where UTF-8 decoding fails, by the Encoding Standard's decoder; -1 if it does not. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let needed = 0;
  let seen = 0;
  let lower = 0x80;
  let upper = 0xbf;
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (needed === 0) {
      if (b <= 0x7f) continue;
      start = i;
      if (b >= 0xc2 && b <= 0xdf) needed = 1;
      else if (b >= 0xe0 && b <= 0xef) {
        if (b === 0xe0) lower = 0xa0;
        if (b === 0xed) upper = 0x9f;
        needed = 2;
      } else if (b >= 0xf0 && b <= 0xf4) {
        if (b === 0xf0) lower = 0x90;
        if (b === 0xf4) upper = 0x8f;
        needed = 3;
      } else return i;
      continue;
    }
    if (b < lower || b > upper) return start;
    lower = 0x80;
    upper = 0xbf;
    if (++seen === needed) needed = seen = 0;
  }
  return needed > 0 ? start : -1;
}

/**
 * How deep arrays and objects may nest in a file the runner reads. A scenario document needs a
 * handful of levels; reading it (validation and its messages) recurses once a level, and the stack
 * runs out a few thousand levels down, so a deeper file is refused before it is read.
 */
export const MAX_NESTING = 1000;

/** Whether JSON text opens more than `limit` arrays and objects inside one another. */
export function nestedDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}
