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
