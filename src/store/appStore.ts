// The app's state (DESIGN.md §3.1 store layer): the scenario document, the engine's latest frame
// and run summary, playback, selection and UI. Components select narrowly; document edits go
// through Immer; per-frame animation data (packed transactions) goes straight to the overlay
// through `frames`, out of React's way.

import { create } from 'zustand';
import { produce } from 'immer';
import type { Scenario, ScriptOp, PolicyId, MutationId } from '../sim/model/scenario';
import { parseScenario } from '../scenario/parse';
import { toDocument, type ScenarioDocument } from '../scenario/document';
import { galleryEntry } from '../scenario/gallery';
import type { Frame, Request, Response, Summary } from '../worker/protocol';
import type { SimView } from '../worker/view';
import type { SimClient } from '../worker/client';
import { decodeFragment, decodeJson, scenarioFragment } from '../scenario/codec';
import { errorText, readDocument, type ReadResult } from '../scenario/read';
import {
  addToLibrary,
  deleteFromLibrary,
  readLibrary,
  readLibraryEntry,
  renameInLibrary,
  saveAutosave,
  type LibraryEntry,
} from './library';

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
  /** Undo history of the document: each entry is a whole document (Immer shares structure). */
  past: { doc: ScenarioDocument; label: string }[];
  future: { doc: ScenarioDocument; label: string }[];
  /** The open scenario was edited since it was opened (or last kept in My scenarios). */
  dirty: boolean;
  library: LibraryEntry[];
  presenting: boolean;
  /** The scenario as it was opened (gallery, My scenarios, a file, a link); edits make new ones. */
  opened: Scenario | null;
}

export interface Actions {
  /**
   * Connects the engine host. With `restart` (how to make a new one), a host that stops answering
   * for WATCHDOG_MS or crashes is replaced and reloaded at the playhead; the document is untouched.
   */
  connect(client: SimClient, restart?: () => SimClient): void;
  /** Opens a document read by readDocument; returns the errors when it is not a valid scenario. */
  open(read: ReadResult, opts?: { galleryId?: string | null; at?: number }): string[] | null;
  openGallery(id: string): string[] | null;
  setPolicy(id: PolicyId): void;
  toggleMutation(m: MutationId): void;
  /** A live operation: inserted into the script at the playhead, then the run restarts there. */
  applyLive(op: ScriptOp): void;
  moveNode(id: string, pos: [number, number]): void;
  /** Places many nodes at once (arranging the canvas): one undo step. */
  placeNodes(positions: Record<string, [number, number]>, label: string): void;
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
  /**
   * A labelled edit of the document, validated before it happens: refused with a message (and no
   * change) when the result would not be a valid scenario. Enters the undo history.
   */
  edit(label: string, recipe: (d: ScenarioDocument) => void): boolean;
  undo(): void;
  redo(): void;
  /** Opens what a location hash names (`#s=…` or `#g=…`); false (with a message) when it is bad. */
  openLink(hash: string): boolean;
  /** Opens a scenario file or pasted text; false (with a message naming the problem) when bad. */
  importText(text: string, source: string): boolean;
  /** The current scenario as a share link fragment (`s=1.…`). */
  linkFragment(): string | null;
  saveToLibrary(name?: string): void;
  openFromLibrary(id: string): void;
  renameInLibrary(id: string, name: string): void;
  deleteFromLibrary(id: string): void;
  setPresenting(on: boolean): void;
  /** Presentation: seek to the next / previous caption. */
  caption(dir: 1 | -1): void;
}

/**
 * The engine's frames as they arrive, for the overlay: never rendered by React. `latest` is the
 * last one (null when a scenario is being opened), so an overlay that mounts later starts from it.
 */
export const frames = {
  latest: null as Frame | null,
  listeners: new Set<(f: Frame | null) => void>(),
  /** Calls `cb` with every frame from now on; returns the unsubscribe. */
  subscribe(cb: (f: Frame | null) => void): () => void {
    this.listeners.add(cb);
    return () => void this.listeners.delete(cb);
  },
  publish(f: Frame | null): void {
    this.latest = f;
    for (const cb of this.listeners) cb(f);
  },
  /**
   * A painter in a worker takes the engine's frames over a channel of its own (worker/route.ts):
   * `connect` gets a port to the engine now and whenever the engine is replaced. Frames published
   * here are then marked `direct` and carry no transactions, and the painter, not the store, asks
   * for the frames while playing. With an engine in-process nothing changes. Returns the detach.
   */
  attachPainter(connect: (port: MessagePort) => void): () => void {
    painter = connect;
    wirePainter();
    return () => {
      if (painter !== connect) return;
      painter = null;
      client?.connectOverlay?.(null);
    };
  },
};

export { AUTOSAVE_KEY, loadAutosave } from './library';
const HISTORY_LIMIT = 200;

