// Nothing the user made is lost: an edit stays an edit across reloads, a save that fails is said
// and never replaces the last good copy, unreadable saved data is set aside and offered back, two
// tabs never overwrite each other unseen, and opening something over edited work keeps it and says so.

import { beforeEach, describe, expect, it } from 'vitest';
import { AUTOSAVE_KEY, LIBRARY_KEY, SET_ASIDE_KEY, loadAutosave } from './library';
import { useApp } from './appStore';
import { Autosaver } from './autosave';
import { inProcessClient } from '../worker/client';
import { memoryStorage } from '../testing/storage';

const storage = memoryStorage();
const state = () => useApp.getState();
const settle = () => new Promise((r) => setTimeout(r, 0));

/** A page load: a fresh store over the same storage, started as main.tsx starts it. */
async function reload(): Promise<void> {
  state().reset();
  state().connect(inProcessClient());
  state().restoreSavedWork();
  if (state().scenario === null) state().openGallery('seed-attack');
  await settle();
}

/** Storage that refuses every write from now on (full), reads still work. */
function fillStorage(): () => void {
  const ls = globalThis.localStorage as unknown as { setItem: (k: string, v: string) => void };
  const setItem = ls.setItem;
  ls.setItem = () => {
    throw new DOMException('quota', 'QuotaExceededError');
  };
  return () => void (ls.setItem = setItem);
}

beforeEach(async () => {
  storage.clear();
  await reload();
});

