// The keyboard: every shortcut comes from the actions table (src/ui/actions/registry.ts). Keys
// typed into a field stay in the field, except the few Ctrl/⌘ commands that say otherwise.

import { useEffect } from 'react';
import { performKey } from '../actions/registry';

export function useKeyboard(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (performKey(e)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
