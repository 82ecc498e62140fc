// Opening something over the open work — a read scenario, a gallery entry, a link, an imported
// file — and the links that open it again. Unsaved edits go to My scenarios first, and Undo brings
// them back; a link lands on its moment; a counterexample's timing (a link's `&x=`) stays with the
// document it was found in, and a counterexample opened without a tick lands on its first violation.

import type { Scenario } from '../sim';
import { toDocument, type ScenarioDocument } from '../scenario/document';
import { galleryEntry } from '../scenario/gallery';
import { galleryRef } from '../scenario/gallery/revisions';
import type { Summary } from '../worker/protocol';
import { decodeJson, scenarioFragment, type Decoded } from '../scenario/codec';
import { decodeLink } from '../scenario/linkDecoder';
import { momentParams, readMoment } from '../scenario/moment';
import { choicesParam, readChoices, withoutChoices, type LinkChoices } from '../scenario/choiceLink';
import { addressLink, momentSelection, selectionFor } from './linkMoment';
import { errorText, readDocument } from '../scenario/read';
import { addToLibrary, deleteFromLibrary, readLibrary } from './library';
import { EXPORT_ACTION, type SavedWork } from './savedWork';
import type { Actions } from './actions';
import type { AppState } from './state';
import type { GetState, Reload, SetState } from './storeApi';

/** What a notice says of edits kept on opening something else. */
const keptText = (name: string) => `Your edited work was kept in My scenarios as “${name}”.`;

export type OpeningActions = Pick<
  Actions,
  'open' | 'openGallery' | 'openLink' | 'importText' | 'linkFragment' | 'momentFragment' | 'dropChoices'
>;

export interface Opening {
  actions: OpeningActions;
  /**
   * Opens a read scenario over the current one; false (with an alert offering the choice) when the
   * current one has edits that could not be kept — it is then not replaced, and neither is its
   * autosave. `then` runs once it is open (a notice of the caller's), with what the edits were kept as.
   */
  openScenario(
    scenario: Scenario,
    galleryId: string | null,
    at?: number,
    then?: (kept: string) => void,
    choices?: LinkChoices | null,
  ): boolean;
  /**
   * A counterexample's choices index the choices of the exact scenario they were found in. A change
   * of the scenario (not of its layout) to `next` leaves them with the document they belong to, so
   * Undo brings them back, and takes up those `next` had, if any. Returns what to say of it ('' for nothing).
   */
  choicesFor(next: ScenarioDocument): string;
  /** A summary of the run came: a counterexample opened without a tick lands on its first violation. */
  summarised(summary: Summary): void;
}

export function opening(set: SetState, get: GetState, saved: SavedWork, reload: Reload): Opening {
  const { alert, persist } = saved;
  const session = () => get().session;

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

  /**
   * The violation a link selected, by its index, until a summary of the run shows it (nothing more
   * to do) or the whole run shows fewer violations (the link named one this run does not have).
   */
  let linkViolation: number | null = null;

  const checkLinkViolation = (summary: Summary) => {
    const k = linkViolation;
    const { selection } = get();
    if (k === null) return;
    if (selection?.kind !== 'violation' || selection.index !== k || summary.violations.length > k) {
      linkViolation = null;
      return;
    }
    if (!summary.complete) return;
    linkViolation = null;
    const n = summary.violations.length;
    const has = n === 0 ? 'none' : n === 1 ? 'one, v0' : `${n}, v0 to v${n - 1}`;
    set({
      selection: null,
      notice: {
        kind: 'info',
        text: `The link opened, but it selects violation v${k}, and this run has ${has} up to t=${summary.horizon}.`,
      },
    });
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

  const openScenario: Opening['openScenario'] = (scenario, galleryId, at = 0, then, choices = null) => {
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
    linkViolation = null;
    session()?.frames.publish(null);
    reload(toDocument(scenario), scenario, at, false);
    if (kept !== '') set({ notice: { kind: 'info', text: keptText(kept) } });
    then?.(kept);
    return true;
  };

  const actions: OpeningActions = {
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
            let sel = moment.sel === null ? null : selectionFor(moment.sel, d.scenario);
            const problems = [...moment.problems];
            if (moment.sel !== null && sel === null)
              problems.push(`it selects "${moment.sel.kind === 'entity' ? moment.sel.id : ''}", which this scenario does not have`);
            // Operations are the script's, known now; violations are the run's, checked when it shows them.
            const ops = d.scenario.script.length;
            if (sel?.kind === 'op' && sel.index >= ops) {
              problems.push(`it selects operation op${sel.index}, and the script has ${ops === 0 ? 'none' : `op0 to op${ops - 1}`}`);
              sel = null;
            }
            if (sel?.kind === 'violation') linkViolation = sel.index;
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
  };

  return {
    actions,
    openScenario,
    choicesFor,
    summarised: (summary) => {
      if (toFirstViolation) landOnFirstViolation(summary);
      checkLinkViolation(summary);
    },
  };
}
