// What is kept in the browser: the autosave of the open scenario (restored on reload) and the
// "My scenarios" list. Both records are versioned so a later format can migrate them. Storage can
// be full or unavailable (private mode): every function then degrades to "not saved", never throws.
// A record that cannot be read is never silently dropped or overwritten: it is set aside, raw, for
// the user to download.
// A document comes back out through readDocument, like a link or a file: work saved under an older
// format version opens migrated.

import { readDocument, type ReadOptions, type ReadResult } from '../scenario/read';

export const AUTOSAVE_KEY = 'dma-handoff/autosave/v1';
export const LIBRARY_KEY = 'dma-handoff/library/v1';
/** Saved records that could not be read, set aside (newest first) rather than overwritten. */
export const SET_ASIDE_KEY = 'dma-handoff/set-aside/v1';

export interface Autosave {
  version: 1;
  galleryId: string | null;
  doc: unknown;
  /** Edits not yet kept in My scenarios: opening something else keeps them first. */
  dirty: boolean;
  /** Edited since it was opened, kept or not (older records: as `dirty`). */
  edited?: boolean;
  /** The page that wrote it (autosave.ts), so another tab's work is never overwritten unseen. */
  tab?: string;
}

/** A saved record that could not be read: what it was and its raw text, to download. */
export interface SetAside {
  what: string;
  why: string;
  raw: string;
}

/** The autosaved work as it is opened again: its document read (migrated and validated). */
export interface SavedWork {
  galleryId: string | null;
  dirty: boolean;
  edited: boolean;
  read: ReadResult;
  /** The record as stored, to set aside when it cannot be opened. */
  raw: string;
}

export interface LibraryEntry {
  id: string;
  name: string;
  savedAt: string;
  doc: unknown;
}

const storage = (): Storage | null => {
  try {
    return (globalThis as { localStorage?: Storage }).localStorage ?? null;
  } catch {
    return null;
  }
};

function rawText(key: string): string | null {
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function read<T>(key: string): T | null {
  try {
    const raw = rawText(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): boolean {
  try {
    const s = storage();
    if (s === null) return false;
    s.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function saveAutosave(a: Omit<Autosave, 'version'>): boolean {
  return write(AUTOSAVE_KEY, { version: 1, ...a });
}

/** The autosave record as stored, without reading its document; null when there is none or it is not a record. */
export function autosaveRecord(): Autosave | null {
  const a = read<Autosave>(AUTOSAVE_KEY);
  return a !== null && typeof a === 'object' && a.version === 1 ? a : null;
}

/**
 * The autosaved work, null when there is none. A record that cannot be opened — not JSON, not a
 * record of this app, or a document readDocument refuses — comes back with `read` failed and its
 * raw text, so the caller sets it aside before anything overwrites it. `options` are readDocument's.
 */
export function loadAutosave(options?: ReadOptions): SavedWork | null {
  const raw = rawText(AUTOSAVE_KEY);
  if (raw === null) return null;
  const unreadable = (message: string): SavedWork => ({
    galleryId: null,
    dirty: true,
    edited: true,
    raw,
    read: { ok: false, stage: 'json', errors: [{ path: '', message }] },
  });
  let a: unknown;
  try {
    a = JSON.parse(raw);
  } catch {
    return unreadable('the saved record is not JSON');
  }
  if (a === null || typeof a !== 'object' || (a as Autosave).version !== 1)
    return unreadable('the saved record is not an autosave of this app');
  const record = a as Autosave;
  return {
    galleryId: typeof record.galleryId === 'string' ? record.galleryId : null,
    dirty: record.dirty === true,
    edited: record.edited === true || record.dirty === true,
    raw,
    read: readDocument(record.doc, options),
  };
}

/** The entries of My scenarios that can be listed; the list and entries that cannot are in `readLibraryRaw`. */
export function readLibrary(): LibraryEntry[] {
  return readLibraryRaw().entries;
}

/**
 * My scenarios as stored: the entries that can be listed (an id, a name, a date, a document) and
 * the raw text of the ones that cannot, or of the whole record when it cannot be read at all.
 */
export function readLibraryRaw(): { entries: LibraryEntry[]; setAside: SetAside[] } {
  const raw = rawText(LIBRARY_KEY);
  if (raw === null) return { entries: [], setAside: [] };
  const whole = (why: string) => ({ entries: [], setAside: [{ what: 'My scenarios', why, raw }] });
  let l: unknown;
  try {
    l = JSON.parse(raw);
  } catch {
    return whole('it is not JSON');
  }
  if (
    l === null ||
    typeof l !== 'object' ||
    (l as { version?: unknown }).version !== 1 ||
    !Array.isArray((l as { entries?: unknown }).entries)
  )
    return whole('it is not a list of this app');
  const entries: LibraryEntry[] = [];
  const setAside: SetAside[] = [];
  for (const e of (l as { entries: unknown[] }).entries) {
    if (isEntry(e)) entries.push(e);
    else setAside.push({ what: 'an entry of My scenarios', why: 'it is not a named, dated scenario', raw: JSON.stringify(e) ?? String(e) });
  }
  return { entries, setAside };
}

const isEntry = (e: unknown): e is LibraryEntry =>
  e !== null &&
  typeof e === 'object' &&
  typeof (e as LibraryEntry).id === 'string' &&
  typeof (e as LibraryEntry).name === 'string' &&
  typeof (e as LibraryEntry).savedAt === 'string' &&
  typeof (e as LibraryEntry).doc === 'object' &&
  (e as LibraryEntry).doc !== null;

/** Keeps records that could not be read under SET_ASIDE_KEY (newest first); false when storage refused. */
export function setAside(records: SetAside[], now: Date = new Date()): boolean {
  if (records.length === 0) return true;
  const before = read<{ version: 1; records: (SetAside & { at: string })[] }>(SET_ASIDE_KEY);
  const kept = before !== null && Array.isArray(before.records) ? before.records : [];
  return write(SET_ASIDE_KEY, { version: 1, records: [...records.map((r) => ({ ...r, at: now.toISOString() })), ...kept] });
}

/** Drops the list's unreadable entries (after they were set aside), keeping the readable ones. */
export function rewriteLibrary(): boolean {
  return writeLibrary(readLibrary());
}

/** An entry of My scenarios with its document read (migrated and validated); null when there is no such entry. */
export function readLibraryEntry(id: string, options?: ReadOptions): { entry: LibraryEntry; read: ReadResult } | null {
  const entry = readLibrary().find((e) => e.id === id);
  return entry === undefined ? null : { entry, read: readDocument(entry.doc, options) };
}

function writeLibrary(entries: LibraryEntry[]): boolean {
  return write(LIBRARY_KEY, { version: 1, entries });
}

/** Adds a document; returns the entry, or null when storage refused it. */
export function addToLibrary(name: string, doc: unknown, now: Date = new Date()): LibraryEntry | null {
  const entries = readLibrary();
  const entry = { id: `s${now.getTime().toString(36)}${entries.length}`, name, savedAt: now.toISOString(), doc };
  return writeLibrary([entry, ...entries]) ? entry : null;
}

export function renameInLibrary(id: string, name: string): boolean {
  return writeLibrary(readLibrary().map((e) => (e.id === id ? { ...e, name } : e)));
}

export function deleteFromLibrary(id: string): boolean {
  return writeLibrary(readLibrary().filter((e) => e.id !== id));
}
