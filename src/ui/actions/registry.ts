// Every user command as a small object — name, label, shortcut, perform — in the style of
// Excalidraw's actions: the keyboard, the toolbar and the shortcut list all read this one table.
// Whether a command enters the undo history is decided by what it performs: document edits go
// through the store's `edit` (recorded), playback and view commands do not touch the document.

import { useApp } from '../../store/appStore';
import { copyLink, exportFile } from './share';
import { addDevice, addEndpoint, addRegion, deleteSelection } from './edits';

export interface Action {
  name: string;
  label: string;
  /** How the shortcut is written in the list. */
  keys: string;
  keyTest: (e: KeyboardEvent) => boolean;
  perform: (e?: KeyboardEvent) => void;
  /** Also active while presenting. */
  presenting?: boolean;
  /** Also active while typing in a field (Ctrl/Cmd shortcuts). */
  inFields?: boolean;
}

const app = () => useApp.getState();
const mod = (e: KeyboardEvent) => e.ctrlKey || e.metaKey;
const plain = (e: KeyboardEvent) => !mod(e) && !e.altKey;

export const ACTIONS: Action[] = [
  {
    name: 'undo',
    label: 'Undo',
    keys: 'Ctrl/⌘ + Z',
    keyTest: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'z',
    perform: () => app().undo(),
  },
  {
    name: 'redo',
    label: 'Redo',
    keys: 'Shift + Ctrl/⌘ + Z',
    keyTest: (e) => mod(e) && ((e.shiftKey && e.key.toLowerCase() === 'z') || e.key.toLowerCase() === 'y'),
    perform: () => app().redo(),
  },
  {
    name: 'playPause',
    label: 'Play / pause',
    keys: 'Space',
    keyTest: (e) => e.key === ' ' && plain(e),
    perform: () => (app().presenting ? app().caption(1) : app().togglePlay()),
    presenting: true,
  },
  {
    name: 'nextOp',
    label: 'Run to the next operation',
    keys: 'Ctrl + →',
    keyTest: (e) => e.key === 'ArrowRight' && (mod(e) || e.altKey),
    perform: () => app().step('op'),
  },
  {
    name: 'stepTick',
    label: 'Step one tick',
    keys: 'Shift + →',
    keyTest: (e) => e.key === 'ArrowRight' && e.shiftKey && !mod(e),
    perform: () => app().step('tick'),
  },
  {
    name: 'stepEvent',
    label: 'Step one event (presenting: run to the next caption)',
    keys: '→',
    keyTest: (e) => e.key === 'ArrowRight' && plain(e) && !e.shiftKey,
    perform: () => (app().presenting ? app().caption(1) : app().step('event')),
    presenting: true,
  },
  {
    name: 'back',
    label: 'Back one tick (Shift: ten; presenting: previous caption)',
    keys: '← / Shift + ←',
    keyTest: (e) => e.key === 'ArrowLeft' && !mod(e),
    perform: (e) => (app().presenting ? app().caption(-1) : app().seek(Math.max(0, Math.floor(app().clock) - (e?.shiftKey ? 10 : 1)))),
    presenting: true,
  },
  {
    name: 'home',
    label: 'Seek to the start',
    keys: 'Home',
    keyTest: (e) => e.key === 'Home',
    perform: () => app().seek(0),
    presenting: true,
  },
  {
    name: 'end',
    label: 'Seek to the end',
    keys: 'End',
    keyTest: (e) => e.key === 'End',
    perform: () => app().seek(app().horizon),
    presenting: true,
  },
  {
    name: 'copyLink',
    label: 'Copy a link to this scenario',
    keys: 'Ctrl/⌘ + Shift + L',
    keyTest: (e) => mod(e) && e.shiftKey && e.key.toLowerCase() === 'l',
    perform: () => void copyLink(),
  },
  {
    name: 'export',
    label: 'Export to a .json file',
    keys: 'Ctrl/⌘ + S',
    keyTest: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 's',
    perform: () => exportFile(),
    inFields: true,
  },
  {
    name: 'present',
    label: 'Present (captions, large type)',
    keys: 'P',
    keyTest: (e) => e.key.toLowerCase() === 'p' && plain(e),
    perform: () => app().setPresenting(true),
  },
  {
    name: 'addVm',
    label: 'Add a VM',
    keys: 'Shift + V',
    keyTest: (e) => e.shiftKey && !mod(e) && e.key.toLowerCase() === 'v',
    perform: () => addEndpoint('vm'),
  },
  {
    name: 'addSp',
    label: 'Add an SP',
    keys: 'Shift + S',
    keyTest: (e) => e.shiftKey && !mod(e) && e.key.toLowerCase() === 's',
    perform: () => addEndpoint('sp'),
  },
  {
    name: 'addDevice',
    label: 'Add a device',
    keys: 'Shift + D',
    keyTest: (e) => e.shiftKey && !mod(e) && e.key.toLowerCase() === 'd',
    perform: addDevice,
  },
  {
    name: 'addRegion',
    label: 'Add a memory region',
    keys: 'Shift + M',
    keyTest: (e) => e.shiftKey && !mod(e) && e.key.toLowerCase() === 'm',
    perform: addRegion,
  },
  {
    name: 'delete',
    label: 'Delete the selected VM, SP, device or region',
    keys: 'Delete',
    keyTest: (e) => (e.key === 'Delete' || e.key === 'Backspace') && !mod(e),
    perform: deleteSelection,
  },
  {
    name: 'shortcuts',
    label: 'Show or hide this list',
    keys: '?',
    keyTest: (e) => e.key === '?',
    perform: () => app().setShortcutsOpen(!app().shortcutsOpen),
  },
  {
    name: 'escape',
    label: 'Leave presenting, close this list, clear the selection',
    keys: 'Esc',
    keyTest: (e) => e.key === 'Escape',
    perform: () =>
      app().presenting ? app().setPresenting(false) : app().shortcutsOpen ? app().setShortcutsOpen(false) : app().select(null),
    presenting: true,
  },
];

/** Runs the action a key press names; false when none applies here (typing in a field, presenting). */
export function performKey(e: KeyboardEvent): boolean {
  const a = app();
  const inField = (e.target as HTMLElement | null)?.closest?.('input, textarea, select, [contenteditable="true"]') != null;
  for (const action of ACTIONS) {
    if (!action.keyTest(e)) continue;
    if (inField && !action.inFields) return false;
    if (a.presenting && !action.presenting) return false;
    if (e.key === ' ' && (e.target as HTMLElement | null)?.closest?.('button')) return false;
    action.perform(e);
    return true;
  }
  return false;
}

export function action(name: string): Action {
  return ACTIONS.find((a) => a.name === name)!;
}
