// Every user command as a small object — name, label, shortcut, history, perform — in the style of
// Excalidraw's actions. This table is the one place a command is described: the keyboard, the
// shortcut list, the toolbar's buttons and controls, the Share and My scenarios menus and the
// editor's add buttons all read it, so a label, a tooltip and a shortcut cannot disagree.
//
// `history` says whether performing the command enters the undo history (Excalidraw's
// `captureUpdate`): 'record' for document edits, which go through the store's `edit` or
// `placeNodes`; 'never' for playback, view and sharing commands, undo and redo themselves, and
// opening another scenario (which starts a fresh history). registry.history.test.ts checks every
// claim against what the command does to the store.

import { useApp, type Actions as StoreActions, type AppState } from '../../store/appStore';
import type { MutationId, PolicyId } from '../../sim';
import { copyEmbedCode, copyLink, exportFile, importFile, momentUrl } from './share';
import { addDevice, addEndpoint, addRegion, deleteSelection } from './edits';
import { useMatrix } from '../matrix/matrixStore';
import { useCompare } from '../compare/compareStore';
import { fitView, zoomBy } from '../canvas/viewBridge';
import { useExportDialog } from '../export/exportDialog';
import { openExplore } from '../explore/exploreOpen';

/** The playback speeds offered, in ticks per second. */
export const SPEEDS = [5, 20, 100, 500, 2000];

/** The next speed offered above (`dir` 1) or below (-1) the current one. */
function nextSpeed(speed: number, dir: 1 | -1): number {
  const s = dir > 0 ? SPEEDS.find((x) => x > speed) : [...SPEEDS].reverse().find((x) => x < speed);
  return s ?? speed;
}

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

const app = () => useApp.getState();
const mod = (e: KeyboardEvent) => e.ctrlKey || e.metaKey;
const plain = (e: KeyboardEvent) => !mod(e) && !e.altKey;
/** A presenter's key: only while presenting (elsewhere the same key is typing, or nothing). */
const presenterKey = (e: KeyboardEvent, keys: string[]) => app().presenting && plain(e) && keys.includes(e.key);

