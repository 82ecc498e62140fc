// Undo and redo, as commands: the keys and the toolbar's buttons, whose tooltips name the step.
// Neither enters the history itself.

import { app, mod } from './keys';
import type { ActionSpec } from './registry';

export const UNDO_REDO = [
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
] as const satisfies readonly ActionSpec[];
