// The app's state and the user's actions on it (docs/architecture.md, the store layer): the
// scenario document, the engine's latest view and run summary, playback, selection and UI. The
// actions delegate: document changes to pure functions (documentChanges.ts, history.ts), the
// engine to its session (worker/session.ts), the saved work to savedWork.ts and library.ts.
// Components select narrowly; document edits go through Immer; per-frame animation data (packed
// transactions) goes to the overlay on the session's frame bus, out of React's way.

import { create } from 'zustand';
import { produce } from 'immer';
import type { Scenario } from '../sim';
import { toDocument, type ScenarioDocument } from '../scenario/document';
import { galleryEntry } from '../scenario/gallery';
import { galleryRef } from '../scenario/gallery/revisions';
import type { Frame, Summary } from '../worker/protocol';
import { EngineSession } from '../worker/session';
import { decodeJson, scenarioFragment, type Decoded } from '../scenario/codec';
import { decodeLink } from '../scenario/linkDecoder';
import { momentParams, readMoment } from '../scenario/moment';
import { choicePairs, choicesParam, readChoices, withoutChoices, type LinkChoices } from '../scenario/choiceLink';
import { addressLink, momentSelection, selectionFor } from './linkMoment';
import { errorText, readDocument } from '../scenario/read';
import { addToLibrary, deleteFromLibrary, readLibrary, readLibraryEntry, renameInLibrary } from './library';
import { record, redo, undo } from './history';
import { captionTarget, insertAtTick, sameButLayout, toggled, withPositions } from './documentChanges';
import { initialState, type AppState } from './state';
import { EXPORT_ACTION, savedWork } from './savedWork';
import type { Actions } from './actions';

export type { Alert, AlertAction, AppState, Selection } from './state';
export type { Actions } from './actions';
export { AUTOSAVE_KEY, loadAutosave } from './library';

/** A host's message as the notice's sentence: it starts with a capital. */
const sentence = (m: string) => m.charAt(0).toUpperCase() + m.slice(1);
/** At most how often a progress summary redraws the panels while the run is computed. */
const SUMMARY_EVERY_MS = 1500;
/** What a notice says of edits kept on opening something else. */
const keptText = (name: string) => `Your edited work was kept in My scenarios as “${name}”.`;