let client: SimClient | null = null;
let makeClient: (() => SimClient) | null = null;
/** The overlay's painter, when it takes frames from the engine over its own channel (frames.attachPainter). */
let painter: ((port: MessagePort) => void) | null = null;
const wirePainter = () => {
  if (painter === null || client?.connectOverlay === undefined) return;
  const channel = new MessageChannel();
  client.connectOverlay(channel.port1);
  painter(channel.port2);
};
/**
 * Requests not yet answered (each request's last response is a frame, a summary or an error), and
 * when the host last showed progress (a response, or a request sent while it was idle).
 */
let outstanding = 0;
let progressAt = 0;
/** The run plays and the painter asks for its frames (the last frame was playing and `direct`). */
let pacedByPainter = false;
/** A hidden page draws no frames, so a painter asks for none. */
const hidden = () => typeof document !== 'undefined' && document.hidden;
let watchdog: ReturnType<typeof setInterval> | null = null;
export const WATCHDOG_MS = 2000;
/** A load runs the whole scenario ahead to its horizon first: it may take longer than a frame. */
const LOAD_WATCHDOG_MS = 15000;
let pendingLimit = WATCHDOG_MS;

const send = (req: Request) => {
  if (client === null) return;
  if (outstanding === 0) {
    progressAt = performance.now();
    pendingLimit = WATCHDOG_MS;
  }
  outstanding++;
  if (req.type === 'load') pendingLimit = LOAD_WATCHDOG_MS;
  client.send(req);
};
let framePending = false;
let lastAdvance = 0;

