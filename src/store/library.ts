// What is kept in the browser: the autosave of the open scenario (restored on reload) and the
// "My scenarios" list. Both records are versioned so a later format can migrate them. Storage can
// be full or unavailable (private mode): every function then degrades to "not saved", never throws.
// A document comes back out through readDocument, like a link or a file: work saved under an older
// format version opens migrated.

import { readDocument, type ReadOptions, type ReadResult } from '../scenario/read';

export const AUTOSAVE_KEY = 'dma-handoff/autosave/v1';
export const LIBRARY_KEY = 'dma-handoff/library/v1';

export interface Autosave {
  version: 1;
  galleryId: string | null;
  doc: unknown;
  /** Edited since it was opened: opening something else keeps it in My scenarios. */
  dirty: boolean;
}

/** The autosaved work as it is opened again: its document read (migrated and validated). */
export interface SavedWork {
  galleryId: string | null;
  dirty: boolean;
  read: ReadResult;
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

function read<T>(key: string): T | null {
  try {
    const raw = storage()?.getItem(key);
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

/** The autosaved work, null when there is none. `options` are readDocument's (tests pass a format of their own). */
export function loadAutosave(options?: ReadOptions): SavedWork | null {
  const a = read<Autosave>(AUTOSAVE_KEY);
  if (a === null || typeof a !== 'object' || a.version !== 1) return null;
  return { galleryId: a.galleryId ?? null, dirty: a.dirty === true, read: readDocument(a.doc, options) };
}

export function readLibrary(): LibraryEntry[] {
  const l = read<{ version: number; entries: LibraryEntry[] }>(LIBRARY_KEY);
  return l !== null && l.version === 1 && Array.isArray(l.entries) ? l.entries : [];
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
