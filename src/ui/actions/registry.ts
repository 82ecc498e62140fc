// Every user command as a small object — name, label, shortcut, history, perform — in the style of
// Excalidraw's actions. The groups' tables (undoRedo.ts, transport.ts, presenting.ts, sharing.ts,
// views.ts, editing.ts, listAndEscape.ts, controls.ts) are the one place a command is described, and
// this file composes them into one table with its lookup: the keyboard, the shortcut list, the
// toolbar's buttons and controls, the Share and My scenarios menus and the editor's add buttons all
// read it, so a label, a tooltip and a shortcut cannot disagree.
//
// `history` says whether performing the command enters the undo history (Excalidraw's
// `captureUpdate`): 'record' for document edits, which go through the store's `edit` or
// `placeNodes`; 'never' for playback, view and sharing commands, undo and redo themselves, and
// opening another scenario (which starts a fresh history). registry.history.test.ts checks every
// claim against what the command does to the store.

import type { Actions as StoreActions, AppState } from '../../store/appStore';
import { app } from './keys';
import { UNDO_REDO } from './undoRedo';
import { TRANSPORT } from './transport';
import { PRESENTING } from './presenting';
import { SHARING_KEYED, SHARING_MENU } from './sharing';
import { VIEWS } from './views';
import { EDITING } from './editing';
import { LIST_AND_ESCAPE } from './listAndEscape';
import { CONTROLS } from './controls';

export { SPEEDS } from './speeds';

/** Whether performing an action enters the undo history. */
export type History = 'record' | 'never';

type State = AppState & StoreActions;

interface Common {
  /** The command's name: its button's accessible name or text, and its tooltip before the keys. */
  label: string;
  /** The shortcut list's line, when it says more than the label. */
  description?: string;
  history: History;
  /** The button's name now, when it follows the state (Play or Pause). */
  labelNow?: (s: State) => string;
  /** The tooltip's text now, before the keys, when it follows the state (what Undo undoes). */
  tip?: (s: State) => string;
  /** False when the command has nothing to do: its button is disabled. */
  enabled?: (s: State) => boolean;
}

/** A command with a shortcut: the keyboard performs it with the key event. */
interface KeyedSpec extends Common {
  name: string;
  /** How the shortcut is written in the list and in tooltips. */
  keys: string;
  keyTest: (e: KeyboardEvent) => boolean;
  perform: (e?: KeyboardEvent) => void;
  /** Also active while presenting. */
  presenting?: boolean;
  /** Also active while typing in a field (Ctrl/Cmd shortcuts). */
  inFields?: boolean;
}

/** A command without a shortcut: a button, menu item or control performs it, with its value. */
interface PlainSpec extends Common {
  name: string;
  keys?: undefined;
  keyTest?: undefined;
  perform: (value: never) => void;
}

export type ActionSpec = KeyedSpec | PlainSpec;

// The keyed actions come first, in the order of the shortcut list; then, without a shortcut, the
// toolbar's controls and the menus' items. No two keyTests accept the same key event
// (registry.test.ts tries every key with every set of modifiers).
const TABLE = [
  ...UNDO_REDO,
  ...TRANSPORT,
  ...PRESENTING,
  ...SHARING_KEYED,
  ...VIEWS,
  ...EDITING,
  ...LIST_AND_ESCAPE,
  ...CONTROLS,
  ...SHARING_MENU,
] as const satisfies readonly ActionSpec[];

type Entry = (typeof TABLE)[number];
/** Every action's name: a misspelt one is a type error. */
export type ActionName = Entry['name'];
/** What performing `N` takes: nothing (or the key event) for most, a value for controls. */
export type ActionArgs<N extends ActionName> = Parameters<Extract<Entry, { name: N }>['perform']>;
/** The actions a click performs: the ones that take no value. */
export type ButtonAction = { [N in ActionName]: [] extends ActionArgs<N> ? N : never }[ActionName];
export type Action = ActionSpec & { name: ActionName };
export type KeyedAction = KeyedSpec & { name: ActionName };

export const ACTIONS: readonly Action[] = TABLE;

const isKeyed = (a: Action): a is KeyedAction => a.keys !== undefined;
/** The actions with a shortcut, in the shortcut list's order. */
export const KEYED: readonly KeyedAction[] = ACTIONS.filter(isKeyed);

export function action(name: ActionName): Action {
  const a = ACTIONS.find((x) => x.name === name);
  if (a === undefined) throw new Error(`no action "${name}"`);
  return a;
}

/** Performs an action by name, e.g. `perform('undo')`, `perform('speed', 100)`. */
export function perform<N extends ActionName>(name: N, ...args: ActionArgs<N>): void {
  (action(name).perform as (...a: unknown[]) => void)(...args);
}

/** The action's tooltip: what it does now, then its shortcut. */
export function tooltip(a: Action, s: State = app()): string {
  const text = a.tip?.(s) ?? a.label;
  return a.keys === undefined ? text : `${text} (${a.keys})`;
}

/** Runs the action a key press names; false when none applies here (typing in a field, presenting). */
export function performKey(e: KeyboardEvent): boolean {
  const a = KEYED.find((x) => x.keyTest(e));
  if (a === undefined) return false;
  const inField = (e.target as HTMLElement | null)?.closest?.('input, textarea, select, [contenteditable="true"]') != null;
  if (inField && !a.inFields) return false;
  if (app().presenting && !a.presenting) return false;
  if (e.key === ' ' && (e.target as HTMLElement | null)?.closest?.('button')) return false;
  a.perform(e);
  return true;
}