// The keyed actions come first, in the order of the shortcut list. No two keyTests accept the same
// key event (registry.test.ts tries every key with every set of modifiers).
const TABLE = [
  {
    name: 'undo',
    label: 'Undo',
    keys: 'Ctrl/⌘ + Z',
    keyTest: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'z',
    perform: () => app().undo(),
    history: 'never',
    tip: (s) => (s.past.length > 0 ? `Undo ${s.past[s.past.length - 1].label}` : 'Nothing to undo'),
    enabled: (s) => s.past.length > 0,
  },
  {
    name: 'redo',
    label: 'Redo',
    keys: 'Shift + Ctrl/⌘ + Z',
    keyTest: (e) => mod(e) && ((e.shiftKey && e.key.toLowerCase() === 'z') || e.key.toLowerCase() === 'y'),
    perform: () => app().redo(),
    history: 'never',
    tip: (s) => (s.future.length > 0 ? `Redo ${s.future[0].label}` : 'Nothing to redo'),
    enabled: (s) => s.future.length > 0,
  },
  {
    name: 'playPause',
    label: 'Play / pause',
    keys: 'Space',
    keyTest: (e) => e.key === ' ' && plain(e),
    perform: () => (app().presenting ? app().caption(1) : app().togglePlay()),
    history: 'never',
    labelNow: (s) => (s.playing ? 'Pause' : 'Play'),
    presenting: true,
  },
  {
    name: 'nextOp',
    label: 'Next operation',
    description: 'Run to the next operation',
    keys: 'Ctrl + →',
    keyTest: (e) => e.key === 'ArrowRight' && (mod(e) || e.altKey),
    perform: () => app().step('op'),
    history: 'never',
  },
  {
    name: 'prevOp',
    label: 'Previous operation',
    description: 'Back to the previous operation',
    keys: 'Ctrl + ←',
    keyTest: (e) => e.key === 'ArrowLeft' && (mod(e) || e.altKey),
    perform: () => app().step('op', true),
    history: 'never',
  },
  {
    name: 'stepTick',
    label: 'Step one tick',
    keys: 'Shift + →',
    keyTest: (e) => e.key === 'ArrowRight' && e.shiftKey && plain(e),
    perform: () => app().step('tick'),
    history: 'never',
  },
  {
    name: 'backTick',
    label: 'Back one tick',
    keys: 'Shift + ←',
    keyTest: (e) => e.key === 'ArrowLeft' && e.shiftKey && plain(e),
    perform: () => app().step('tick', true),
    history: 'never',
  },
  {
    name: 'stepEvent',
    label: 'Next event',
    description: 'Step one event (presenting: run to the next caption)',
    keys: '→',
    keyTest: (e) => e.key === 'ArrowRight' && plain(e) && !e.shiftKey,
    perform: () => (app().presenting ? app().caption(1) : app().step('event')),
    history: 'never',
    presenting: true,
  },
  {
    name: 'prevEvent',
    label: 'Previous event',
    description: 'Back one event (presenting: the previous caption)',
    keys: '←',
    keyTest: (e) => e.key === 'ArrowLeft' && plain(e) && !e.shiftKey,
    perform: () => (app().presenting ? app().caption(-1) : app().step('event', true)),
    history: 'never',
    presenting: true,
  },
  {
    name: 'home',
    label: 'Start',
    description: 'Seek to the start (presenting: the first caption)',
    keys: 'Home',
    keyTest: (e) => e.key === 'Home',
    perform: () => (app().presenting ? app().captionAt('first') : app().seek(0)),
    history: 'never',
    presenting: true,
  },
  {
    name: 'end',
    label: 'End',
    description: 'Seek to the end (presenting: the last caption)',
    keys: 'End',
    keyTest: (e) => e.key === 'End',
    perform: () => (app().presenting ? app().captionAt('last') : app().seek(app().horizon)),
    history: 'never',
    presenting: true,
  },
  {
    name: 'nextCaption',
    label: 'Next caption',
    description: 'Presenting: run to the next caption (a presentation remote’s key)',
    keys: 'Page Down',
    keyTest: (e) => presenterKey(e, ['PageDown']),
    perform: () => app().caption(1),
    history: 'never',
    presenting: true,
  },
  {
    name: 'prevCaption',
    label: 'Previous caption',
    description: 'Presenting: back to the previous caption',
    keys: 'Page Up',
    keyTest: (e) => presenterKey(e, ['PageUp']),
    perform: () => app().caption(-1),
    history: 'never',
    presenting: true,
  },
  {
    name: 'blank',
    label: 'Blank the screen',
    description: 'Presenting: blank the screen, or show it again',
    keys: '. / B',
    keyTest: (e) => presenterKey(e, ['.', 'b', 'B']),
    perform: () => app().setBlank(!app().blank),
    history: 'never',
    presenting: true,
  },
  {
    name: 'zoomIn',
    label: 'Zoom in',
    description: 'Presenting: zoom in',
    keys: '+',
    keyTest: (e) => presenterKey(e, ['+', '=']),
    perform: () => zoomBy(1.25),
    history: 'never',
    presenting: true,
  },
  {
    name: 'zoomOut',
    label: 'Zoom out',
    description: 'Presenting: zoom out',
    keys: '−',
    keyTest: (e) => presenterKey(e, ['-', '_']),
    perform: () => zoomBy(0.8),
    history: 'never',
    presenting: true,
  },
  {
    name: 'zoomFit',
    label: 'Fit the system',
    description: 'Presenting: fit the whole system in view',
    keys: '0',
    keyTest: (e) => presenterKey(e, ['0']),
    perform: () => fitView(),
    history: 'never',
    presenting: true,
  },
  {
    name: 'slower',
    label: 'Slower',
    description: 'Presenting: play slower',
    keys: '[',
    keyTest: (e) => presenterKey(e, ['[']),
    perform: () => app().setSpeed(nextSpeed(app().speed, -1)),
    history: 'never',
    presenting: true,
  },
  {
    name: 'faster',
    label: 'Faster',
    description: 'Presenting: play faster',
    keys: ']',
    keyTest: (e) => presenterKey(e, [']']),
    perform: () => app().setSpeed(nextSpeed(app().speed, 1)),
    history: 'never',
    presenting: true,
  },
  {
    name: 'copyLink',
    label: 'Copy link',
    description: 'Copy a link to this scenario',
    keys: 'Ctrl/⌘ + Shift + L',
    keyTest: (e) => mod(e) && e.shiftKey && e.key.toLowerCase() === 'l',
    perform: () => void copyLink(),
    history: 'never',
  },
  {
    name: 'export',
    label: 'Export .json file',
    description: 'Export to a .json file',
    keys: 'Ctrl/⌘ + S',
    keyTest: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 's',
    perform: () => exportFile(),
    history: 'never',
    inFields: true,
  },
  {
    name: 'present',
    label: 'Present',
    description: 'Present (captions, large type)',
    keys: 'P',
    keyTest: (e) => e.key.toLowerCase() === 'p' && plain(e),
    perform: () => app().setPresenting(true),
    history: 'never',
  },
  {
    name: 'matrix',
    label: 'Every policy',
    description: 'The scenario under every policy, as a table of verdicts',
    perform: () => useMatrix.getState().setOpen(true, app().scenario),
    history: 'never',
    enabled: (s) => s.scenario !== null,
  },
  {
    name: 'explore',
    label: 'Explore…',
    description: "Search the scenario's other schedules for one that breaks an invariant, for its policy or every policy",
    perform: () => openExplore(),
    history: 'never',
    enabled: (s) => s.scenario !== null,
  },
  {
    name: 'compare',
    label: 'Compare',
    description: 'The scenario under two configurations side by side, on one playhead',
    perform: () => {
      useMatrix.getState().setOpen(false);
      useCompare.getState().setOpen(true, app().scenario);
    },
    history: 'never',
    enabled: (s) => s.scenario !== null,
  },
  {
    name: 'addVm',
    label: 'Add a VM',
    keys: 'Shift + V',
    keyTest: (e) => e.shiftKey && !mod(e) && e.key.toLowerCase() === 'v',
    perform: () => addEndpoint('vm'),
    history: 'record',
  },
  {
    name: 'addSp',
    label: 'Add an SP',
    keys: 'Shift + S',
    keyTest: (e) => e.shiftKey && !mod(e) && e.key.toLowerCase() === 's',
    perform: () => addEndpoint('sp'),
    history: 'record',
  },
  {
    name: 'addDevice',
    label: 'Add a device',
    keys: 'Shift + D',
    keyTest: (e) => e.shiftKey && !mod(e) && e.key.toLowerCase() === 'd',
    perform: () => addDevice(),
    history: 'record',
  },
  {
    name: 'addRegion',
    label: 'Add a memory region',
    keys: 'Shift + M',
    keyTest: (e) => e.shiftKey && !mod(e) && e.key.toLowerCase() === 'm',
    perform: () => addRegion(),
    history: 'record',
  },
  {
    name: 'delete',
    label: 'Delete the selected VM, SP, device or region',
    keys: 'Delete',
    keyTest: (e) => (e.key === 'Delete' || e.key === 'Backspace') && !mod(e),
    perform: () => deleteSelection(),
    history: 'record',
  },
  {
    name: 'shortcuts',
    label: 'Keyboard shortcuts',
    description: 'Show or hide this list',
    keys: '?',
    keyTest: (e) => e.key === '?',
    perform: () => app().setShortcutsOpen(!app().shortcutsOpen),
    history: 'never',
  },
  {
    name: 'escape',
    label: 'Leave presenting, close this list, clear the selection',
    keys: 'Esc',
    keyTest: (e) => e.key === 'Escape',
    perform: () =>
      app().presenting ? app().setPresenting(false) : app().shortcutsOpen ? app().setShortcutsOpen(false) : app().select(null),
    history: 'never',
    presenting: true,
  },
  // Without a shortcut: the toolbar's controls and the menus' items.
  {
    name: 'gallery',
    label: 'Gallery',
    perform: (id: string) => void app().openGallery(id),
    history: 'never',
  },
  {
    name: 'policy',
    label: 'Policy',
    perform: (id: PolicyId) => app().setPolicy(id),
    history: 'record',
  },
  {
    name: 'mutation',
    label: 'Mutations',
    perform: (m: MutationId) => app().toggleMutation(m),
    history: 'record',
  },
  {
    name: 'speed',
    label: 'Speed',
    perform: (ticksPerSecond: number) => app().setSpeed(ticksPerSecond),
    history: 'never',
  },
  {
    name: 'goTo',
    label: 'Go to tick',
    perform: (t: number) => app().seek(t),
    history: 'never',
  },
  {
    name: 'import',
    label: 'Import .json file…',
    perform: (file: File) => void importFile(file),
    history: 'never',
  },
  {
    name: 'exportImage',
    label: 'Export picture…',
    description: 'Save the canvas at this tick as PNG or SVG, carrying the scenario',
    enabled: (s) => s.scenario !== null,
    perform: () => useExportDialog.getState().setOpen(true),
    history: 'never',
  },
  {
    name: 'copyMomentLink',
    label: 'Link to this moment',
    description: 'Copy a link that opens this scenario at this tick, with this selection',
    perform: () => void copyLink(momentUrl()),
    history: 'never',
  },
  {
    name: 'copyEmbedCode',
    label: 'Copy embed code',
    description: 'Copy an <iframe> that shows this scenario, at this tick, as a player in a design document',
    perform: () => void copyEmbedCode(),
    history: 'never',
  },
  {
    name: 'copyViolationLink',
    label: 'Copy link to this violation',
    perform: (index: number) => {
      const v = app().summary?.violations[index];
      if (v !== undefined) void copyLink(momentUrl({ t: v.t, sel: { kind: 'violation', index } }));
    },
    history: 'never',
  },
  {
    name: 'save',
    label: 'Save current scenario',
    perform: () => app().saveToLibrary(),
    history: 'never',
  },
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
