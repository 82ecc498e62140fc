// The shortcut list's own key, and Esc: it leaves presenting, closes the list, or clears the
// selection, the first that applies.

import { app } from './keys';
import type { ActionSpec } from './registry';

export const LIST_AND_ESCAPE = [
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
] as const satisfies readonly ActionSpec[];
