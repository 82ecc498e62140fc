// The keyboard: every shortcut comes from the actions table (src/ui/actions/registry.ts). Keys
// typed into a field stay in the field, except the few Ctrl/⌘ commands that say otherwise; while
// a view covers the workbench and owns the keys (keyOwner.ts), they go to it instead.

import { useEffect } from 'react';
import { performKey } from '../actions/registry';
import { keysOwned } from './keyOwner';

export function useKeyboard(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (keysOwned(e)) return;
      if (performKey(e)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
