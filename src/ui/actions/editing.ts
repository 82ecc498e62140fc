// The editor's commands with a shortcut: adding a VM, SP, device or memory region, and deleting
// the selection. Each is a document edit and enters the undo history.

import { addDevice, addEndpoint, addRegion, deleteSelection } from './edits';
import { mod } from './keys';
import type { ActionSpec } from './registry';

export const EDITING = [
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
] as const satisfies readonly ActionSpec[];
