// Each action's history claim against what it does: performed on the store over the in-process
// engine host, an action marked 'record' leaves exactly one new undo step (the document before it,
// which undo returns to) and drops the redo branch; an action marked 'never' leaves none. Undo and
// redo move through the history without adding to it; opening a scenario starts a fresh one.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useApp, type AppState } from '../../store/appStore';
import { inProcessClient } from '../../worker/client';
import { GALLERY } from '../../scenario/gallery';
import { ACTIONS, perform, type ActionArgs, type ActionName } from './registry';
import { memoryStorage } from '../../testing/storage';
import { useMatrix } from '../matrix/matrixStore';
import { useCompare } from '../compare/compareStore';
import { useExploreOpen } from '../explore/exploreOpen';
import { useExportDialog } from '../export/exportDialog';

const storage = memoryStorage();

/** Waits until the engine host has answered everything sent so far. */
const settle = () => new Promise((r) => setTimeout(r, 0));
const state = () => useApp.getState();

/**
 * How to give each action something to do, and what it takes: every action has a case. `done`,
 * where given, checks that the action did what it is for, so a 'never' is not vacuous.
 */
const CASES: { [N in ActionName]: { setup?: () => Promise<void> | void; args: ActionArgs<N>; done?: () => boolean } } = {
  undo: { setup: () => state().setPolicy('P3'), args: [], done: () => state().scenario!.policy.id === 'P0' },
  redo: {
    setup: async () => {
      state().setPolicy('P3');
      await settle();
      state().undo();
    },
    args: [],
    done: () => state().scenario!.policy.id === 'P3',
  },
  playPause: { args: [] },
  nextOp: { args: [] },
  stepTick: { args: [] },
  stepEvent: { args: [] },
  prevOp: { setup: () => state().seek(50), args: [], done: () => state().clock === 40 },
  backTick: { setup: () => state().seek(20), args: [], done: () => state().clock === 19 },
  prevEvent: { setup: () => state().seek(50), args: [], done: () => state().clock < 50 },
  home: { setup: () => state().seek(20), args: [], done: () => state().clock === 0 },
  end: { args: [] },
  copyLink: { setup: () => void vi.stubGlobal('location', { origin: 'http://localhost', pathname: '/' }), args: [] },
  export: { setup: () => void vi.stubGlobal('document', { createElement: () => ({ click: () => undefined }) }), args: [] },
  present: { args: [], done: () => state().presenting },
  explore: { args: [], done: () => useExploreOpen.getState().open },
  compare: { args: [], done: () => useCompare.getState().open && useCompare.getState().b.policy === 'P1' },
  matrix: {
    setup: () =>
      void vi.stubGlobal(
        'Worker',
        class {
          postMessage() {}
          terminate() {}
        },
      ),
    args: [],
    done: () => useMatrix.getState().open && useMatrix.getState().of === state().scenario,
  },
  addVm: { args: [] },
  addSp: { args: [] },
  addDevice: { args: [] },
  addRegion: { args: [] },
  delete: {
    setup: async () => {
      perform('addRegion');
      await settle();
      const memory = state().doc!.memory as { id: string }[];
      state().select({ kind: 'region', id: memory[memory.length - 1].id });
    },
    args: [],
    done: () => state().selection === null,
  },
  shortcuts: { args: [], done: () => state().shortcutsOpen },
  escape: { setup: () => state().select({ kind: 'device', id: 'X' }), args: [], done: () => state().selection === null },
  gallery: { args: [GALLERY[1].id], done: () => state().galleryId === GALLERY[1].id },
  policy: { args: ['P1'] },
  mutation: { args: ['skip-sync'] },
  speed: { args: [100], done: () => state().speed === 100 },
  goTo: { args: [30], done: () => state().clock === 30 },
  import: {
    args: [new File([JSON.stringify(GALLERY[2].doc)], 'other.json', { type: 'application/json' })],
    done: () => state().scenario!.title === GALLERY[2].doc.title,
  },
  save: { args: [], done: () => state().library.length === 1 },
  nextCaption: { setup: () => state().setPresenting(true), args: [] },
  prevCaption: { setup: () => state().setPresenting(true), args: [] },
  blank: { setup: () => state().setPresenting(true), args: [], done: () => state().blank },
  zoomIn: { args: [] },
  zoomOut: { args: [] },
  zoomFit: { args: [] },
  slower: { setup: () => state().setPresenting(true), args: [] },
  faster: { setup: () => state().setPresenting(true), args: [], done: () => state().speed === 100 },
  copyMomentLink: { setup: () => void vi.stubGlobal('location', { origin: 'http://localhost', pathname: '/' }), args: [] },
  exportImage: { args: [], done: () => useExportDialog.getState().open },
  copyViolationLink: { setup: () => void vi.stubGlobal('location', { origin: 'http://localhost', pathname: '/' }), args: [0] },
  copyEmbedCode: { setup: () => void vi.stubGlobal('location', { origin: 'http://localhost', pathname: '/' }), args: [] },
};

type Snapshot = Pick<AppState, 'doc' | 'past' | 'future'>;
const snapshot = (): Snapshot => ({ doc: state().doc, past: state().past, future: state().future });

/** One new undo step: the document before the action on top of the history, a new document now, no redo. */
const recorded = (before: Snapshot, after: Snapshot) =>
  after.past.length === before.past.length + 1 &&
  after.past[after.past.length - 1].value === before.doc &&
  after.future.length === 0 &&
  after.doc !== before.doc &&
  !before.future.some((f) => f.value === after.doc);

beforeEach(async () => {
  storage.clear();
  useApp.getState().reset();
  useApp.getState().connect(inProcessClient());
  useApp.getState().openGallery('seed-attack');
  await settle();
});

afterEach(async () => {
  vi.unstubAllGlobals();
  state().pause();
  state().setPresenting(false);
  state().setShortcutsOpen(false);
  useMatrix.getState().setOpen(false);
  await settle();
});

describe('history claims', () => {
  it.each(ACTIONS.map((a) => [a.name, a.history] as const))('%s: %s', async (name, history) => {
    const c = CASES[name];
    await c.setup?.();
    await settle();
    const before = snapshot();
    (perform as (n: ActionName, ...a: unknown[]) => void)(name, ...c.args);
    // Importing reads the file first; a recorded edit re-runs the engine.
    await settle();
    await settle();
    expect(recorded(before, snapshot())).toBe(history === 'record');
    if (c.done) expect(c.done()).toBe(true);
  });

  it('the recorded actions undo to the document before them', async () => {
    for (const a of ACTIONS.filter((x) => x.history === 'record')) {
      const c = CASES[a.name];
      await c.setup?.();
      await settle();
      const before = state().doc;
      (perform as (n: ActionName, ...a: unknown[]) => void)(a.name, ...c.args);
      await settle();
      perform('undo');
      await settle();
      expect(state().doc, a.name).toBe(before);
    }
  });
});