describe('saved work', () => {
  it('an edit stays an edit over two reloads: title, link and keeping on open all know it', async () => {
    state().setPolicy('P2');
    await settle();
    await reload();
    await reload();
    expect(state().scenario!.policy.id).toBe('P2');
    expect(state().edited).toBe(true);
    expect(state().dirty).toBe(true);
    expect(state().linkFragment()).toMatch(/^s=/);
    state().openGallery('vmid-reuse');
    await settle();
    expect(state().library.map((e) => e.name)).toEqual(["The seed's attack (edited)"]);
    expect(state().notice?.text).toBe("Your edited work was kept in My scenarios as “The seed's attack (edited)”.");
  });

  it('an edit kept in My scenarios is still an edit: the link carries the document', async () => {
    state().setPolicy('P2');
    await settle();
    state().saveToLibrary();
    await reload();
    expect(state().dirty).toBe(false);
    expect(state().linkFragment()).toMatch(/^s=/);
  });

  it('a save that fails says so until one succeeds, and the last good copy stays', async () => {
    state().setPolicy('P2');
    await settle();
    const good = storage.get(AUTOSAVE_KEY);
    const restore = fillStorage();
    state().setPolicy('P3');
    await settle();
    expect(state().alerts.map((a) => a.id)).toEqual(['save-failed']);
    expect(state().alerts[0].actions.map((a) => a.kind)).toEqual(['export']);
    state().setNotice({ kind: 'info', text: 'something else' });
    expect(state().alerts.map((a) => a.id)).toEqual(['save-failed']);
    expect(storage.get(AUTOSAVE_KEY)).toBe(good);
    restore();
    state().setPolicy('P4');
    await settle();
    expect(state().alerts).toEqual([]);
  });

  it('opening over edits that cannot be kept does not open, keeps the autosave, and offers the choice', async () => {
    state().setPolicy('P2');
    await settle();
    const good = storage.get(AUTOSAVE_KEY);
    const restore = fillStorage();
    expect(state().openLink('#g=vmid-reuse')).toBe(false);
    await settle();
    expect(state().scenario!.title).toBe("The seed's attack");
    expect(state().scenario!.policy.id).toBe('P2');
    expect(storage.get(AUTOSAVE_KEY)).toBe(good);
    const alert = state().alerts.find((a) => a.id === 'not-kept')!;
    expect(alert.text).toContain('could not be kept');
    expect(alert.actions.map((a) => a.label)).toEqual(['Export to a file', 'Discard my edits and open it']);
    restore();
    const discard = alert.actions[1];
    if (discard.kind === 'run') discard.run();
    await settle();
    expect(state().galleryId).toBe('vmid-reuse');
    expect(state().alerts).toEqual([]);
  });

  it('a corrupt autosave is set aside, offered as a download, and the app starts', async () => {
    storage.set(AUTOSAVE_KEY, '{"version":1,"doc":{"format":"dma-handoff/scenario","version":1,"endpoints":"oops"}}');
    await reload();
    expect(state().scenario!.title).toBe("The seed's attack");
    const alert = state().alerts.find((a) => a.id === 'set-aside')!;
    expect(alert.text).toMatch(/the autosaved work \(endpoints: /);
    expect(alert.actions[0]).toMatchObject({ kind: 'download', text: expect.stringContaining('"oops"') });
    expect(JSON.parse(storage.get(SET_ASIDE_KEY)!).records[0].raw).toContain('"oops"');
  });

  it('a corrupt autosave that cannot be set aside is not saved over until the user has it', async () => {
    const corrupt = '{ not json';
    storage.set(AUTOSAVE_KEY, corrupt);
    const restore = fillStorage();
    await reload();
    restore();
    state().setPolicy('P1');
    await settle();
    expect(storage.get(AUTOSAVE_KEY)).toBe(corrupt);
    expect(state().alerts.find((a) => a.id === 'set-aside')!.text).toContain('Saving is paused');
    state().dismissAlert('set-aside');
    state().setPolicy('P2');
    await settle();
    expect(loadAutosave()!.read.ok).toBe(true);
  });

  it('corrupt My scenarios entries are set aside; the readable ones stay and the page starts', async () => {
    storage.set(
      LIBRARY_KEY,
      JSON.stringify({
        version: 1,
        entries: [
          null,
          { id: 'x', name: { not: 'a name' }, savedAt: 'now', doc: {} },
          { id: 'ok', name: 'Fine', savedAt: '2026-01-01', doc: {} },
        ],
      }),
    );
    await reload();
    expect(state().library.map((e) => e.name)).toEqual(['Fine']);
    expect(state().alerts.find((a) => a.id === 'set-aside')!.actions).toHaveLength(2);
    expect(JSON.parse(storage.get(LIBRARY_KEY)!).entries).toHaveLength(1);
    expect(JSON.parse(storage.get(SET_ASIDE_KEY)!).records).toHaveLength(2);
  });
});

describe('two tabs', () => {
  it('a page never writes over another page’s different edited work without keeping it', () => {
    const kept: string[] = [];
    const events = { otherSaved: () => {}, otherPaused: () => {}, keptOther: (n: string) => void kept.push(n) };
    const a = new Autosaver(events);
    const b = new Autosaver(events);
    const doc = structuredClone(state().doc!);
    expect(a.save({ galleryId: null, doc: { ...doc, title: 'A’s work' }, dirty: true })).toBe('saved');
    expect(b.save({ galleryId: null, doc: { ...doc, title: 'B’s work' }, dirty: true })).toBe('saved');
    expect(kept).toEqual(['A’s work (edited in another tab)']);
    // The same work (B opened what A saved) is not kept twice.
    expect(a.save({ galleryId: null, doc: { ...doc, title: 'B’s work' }, dirty: true })).toBe('saved');
    expect(kept).toHaveLength(1);
  });

  it('a page that hears another save pauses its own saving and says so', async () => {
    const heard: string[] = [];
    const a = new Autosaver({ otherSaved: () => void heard.push('a paused'), otherPaused: () => {}, keptOther: () => {} });
    const b = new Autosaver({ otherSaved: () => {}, otherPaused: () => void heard.push('b told'), keptOther: () => {} });
    a.listen();
    b.listen();
    try {
      b.save({ galleryId: null, doc: state().doc!, dirty: false });
      await new Promise((r) => setTimeout(r, 50));
      expect(heard).toEqual(['a paused', 'b told']);
      expect(a.isPaused).toBe(true);
      expect(a.save({ galleryId: null, doc: state().doc!, dirty: true })).toBe('paused');
    } finally {
      a.dispose();
      b.dispose();
    }
  });
});
