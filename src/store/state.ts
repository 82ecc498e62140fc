// The app's state: what it holds and how it starts. The actions that change it are in appStore.ts.

import type { Scenario } from '../sim';
import type { ScenarioDocument } from '../scenario/document';
import type { Summary } from '../worker/protocol';
import type { LinkChoices } from '../scenario/choiceLink';
import type { SimView } from '../worker/view';
import type { EngineSession } from '../worker/session';
import { emptyHistory, type HistoryEntry } from './history';
import { readLibrary, type LibraryEntry } from './library';

export type Selection =
  | { kind: 'endpoint' | 'device' | 'region' | 'smmu'; id: string }
  | { kind: 'violation'; index: number }
  | { kind: 'op'; index: number }
  | { kind: 'txn'; id: number }
  | { kind: 'edge'; id: string }
  | null;

/** What a button of an alert does: export the open scenario, download a text, or run a choice. */
export type AlertAction = { label: string } & (
  { kind: 'export' } | { kind: 'download'; filename: string; text: string } | { kind: 'run'; run: () => void }
);

/**
 * A message about the user's saved work that stays until it is resolved or dismissed: a save that
 * failed, saved data that could not be read, another tab saving the same work.
 */
export interface Alert {
  id: 'save-failed' | 'set-aside' | 'other-tab' | 'not-kept';
  text: string;
  actions: AlertAction[];
}

export interface AppState {
  doc: ScenarioDocument | null;
  scenario: Scenario | null;
  galleryId: string | null;
  summary: Summary | null;
  /** How far the run is computed while it is computed in the background (null: it is complete). */
  computedTo: number | null;
  view: SimView | null;
  clock: number;
  horizon: number;
  /** A seek beyond what the engine has computed of the run: the playhead goes there when it is. */
  waitingFor: number | null;
  playing: boolean;
  speed: number;
  selection: Selection;
  /**
   * One message about bad input or a failed operation; the current work is never replaced by it.
   * `action` is the one choice it offers (Undo).
   */
  notice: { kind: 'error' | 'info'; text: string; action?: { label: string; run: () => void } } | null;
  /** Messages about the saved work that stay until resolved (a new notice does not replace them). */
  alerts: Alert[];
  /** The connection to the engine; its frames go to the overlay through `session.frames`. */
  session: EngineSession | null;
  /** Which engine host answers: the app uses a worker, tests may use the in-process host. */
  host: 'worker' | 'in-process' | null;
  logFilter: { kinds: string[]; text: string };
  shortcutsOpen: boolean;
  /** Undo history of the document (history.ts): each entry is a whole document (Immer shares structure). */
  past: HistoryEntry<ScenarioDocument>[];
  future: HistoryEntry<ScenarioDocument>[];
  /** The open scenario has edits not yet kept in My scenarios: opening something else keeps them first. */
  dirty: boolean;
  /** The open scenario was edited since it was opened (kept or not): it is no longer the gallery's, or the link's. */
  edited: boolean;
  library: LibraryEntry[];
  presenting: boolean;
  /**
   * The page is an embed (`?embed=1`): a read-only player in another page's frame. It neither reads
   * nor writes the saved work, so a design document's player never touches what the user made.
   */
  embedded: boolean;
  /** Presenting with the screen blanked (a presenter's pause: `.` or `b`). */
  blank: boolean;
  /** The scenario as it was opened (gallery, My scenarios, a file, a link); edits make new ones. */
  opened: Scenario | null;
  /**
   * The run's timing when it is not the default: a counterexample's deviations from the default
   * choices (`&x=` in a link). They index the choices of this exact scenario, so an edit that changes
   * the scenario drops them. null: the default run.
   */
  choices: LinkChoices | null;
  /** The link fragment the open scenario came from (`g=…&t=…`), or null: the address shows it while unedited. */
  link: string | null;
}

export const LOG_KINDS = ['op', 'step', 'opError', 'event', 'violation', 'note'];

/** The state before anything is opened or connected. */
export function initialState(): AppState {
  return {
    doc: null,
    scenario: null,
    galleryId: null,
    summary: null,
    computedTo: null,
    view: null,
    clock: 0,
    horizon: 0,
    waitingFor: null,
    playing: false,
    speed: 20,
    selection: null,
    notice: null,
    alerts: [],
    session: null,
    host: null,
    logFilter: { kinds: [...LOG_KINDS], text: '' },
    shortcutsOpen: false,
    ...emptyHistory<ScenarioDocument>(),
    dirty: false,
    edited: false,
    library: readLibrary(),
    presenting: false,
    embedded: false,
    blank: false,
    opened: null,
    choices: null,
    link: null,
  };
}
