// The app's state (DESIGN.md §3.1 store layer): the scenario document, the engine's latest frame
// and run summary, playback, selection and UI. Components select narrowly; document edits go
// through Immer; per-frame animation data (packed transactions) is kept out of React's way in
// `frameRef`, which the overlay reads every animation frame.

import { create } from 'zustand';
import { produce } from 'immer';
import type { Scenario, ScriptOp, PolicyId, MutationId } from '../sim/model/scenario';
import { parseScenario } from '../scenario/parse';
import { toDocument, type ScenarioDocument } from '../scenario/document';
import { galleryEntry } from '../scenario/gallery';
import type { Frame, Response, Summary } from '../worker/protocol';
import type { SimView } from '../worker/view';
import type { SimClient } from '../worker/client';
import { reuse } from './share';

export type Selection =
  | { kind: 'endpoint' | 'device' | 'region' | 'smmu'; id: string }
  | { kind: 'violation'; index: number }
  | { kind: 'txn'; id: number }
  | null;

export interface AppState {
  doc: ScenarioDocument | null;
  scenario: Scenario | null;
  galleryId: string | null;
  summary: Summary | null;
  view: SimView | null;
  clock: number;
  horizon: number;
  playing: boolean;
  speed: number;
  selection: Selection;
  /** One message about bad input or a failed operation; the current work is never replaced by it. */
  notice: { kind: 'error' | 'info'; text: string } | null;
  /** Which engine host answers: the app uses a worker, tests may use the in-process host. */
  host: 'worker' | 'in-process' | null;
  logFilter: { kinds: string[]; text: string };
  shortcutsOpen: boolean;
}

export interface Actions {
  connect(client: SimClient): void;
  /** Opens a document (validated); returns the errors when it is not a valid scenario. */
  open(doc: unknown, opts?: { galleryId?: string | null; at?: number }): string[] | null;
  openGallery(id: string): string[] | null;
  setPolicy(id: PolicyId): void;
  toggleMutation(m: MutationId): void;
  /** A live operation: inserted into the script at the playhead, then the run restarts there. */
  applyLive(op: ScriptOp): void;
  moveNode(id: string, pos: [number, number]): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  seek(t: number): void;
  step(unit: 'event' | 'tick' | 'op'): void;
  setSpeed(ticksPerSecond: number): void;
  select(s: Selection): void;
  setNotice(n: AppState['notice']): void;
  setLogFilter(f: Partial<AppState['logFilter']>): void;
  setShortcutsOpen(open: boolean): void;
}

/** The latest packed transactions; read by the overlay each animation frame, never rendered by React. */
export const frameRef: { current: Frame | null; receivedAt: number } = { current: null, receivedAt: 0 };

export const AUTOSAVE_KEY = 'dma-handoff/autosave/v1';

let client: SimClient | null = null;
let framePending = false;
let lastAdvance = 0;