export const useApp = create<AppState & Actions>()((set, get) => {
  const session = () => get().session;

  const saved = savedWork(set, get);
  const { alert, persist } = saved;

  /** Replaces the document and reloads the engine at `at` (the playhead by default), with the run's timing. */
  const reload = (doc: ScenarioDocument, scenario: Scenario, at: number, playing = get().playing) => {
    set({ doc, scenario });
    persist();
    session()?.load(scenario, at, playing, choicePairs(get().choices));
  };

  /**
   * A counterexample's choices index the choices of the exact scenario they were found in. A change
   * of the scenario (not of its layout) to `next` leaves them with the document they belong to, so
   * Undo brings them back, and takes up those `next` had, if any. Returns what to say of it ('' for nothing).
   */
  const choicesFor = (next: ScenarioDocument): string => {
    const { doc, choices } = get();
    if (doc !== null && choices !== null) choicesOfDoc.set(doc, choices);
    const back = choicesOfDoc.get(next) ?? null;
    set({ choices: back });
    if (back !== null)
      return `The counterexample's timing (${back.deviations.size} choice${back.deviations.size === 1 ? '' : 's'}) is back.`;
    return choices !== null
      ? "The counterexample's timing was dropped: its choices index the choices of the scenario it was found in, which this edit changed. The run now has the default timing; Undo brings the counterexample back."
      : '';
  };
  /** The counterexample timing each document of the history had, for Undo and Redo. */
  const choicesOfDoc = new WeakMap<ScenarioDocument, LinkChoices>();

  /**
   * While a counterexample opened without a tick is loading: the playhead goes to its first violation
   * and selects it, once a summary of that run shows one.
   */
  let toFirstViolation = false;

  /** Puts a document in place from history (undo/redo); only a layout change skips the re-run. Returns what to say of the run's timing. */
  const restoreDoc = (doc: ScenarioDocument): string => {
    const r = readDocument(doc);
    if (!r.ok) return '';
    const prev = get().doc;
    if (prev !== null && sameButLayout(prev, doc)) {
      set({ doc, scenario: r.scenario, dirty: true, edited: true });
      persist();
      return '';
    }
    set({ dirty: true, edited: true });
    const said = choicesFor(doc);
    reload(doc, r.scenario, Math.floor(get().clock));
    return said;
  };

  /** The document is about to change by `label`: its present form becomes an undo step. */
  const recordChange = (label: string) => {
    const { doc, past, future } = get();
    if (doc !== null) set({ ...record({ past, future }, doc, label), dirty: true, edited: true });
  };

  /**
   * Opening something else: unsaved edits go to My scenarios first, so nothing is silently lost.
   * Returns the name they were kept under, '' when there was nothing to keep, null when storage
   * refused them.
   */
  const keepUnsaved = (): string | null => {
    const { dirty, doc, scenario, galleryId, past, future } = get();
    if (!dirty || doc === null || scenario === null) return '';
    const entry = addToLibrary(`${scenario.title} (edited)`, doc);
    if (entry === null) return null;
    lastKept = { entryId: entry.id, doc, galleryId, past, future };
    set({ library: readLibrary(), dirty: false });
    return entry.name;
  };
  /** The edited work the last opening kept in My scenarios, with its history: what Undo brings back. */
  let lastKept: {
    entryId: string;
    doc: ScenarioDocument;
    galleryId: string | null;
    past: AppState['past'];
    future: AppState['future'];
  } | null = null;

  /** Undoes an opening that kept edited work: the work is open again, edited, and no longer a copy in My scenarios. */
  const bringBackKept = (kept: NonNullable<typeof lastKept>) => {
    const r = readDocument(kept.doc);
    if (!r.ok) return;
    if (get().open(r, { galleryId: kept.galleryId, edited: true, dirty: true }) !== null) return;
    deleteFromLibrary(kept.entryId);
    set({ past: kept.past, future: kept.future, library: readLibrary(), notice: { kind: 'info', text: 'Your edited work is back.' } });
  };

  /**
   * Opens a read scenario over the current one; false (with an alert offering the choice) when the
   * current one has edits that could not be kept — it is then not replaced, and neither is its
   * autosave. `then` runs once it is open (a notice of the caller's), with what the edits were kept as.
   */
  const openScenario = (
    scenario: Scenario,
    galleryId: string | null,
    at = 0,
    then?: (kept: string) => void,
    choices: LinkChoices | null = null,
  ): boolean => {
    const kept = keepUnsaved();
    if (kept === null) {
      const title = get().scenario?.title ?? 'scenario';
      alert(
        'not-kept',
        `“${scenario.title}” was not opened: your edited “${title}” could not be kept, because browser storage is full or unavailable.`,
        [
          EXPORT_ACTION,
          {
            label: 'Discard my edits and open it',
            kind: 'run',
            run: () => {
              alert('not-kept', null);
              set({ dirty: false });
              openScenario(scenario, galleryId, at, then, choices);
            },
          },
        ],
      );
      return false;
    }
    alert('not-kept', null);
    set({
      galleryId,
      selection: null,
      summary: null,
      computedTo: null,
      view: null,
      clock: 0,
      notice: null,
      past: [],
      future: [],
      dirty: false,
      edited: false,
      opened: scenario,
      choices,
      link: null,
    });
    toFirstViolation = false;
    session()?.frames.publish(null);
    reload(toDocument(scenario), scenario, at, false);
    if (kept !== '') set({ notice: { kind: 'info', text: keptText(kept) } });
    then?.(kept);
    return true;
  };

  const edit = (label: string, recipe: (d: ScenarioDocument) => void): boolean => {
    const { doc, embedded } = get();
    // An embed is a player: nothing in it edits the document it shows.
    if (doc === null || embedded) return false;
    const next = produce(doc, recipe);
    const r = readDocument(next);
    if (!r.ok) {
      set({ notice: { kind: 'error', text: `${label}: refused — ${errorText(r.errors[0])}` } });
      return false;
    }
    recordChange(label);
    const said = choicesFor(next);
    reload(next, r.scenario, Math.floor(get().clock));
    if (said !== '') set({ notice: { kind: 'info', text: said } });
    return true;
  };

  /** Undo or redo: the history's answer is put in place, and the notice names the step. */
  const travel = (step: typeof undo<ScenarioDocument>, done: string) => {
    const { past, future, doc } = get();
    if (doc === null) return;
    const r = step({ past, future }, doc);
    if (r === null) return;
    set({ ...r.history, notice: { kind: 'info', text: `${done}: ${r.label}` } });
    const said = restoreDoc(r.restore);
    if (said !== '') set({ notice: { kind: 'info', text: `${done}: ${r.label}. ${said}` } });
  };

  const onFrame = (f: Frame) => {
    // The overlay draws every frame (from the session's bus); the panels and nodes (React) follow
    // the frames that carry the entities — every frame when paused, seeking or stepping, a few a
    // second while playing (text that changes sixty times a second is unreadable anyway). A view's
    // unchanged parts are the last view's own objects (worker/viewDelta.ts): a node whose part did
    // not change is not re-rendered.
    if (f.view !== null)
      set({ view: f.view, clock: f.clock, playing: f.playing, speed: f.speed, horizon: f.horizon, waitingFor: f.waitingFor ?? null });
    else if (f.playing !== get().playing) set({ playing: f.playing });
  };

  // While the run is computed in the background, progress summaries come a few times a second. The
  // readout of how far follows each one; the panels drawn from the summary (the timeline with every
  // operation, the verdicts with every hand-over) take a load's, one with a new violation, one every
  // SUMMARY_EVERY_MS and the complete one: redrawing them four times a second for a large run costs
  // the page more than it shows.
  let summaryAt = -Infinity;
  const onSummary = (summary: Summary, progress: boolean) => {
    if (toFirstViolation) landOnFirstViolation(summary);
    const computedTo = summary.complete ? null : summary.scoutedTo;
    const shown = get().summary;
    const now = performance.now();
    if (
      !progress ||
      summary.complete ||
      shown === null ||
      shown.violations.length !== summary.violations.length ||
      summary.horizon !== get().horizon ||
      now - summaryAt >= SUMMARY_EVERY_MS
    ) {
      summaryAt = now;
      set({ summary, computedTo, horizon: summary.horizon });
    } else set({ computedTo });
  };

  /**
   * A counterexample opened without a tick lands where it breaks: at its first violation, selected
   * (as a `&sel=v0` link does), once a summary of its run shows one — or says it shows none.
   */
  const landOnFirstViolation = (summary: Summary) => {
    const { choices } = get();
    // A summary of another run (the one before, still on its way) is not this one's.
    const ours =
      choices !== null &&
      summary.deviations.length === choices.deviations.size &&
      summary.deviations.every((d) => choices.deviations.has(d.index));
    if (!ours) return;
    const v = summary.violations[0];
    if (v !== undefined) {
      toFirstViolation = false;
      set({ selection: { kind: 'violation', index: 0 } });
      session()?.seek(v.t);
    } else if (summary.complete) {
      toFirstViolation = false;
      set({ notice: { kind: 'info', text: `This counterexample's run shows no violation up to t=${summary.horizon}.` } });
    }
  };

  /** Play (up to `until`): the button shows Pause at once; the session starts the run after the next frame. */
  const startPlaying = (until?: number) => {
    set({ playing: true });
    session()?.play(until);
  };

  return {
    ...initialState(),

    connect(client, restart, env) {
      get().session?.dispose();
      const s = new EngineSession(
        client,
        {
          summary: onSummary,
          frame: onFrame,
          // A host left without a run (a failed load) shows none: the document stays, to be fixed.
          error: (message, noRun) =>
            set({
              notice: { kind: 'error', text: sentence(message) },
              playing: false,
              ...(noRun ? { view: null, summary: null, computedTo: null } : {}),
            }),
          recovered: (why, at) =>
            set({ playing: false, notice: { kind: 'error', text: `${why} It was restarted at t=${at}; your scenario is unchanged.` } }),
        },
        { restart, env },
      );
      set({ session: s, host: s.kind });
      const { scenario } = get();
      if (scenario !== null) s.load(scenario, Math.floor(get().clock), false, choicePairs(get().choices));
    },

    open(r, opts = {}) {
      if (!r.ok) {
        set({ notice: { kind: 'error', text: `Not opened — ${errorText(r.errors[0])}` } });
        return r.errors.map(errorText);
      }
      const edits = opts.edited === true;
      const ok = openScenario(r.scenario, opts.galleryId ?? null, opts.at ?? 0, () => {
        // Saved work comes back as it was: edited (and not yet kept) if it was.
        if (edits) set({ dirty: opts.dirty ?? true, edited: true });
        if (edits) persist();
      });
      return ok ? null : ['your edited scenario could not be kept'];
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
        d.policy = { ...d.policy, id };
      });
    },

    toggleMutation(m) {
      edit(`Mutation ${m}`, (d) => {
        d.policy = { ...d.policy, mutations: toggled(d.policy?.mutations ?? [], m) };
      });
    },

    applyLive(op) {
      const at = Math.floor(get().clock);
      const { scenario } = get();
      if (scenario === null) return;
      // Into the document form (hex addresses).
      const [docOp] = toDocument({ ...scenario, script: [{ ...op, at }] }).script ?? [];
      const had = get().choices !== null;
      const ok = edit(`${op.op} at t=${at}`, (d) => insertAtTick((d.script ??= []), docOp, at));
      if (ok) {
        const dropped = had && get().choices === null ? ` ${get().notice?.text ?? ''}` : '';
        set({ notice: { kind: 'info', text: `${op.op} inserted into the script at tick ${at}.${dropped}` } });
      }
    },

    moveNode(id, pos) {
      get().placeNodes({ [id]: pos }, `Move ${id}`);
    },

    placeNodes(positions, label) {
      const { doc, scenario, embedded } = get();
      if (doc === null || embedded) return;
      // Layout only: the run is unchanged, so the engine is not reloaded. One drag or one
      // arrangement, one undo step.
      const next = withPositions(doc, positions);
      recordChange(label);
      set({ doc: next, scenario: scenario && { ...scenario, layout: { ...next.layout } } });
      persist();
    },

    edit,
    undo: () => travel(undo, 'Undone'),
    redo: () => travel(redo, 'Redone'),

    openLink(hash) {
      const moment = readMoment(hash);
      const timing = readChoices(hash);
      if (!timing.ok) {
        // A broken timing is a broken link: nothing of it opens, and the work on screen stays.
        const unchanged = get().scenario !== null ? ' Your current work is unchanged.' : '';
        set({ notice: { kind: 'error', text: `${timing.message}${unchanged}` } });
        return false;
      }
      const choices = timing.choices;
      const open = (d: Decoded | null) => {
        if (d === null) return false;
        if (!d.ok) {
          const unchanged = get().scenario !== null ? ' Your current work is unchanged.' : '';
          set({ notice: { kind: 'error', text: `${d.error}${unchanged}` } });
          return false;
        }
        lastKept = null;
        // The link lands on its moment: at its tick, paused, with its selection; what its reading
        // noticed (an archived gallery revision) is said with what opening it said.
        const opened = openScenario(
          d.scenario,
          d.galleryId,
          moment.t ?? 0,
          (kept) => {
            const sel = moment.sel === null ? null : selectionFor(moment.sel, d.scenario);
            const problems = [...moment.problems];
            if (moment.sel !== null && sel === null)
              problems.push(`it selects "${moment.sel.kind === 'entity' ? moment.sel.id : ''}", which this scenario does not have`);
            set({ link: addressLink(hash), selection: sel });
            const said = [...d.warnings, ...(problems.length > 0 ? [`The link opened, but ${problems.join('; ')}.`] : [])].join(' ');
            const keptNow = lastKept;
            if (kept !== '' && keptNow !== null)
              set({
                notice: {
                  kind: 'info',
                  text: `${said ? `${said} ` : ''}The link opened over your edited work: ${keptText(kept)}`,
                  action: { label: 'Undo', run: () => bringBackKept(keptNow) },
                },
              });
            else if (said) set({ notice: { kind: 'info', text: said } });
          },
          choices,
        );
        // A counterexample without a tick of its own lands on its first violation.
        if (opened && choices !== null && moment.t === null) {
          toFirstViolation = true;
          const shown = get().summary;
          if (shown !== null) landOnFirstViolation(shown);
        }
        return opened;
      };
      const d = decodeLink(hash);
      return d instanceof Promise ? d.then(open) : open(d);
    },

    importText(text, source) {
      const d = decodeJson(text);
      if (!d.ok) {
        set({ notice: { kind: 'error', text: `${source}: ${d.error} Your current work is unchanged.` } });
        return false;
      }
      return openScenario(d.scenario, null, 0, (kept) =>
        set({
          notice: {
            kind: 'info',
            text: `Opened ${source}${d.warnings.length ? ` — ${d.warnings[0]}` : ''}.${kept ? ` ${keptText(kept)}` : ''}`,
          },
        }),
      );
    },

    linkFragment() {
      const { scenario, galleryId, edited } = get();
      if (scenario === null) return null;
      // An unedited gallery scenario has a short link of its own.
      // A counterexample's timing goes with it: the link opens this run, not the default one.
      const own = galleryId !== null && !edited ? `g=${galleryRef(galleryId)}` : scenarioFragment(scenario);
      return own + choicesParam(get().choices);
    },

    dropChoices() {
      const { choices, doc, scenario, link, selection } = get();
      if (choices === null || doc === null || scenario === null) return;
      const back = () => {
        if (get().doc !== doc || get().choices !== null) return;
        set({ choices, link, notice: null });
        reload(doc, scenario, Math.floor(get().clock));
      };
      toFirstViolation = false;
      choicesOfDoc.delete(doc);
      // A violation's index is the counterexample run's: the default run numbers its own.
      set({
        choices: null,
        link: link === null ? null : withoutChoices(link),
        selection: selection?.kind === 'violation' ? null : selection,
        notice: { kind: 'info', text: 'Back to the default timing.', action: { label: 'Undo', run: back } },
      });
      reload(doc, scenario, Math.floor(get().clock));
    },

    momentFragment() {
      const f = get().linkFragment();
      if (f === null) return null;
      return f + momentParams({ t: Math.floor(get().clock), sel: momentSelection(get().selection) });
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

    setPresenting: (presenting) => set({ presenting, blank: false }),
    setBlank: (blank) => set({ blank }),

    captionAt(which) {
      const ticks = (get().scenario?.captions ?? []).map((c) => c.at);
      if (ticks.length === 0) return get().seek(which === 'first' ? 0 : get().horizon);
      get().seek(which === 'first' ? Math.min(...ticks) : Math.max(...ticks));
    },

    caption(dir) {
      const { scenario, clock, horizon, playing } = get();
      if (scenario === null) return;
      const target = captionTarget(
        scenario.captions.map((c) => c.at),
        Math.floor(clock),
        dir,
        horizon,
      );
      if (target === undefined) return;
      // Forward runs (plays) to the next caption, so the audience sees what happens in between;
      // pressed again while running, it finishes this run at once. Back jumps.
      if (dir > 0 && !playing) startPlaying(target);
      else get().seek(target);
    },

    play: () => startPlaying(),
    pause: () => session()?.pause(),
    togglePlay: () => (get().playing ? session()?.pause() : startPlaying()),
    seek: (t) => session()?.seek(t),
    step: (unit, back = false) => session()?.step(unit, back),
    // The store holds the speed at once: keys pressed before the host's answer add up.
    setSpeed: (tps) => {
      set({ speed: tps });
      session()?.setSpeed(tps);
    },
    select: (selection) => set({ selection }),
    setNotice: (notice) => set({ notice }),
    setLogFilter: (f) => set({ logFilter: { ...get().logFilter, ...f } }),
    setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),

    reset() {
      get().session?.dispose();
      saved.reset();
      set(initialState());
    },

    listenToOtherTabs: () => saved.listen(),

    restoreSavedWork: () => saved.restore(),
    dismissAlert: (id) => saved.dismiss(id),
  };
});