export const useApp = create<AppState & Actions>()((set, get) => {
  /** Replaces the document and reloads the engine at `at` (the playhead by default). */
  const reload = (doc: ScenarioDocument, scenario: Scenario, at: number, playing = get().playing) => {
    set({ doc, scenario });
    persist();
    send({ type: 'load', scenario, at, playing });
  };

  const persist = () => {
    const { doc, galleryId, dirty } = get();
    if (doc !== null) saveAutosave({ galleryId, doc, dirty });
  };

  /** Puts a document in place from history (undo/redo); only a layout change skips the re-run. */
  const restoreDoc = (doc: ScenarioDocument) => {
    const r = parseScenario(doc);
    if (!r.ok) return;
    const prev = get().doc;
    const layoutOnly = prev !== null && JSON.stringify({ ...prev, layout: null }) === JSON.stringify({ ...doc, layout: null });
    if (layoutOnly) {
      set({ doc, scenario: r.scenario, dirty: true });
      persist();
    } else {
      set({ dirty: true });
      reload(doc, r.scenario, Math.floor(get().clock));
    }
  };

  const record = (label: string) => {
    const { doc, past } = get();
    if (doc !== null) set({ past: [...past.slice(-HISTORY_LIMIT + 1), { doc, label }], future: [], dirty: true });
  };

  /** Opening something else: unsaved edits go to My scenarios first, so nothing is silently lost. */
  const keepUnsaved = () => {
    const { dirty, doc, scenario } = get();
    if (!dirty || doc === null || scenario === null) return;
    const entry = addToLibrary(`${scenario.title} (edited)`, doc);
    set({ library: readLibrary(), dirty: false });
    if (entry === null)
      set({
        notice: {
          kind: 'error',
          text: 'Your edited scenario could not be kept: browser storage is full or unavailable. Export it to a file.',
        },
      });
  };

  const openScenario = (scenario: Scenario, galleryId: string | null, at = 0) => {
    keepUnsaved();
    set({
      galleryId,
      selection: null,
      summary: null,
      view: null,
      clock: 0,
      notice: null,
      past: [],
      future: [],
      dirty: false,
      opened: scenario,
    });
    frames.publish(null);
    reload(toDocument(scenario), scenario, at, false);
  };

  const edit = (label: string, recipe: (d: ScenarioDocument) => void): boolean => {
    const { doc } = get();
    if (doc === null) return false;
    const next = produce(doc, recipe);
    const r = parseScenario(next);
    if (!r.ok) {
      set({ notice: { kind: 'error', text: `${label}: refused — ${r.errors[0]}` } });
      return false;
    }
    record(label);
    reload(next, r.scenario, Math.floor(get().clock));
    return true;
  };

  /** A new engine host, loaded where the old one was; the user's document is not touched. */
  const recover = (why: string) => {
    if (makeClient === null) return;
    client?.dispose();
    client = makeClient();
    client.onResponse(onResponse);
    wirePainter();
    outstanding = 0;
    pacedByPainter = false;
    framePending = false;
    const { scenario, clock } = get();
    set({
      playing: false,
      notice: { kind: 'error', text: `${why} It was restarted at t=${Math.floor(clock)}; your scenario is unchanged.` },
    });
    if (scenario !== null) send({ type: 'load', scenario, at: Math.floor(clock), playing: false });
  };

  const onResponse = (r: Response) => {
    progressAt = performance.now();
    if (r.type !== 'loaded' && outstanding > 0) outstanding--;
    switch (r.type) {
      case 'crashed':
        recover(`The simulation worker crashed (${r.message}).`);
        return;
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
        frames.publish(r);
        // The overlay draws every frame; the panels and nodes (React) follow the frames that carry
        // the entities — every frame when paused, seeking or stepping, a few a second while playing
        // (text that changes sixty times a second is unreadable anyway).
        // A view's unchanged parts are the last view's own objects (worker/viewDelta.ts): a node
        // whose part did not change is not re-rendered.
        if (r.view !== null) {
          set({
            view: r.view,
            clock: r.clock,
            playing: r.playing,
            speed: r.speed,
            horizon: r.horizon,
          });
        } else if (r.playing !== get().playing) set({ playing: r.playing });
        // While playing, ask for the next frame when the browser is ready to draw it: one frame in
        // flight at a time, so a slow frame never queues work in the worker. (A painter with its
        // own channel to the engine asks itself.)
        pacedByPainter = r.playing && r.direct === true;
        if (!r.playing) lastAdvance = 0;
        if (r.playing && !pacedByPainter && !framePending) {
          framePending = true;
          nextFrame(() => {
            framePending = false;
            const now = performance.now();
            // Wall time since the previous advance, capped so a hidden tab does not leap ahead.
            const ms = lastAdvance === 0 ? 16 : Math.min(100, now - lastAdvance);
            lastAdvance = now;
            send({ type: 'frame', ms });
          });
        }
        return;
      }
    }
  };

  /**
   * Play (up to `until`): the button shows Pause at once, and the engine is asked to play once the
   * browser has drawn that, so the frame that swaps the button is not drawn while both workers
   * start the run. Paused again before then, the run does not start.
   */
  let plays = 0;
  const startPlaying = (until?: number) => {
    const play = ++plays;
    set({ playing: true });
    nextFrame(() =>
      setTimeout(() => {
        if (play === plays) send({ type: 'play', until });
      }, 0),
    );
  };
  const pause = () => {
    plays++;
    send({ type: 'pause' });
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
    past: [],
    future: [],
    dirty: false,
    library: readLibrary(),
    presenting: false,
    opened: null,

    connect(c, restart) {
      client?.dispose();
      client = c;
      makeClient = restart ?? null;
      outstanding = 0;
      pacedByPainter = false;
      c.onResponse(onResponse);
      wirePainter();
      if (watchdog !== null) clearInterval(watchdog);
      watchdog =
        restart === undefined
          ? null
          : setInterval(() => {
              const quiet = performance.now() - progressAt;
              // A run the painter paces sends the store a view a few times a second unasked. When
              // none came for a while, the store asks (advancing nothing), so a host that hangs
              // mid-run is caught as it is when the store asks for the frames itself — and a
              // painter that stopped asking is not mistaken for one.
              if (pacedByPainter && outstanding === 0 && !hidden() && quiet > WATCHDOG_MS / 2) send({ type: 'frame', ms: 0 });
              else if (outstanding > 0 && quiet > pendingLimit) recover(`The simulation stopped answering for ${pendingLimit / 1000} s.`);
            }, 250);
      set({ host: c.kind });
      const { scenario } = get();
      if (scenario !== null) c.send({ type: 'load', scenario, at: Math.floor(get().clock), playing: false });
    },

    open(r, opts = {}) {
      if (!r.ok) {
        set({ notice: { kind: 'error', text: `Not opened — ${errorText(r.errors[0])}` } });
        return r.errors.map(errorText);
      }
      openScenario(r.scenario, opts.galleryId ?? null, opts.at ?? 0);
      return null;
    },

    openGallery(id) {
      const g = galleryEntry(id);
      if (g === undefined) {
        set({ notice: { kind: 'error', text: `No gallery scenario "${id}"` } });
        return [`no gallery scenario "${id}"`];
      }
      return get().open(readDocument(g.doc), { galleryId: id });
    },

    setPolicy(id) {
      edit(`Policy ${id}`, (d) => {
        (d.policy as { id: string }).id = id;
      });
    },

    toggleMutation(m) {
      edit(`Mutation ${m}`, (d) => {
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
      const ok = edit(`${op.op} at t=${at}`, (d) => {
        const script = d.script as { at: number }[];
        let i = script.findIndex((o) => o.at > at);
        if (i < 0) i = script.length;
        script.splice(i, 0, docOp[0] as { at: number });
      });
      if (ok) set({ notice: { kind: 'info', text: `${op.op} inserted into the script at tick ${at}` } });
    },

    moveNode(id, pos) {
      get().placeNodes({ [id]: pos }, `Move ${id}`);
    },

    placeNodes(positions, label) {
      const { doc } = get();
      if (doc === null) return;
      // Layout only: the run is unchanged, so the engine is not reloaded. One drag or one
      // arrangement, one undo step.
      const next = produce(doc, (d) => {
        for (const [id, pos] of Object.entries(positions))
          (d.layout as Record<string, [number, number]>)[id] = [Math.round(pos[0]), Math.round(pos[1])];
      });
      record(label);
      const scenario = get().scenario;
      set({ doc: next, scenario: scenario && { ...scenario, layout: next.layout as Scenario['layout'] } });
      persist();
    },

    edit,

    undo() {
      const { past, future, doc } = get();
      const last = past[past.length - 1];
      if (last === undefined || doc === null) return;
      set({
        past: past.slice(0, -1),
        future: [{ doc, label: last.label }, ...future],
        notice: { kind: 'info', text: `Undone: ${last.label}` },
      });
      restoreDoc(last.doc);
    },

    redo() {
      const { past, future, doc } = get();
      const next = future[0];
      if (next === undefined || doc === null) return;
      set({
        past: [...past, { doc, label: next.label }],
        future: future.slice(1),
        notice: { kind: 'info', text: `Redone: ${next.label}` },
      });
      restoreDoc(next.doc);
    },

    openLink(hash) {
      const d = decodeFragment(hash);
      if (d === null) return false;
      if (!d.ok) {
        set({ notice: { kind: 'error', text: `${d.error} Your current work is unchanged.` } });
        return false;
      }
      openScenario(d.scenario, d.galleryId);
      return true;
    },

    importText(text, source) {
      const d = decodeJson(text);
      if (!d.ok) {
        set({ notice: { kind: 'error', text: `${source}: ${d.error} Your current work is unchanged.` } });
        return false;
      }
      openScenario(d.scenario, null);
      set({ notice: { kind: 'info', text: `Opened ${source}${d.warnings.length ? ` — ${d.warnings[0]}` : ''}` } });
      return true;
    },

    linkFragment() {
      const { scenario, galleryId, dirty } = get();
      if (scenario === null) return null;
      // An unedited gallery scenario has a short link of its own.
      return galleryId !== null && !dirty ? `g=${galleryId}` : scenarioFragment(scenario);
    },

    saveToLibrary(name) {
      const { doc, scenario } = get();
      if (doc === null || scenario === null) return;
      const entry = addToLibrary(name ?? scenario.title, doc);
      set(
        entry === null
          ? { notice: { kind: 'error', text: 'Not saved: browser storage is full or unavailable. Export the scenario to a file instead.' } }
          : { library: readLibrary(), dirty: false, notice: { kind: 'info', text: `Saved to My scenarios as "${entry.name}"` } },
      );
      persist();
    },

    openFromLibrary(id) {
      const found = readLibraryEntry(id);
      if (found === null) return;
      const { entry, read: r } = found;
      if (!r.ok) return set({ notice: { kind: 'error', text: `"${entry.name}" cannot be opened — ${errorText(r.errors[0])}` } });
      openScenario(r.scenario, null);
    },

    renameInLibrary(id, name) {
      renameInLibrary(id, name);
      set({ library: readLibrary() });
    },

    deleteFromLibrary(id) {
      deleteFromLibrary(id);
      set({ library: readLibrary() });
    },

    setPresenting: (presenting) => set({ presenting }),

    caption(dir) {
      const { scenario, clock } = get();
      if (scenario === null) return;
      const now = Math.floor(clock);
      const ticks = [...new Set(scenario.captions.map((c) => c.at))].sort((a, b) => a - b);
      // Forward runs (plays) to the next caption, so the audience sees what happens in between;
      // back jumps.
      if (dir > 0) {
        const target = ticks.find((t) => t > now) ?? get().horizon;
        // Pressed again while running: finish this run at once.
        if (get().playing) get().seek(target);
        else startPlaying(target);
      } else {
        const target = [...ticks].reverse().find((t) => t < now);
        if (target !== undefined) get().seek(target);
      }
    },

    play: () => startPlaying(),
    pause,
    togglePlay: () => (get().playing ? pause() : startPlaying()),
    seek: (t) => send({ type: 'seek', t: Math.max(0, Math.round(t)) }),
    step: (unit) => send({ type: 'step', unit }),
    setSpeed: (tps) => send({ type: 'speed', ticksPerSecond: tps }),
    select: (selection) => set({ selection }),
    setNotice: (notice) => set({ notice }),
    setLogFilter: (f) => set({ logFilter: { ...get().logFilter, ...f } }),
    setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  };
});

/** The browser's animation frame; a timer where there is none (the store's tests run in Node). */
const nextFrame = (f: () => void) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(f) : setTimeout(f, 16));