export const useApp = create<AppState & Actions>()((set, get) => {
  /** Replaces the document and reloads the engine at `at` (the playhead by default). */
  const reload = (doc: ScenarioDocument, scenario: Scenario, at: number, playing = get().playing) => {
    set({ doc, scenario });
    autosave(doc, get().galleryId);
    client?.send({ type: 'load', scenario, at, playing });
  };

  /** Edits the document; refused (with a message) when the result is not a valid scenario. */
  const edit = (recipe: (d: Record<string, unknown>) => void): boolean => {
    const { doc } = get();
    if (doc === null) return false;
    const next = produce(doc, recipe);
    const r = parseScenario(next);
    if (!r.ok) {
      set({ notice: { kind: 'error', text: `That change would make the scenario invalid: ${r.errors[0]}` } });
      return false;
    }
    reload(next, r.scenario, Math.floor(get().clock));
    return true;
  };

  const onResponse = (r: Response) => {
    switch (r.type) {
      case 'loaded':
        set({ summary: r.summary, horizon: r.summary.horizon });
        return;
      case 'summary':
        set({ summary: r.summary, horizon: r.summary.horizon });
        return;
      case 'error':
        set({ notice: { kind: 'error', text: r.message }, playing: false });
        return;
      case 'frame': {
        frameRef.current = r;
        const now = performance.now();
        frameRef.receivedAt = now;
        // The overlay draws every frame; the panels and nodes (React) follow the frames that carry
        // the entities — every frame when paused, seeking or stepping, a few a second while playing
        // (text that changes sixty times a second is unreadable anyway).
        if (r.view !== null) {
          const prev = get().view;
          set({ view: prev === null ? r.view : reuse(prev, r.view), clock: r.clock, playing: r.playing, speed: r.speed, horizon: r.horizon });
        } else if (r.playing !== get().playing) set({ playing: r.playing });
        // While playing, ask for the next frame when the browser is ready to draw it: one frame in
        // flight at a time, so a slow frame never queues work in the worker.
        if (!r.playing) lastAdvance = 0;
        if (r.playing && !framePending) {
          framePending = true;
          nextFrame(() => {
            framePending = false;
            const now = performance.now();
            // Wall time since the previous advance, capped so a hidden tab does not leap ahead.
            const ms = lastAdvance === 0 ? 16 : Math.min(100, now - lastAdvance);
            lastAdvance = now;
            client?.send({ type: 'frame', ms });
          });
        }
        return;
      }
    }
  };

  return {
    doc: null,
    scenario: null,
    galleryId: null,
    summary: null,
    view: null,
    clock: 0,
    horizon: 0,
    playing: false,
    speed: 20,
    selection: null,
    notice: null,
    host: null,
    logFilter: { kinds: ['op', 'step', 'opError', 'event', 'violation', 'note'], text: '' },
    shortcutsOpen: false,

    connect(c) {
      client?.dispose();
      client = c;
      c.onResponse(onResponse);
      set({ host: c.kind });
      const { scenario } = get();
      if (scenario !== null) c.send({ type: 'load', scenario, at: Math.floor(get().clock), playing: false });
    },

    open(input, opts = {}) {
      const r = parseScenario(input);
      if (!r.ok) {
        set({ notice: { kind: 'error', text: `Not opened — ${r.errors[0]}` } });
        return r.errors;
      }
      const doc = toDocument(r.scenario);
      set({ galleryId: opts.galleryId ?? null, selection: null, summary: null, view: null, clock: 0, notice: null });
      frameRef.current = null;
      reload(doc, r.scenario, opts.at ?? 0, false);
      return null;
    },

    openGallery(id) {
      const g = galleryEntry(id);
      if (g === undefined) {
        set({ notice: { kind: 'error', text: `No gallery scenario "${id}"` } });
        return [`no gallery scenario "${id}"`];
      }
      return get().open(g.doc, { galleryId: id });
    },

    setPolicy(id) {
      edit((d) => {
        (d.policy as { id: string }).id = id;
      });
    },

    toggleMutation(m) {
      edit((d) => {
        const p = d.policy as { mutations: string[] };
        p.mutations = p.mutations.includes(m) ? p.mutations.filter((x) => x !== m) : [...p.mutations, m];
      });
    },

    applyLive(op) {
      const at = Math.floor(get().clock);
      const { scenario } = get();
      if (scenario === null) return;
      // Into the document form (hex addresses), after every operation already at this tick.
      const docOp = toDocument({ ...scenario, script: [{ ...op, at } as ScriptOp] }).script as unknown[];
      const ok = edit((d) => {
        const script = d.script as { at: number }[];
        let i = script.findIndex((o) => o.at > at);
        if (i < 0) i = script.length;
        script.splice(i, 0, docOp[0] as { at: number });
      });
      if (ok) set({ notice: { kind: 'info', text: `${op.op} inserted into the script at tick ${at}` } });
    },

    moveNode(id, pos) {
      const { doc } = get();
      if (doc === null) return;
      // Layout only: the run is unchanged, so the engine is not reloaded.
      const next = produce(doc, (d) => {
        (d.layout as Record<string, [number, number]>)[id] = [Math.round(pos[0]), Math.round(pos[1])];
      });
      const scenario = get().scenario;
      set({ doc: next, scenario: scenario && { ...scenario, layout: next.layout as Scenario['layout'] } });
      autosave(next, get().galleryId);
    },

    play: () => client?.send({ type: 'play' }),
    pause: () => client?.send({ type: 'pause' }),
    togglePlay: () => client?.send({ type: get().playing ? 'pause' : 'play' }),
    seek: (t) => client?.send({ type: 'seek', t: Math.max(0, Math.round(t)) }),
    step: (unit) => client?.send({ type: 'step', unit }),
    setSpeed: (tps) => client?.send({ type: 'speed', ticksPerSecond: tps }),
    select: (selection) => set({ selection }),
    setNotice: (notice) => set({ notice }),
    setLogFilter: (f) => set({ logFilter: { ...get().logFilter, ...f } }),
    setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  };
});

/** The browser's animation frame; a timer where there is none (the store's tests run in Node). */
const nextFrame = (f: () => void) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(f) : setTimeout(f, 16));

function autosave(doc: ScenarioDocument, galleryId: string | null): void {
  try {
    globalThis.localStorage?.setItem(AUTOSAVE_KEY, JSON.stringify({ version: 1, galleryId, doc }));
  } catch {
    // Storage full or unavailable (private mode): the work stays in memory.
  }
}

/** The autosaved document, if any. */
export function loadAutosave(): { galleryId: string | null; doc: unknown } | null {
  try {
    const raw = globalThis.localStorage?.getItem(AUTOSAVE_KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as { version: number; galleryId: string | null; doc: unknown };
    return v.version === 1 ? { galleryId: v.galleryId, doc: v.doc } : null;
  } catch {
    return null;
  }
}

/** The frame's view selected narrowly, e.g. `useView((v) => v.devices[i])`. */
export function useView<T>(pick: (v: SimView) => T): T | undefined {
  return useApp((s) => (s.view === null ? undefined : pick(s.view)));
}
