// Saved work opens through readDocument like a link or a file: an autosave and a My scenarios entry
// written by a version-1 app come out migrated once the format has moved on — shown through a
// made-up version 2 (testing/formatV2.ts) — and the store opens what was read.

import { beforeEach, describe, expect, it } from 'vitest';
import { AUTOSAVE_KEY, LIBRARY_KEY, loadAutosave, readLibrary, readLibraryEntry } from './library';
import { useApp } from './appStore';
import { inProcessClient } from '../worker/client';
import { FORMAT_V2, fixtureText } from '../testing/formatV2';
import { memoryStorage } from '../testing/storage';

const storage = memoryStorage();

/** The records as a version-1 app wrote them: documents in version 1, as text. */
const v1Doc = (file: string): unknown => JSON.parse(fixtureText(1, file));
const writeV1Autosave = () =>
  storage.set(AUTOSAVE_KEY, JSON.stringify({ version: 1, galleryId: null, doc: v1Doc('seed-attack.full.json'), dirty: true }));
const writeV1Library = () =>
  storage.set(
    LIBRARY_KEY,
    JSON.stringify({
      version: 1,
      entries: [{ id: 'old', name: 'Kept from last year', savedAt: '2025-01-01T00:00:00.000Z', doc: v1Doc('loan-vs-shared.minimal.json') }],
    }),
  );

const state = () => useApp.getState();
const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  storage.clear();
  state().connect(inProcessClient());
});

describe('the autosave', () => {
  it('written in version 1, comes back migrated to version 2, and the store opens it', async () => {
    writeV1Autosave();
    const saved = loadAutosave(FORMAT_V2)!;
    expect(saved).toMatchObject({ galleryId: null, dirty: true });
    expect(saved.read.ok && [saved.read.from, saved.read.document.version]).toEqual([1, 2]);
    // As the app starts (main.tsx): the read autosave is opened.
    expect(state().open(saved.read, { galleryId: saved.galleryId })).toBeNull();
    await settle();
    expect(state().scenario!.title).toBe("The seed's attack (v2)");
    expect(state().summary!.violations.some((v) => v.number === 'I1b')).toBe(true);
  });

  it('in the current format, opens as it was saved', () => {
    writeV1Autosave();
    const saved = loadAutosave()!;
    expect(saved.read.ok && [saved.read.from, saved.read.scenario.title]).toEqual([1, "The seed's attack"]);
  });

  it('that no migration brings up to date is not opened, and says why', () => {
    writeV1Autosave();
    const saved = loadAutosave({ version: 2, migrations: [] })!;
    const before = state().doc;
    expect(state().open(saved.read)).toEqual(['version: no migration from version 1']);
    expect(state().notice?.text).toBe('Not opened — version: no migration from version 1');
    expect(state().doc).toBe(before);
  });

  it('is nothing when there is none; a record that is not one comes back unreadable, with its text', () => {
    expect(loadAutosave()).toBeNull();
    for (const raw of [JSON.stringify({ version: 9, doc: {} }), '{ not json']) {
      storage.set(AUTOSAVE_KEY, raw);
      expect(loadAutosave()).toMatchObject({ raw, read: { ok: false } });
    }
  });
});

describe('My scenarios', () => {
  it('an entry written in version 1 comes back migrated to version 2, and the store opens it', async () => {
    writeV1Library();
    expect(readLibrary().map((e) => e.name)).toEqual(['Kept from last year']);
    const found = readLibraryEntry('old', FORMAT_V2)!;
    expect(found.entry.name).toBe('Kept from last year');
    expect(found.read.ok && [found.read.from, found.read.document.version]).toEqual([1, 2]);
    expect(state().open(found.read)).toBeNull();
    await settle();
    expect(state().scenario!.title).toBe('Loan vs shared table (v2)');
  });

  it('the store opens an entry by id, read in the current format', async () => {
    writeV1Library();
    state().openFromLibrary('old');
    await settle();
    expect(state().scenario!.title).toBe('Loan vs shared table');
    expect(readLibraryEntry('missing')).toBeNull();
  });
});
