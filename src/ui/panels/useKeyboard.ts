// Keyboard: space play/pause, arrows step, Home/End, `?` for the list. Keys typed into a field are
// left alone.

import { useEffect } from 'react';
import { useApp } from '../../store/appStore';

export const SHORTCUTS: [string, string][] = [
  ['Space', 'play / pause'],
  ['→', 'step one event'],
  ['Shift + →', 'step one tick'],
  ['Ctrl + →', 'run to the next operation'],
  ['←', 'back one tick'],
  ['Shift + ←', 'back ten ticks'],
  ['Home / End', 'seek to the start / end'],
  ['?', 'show or hide this list'],
  ['Esc', 'close this list, clear the selection'],
];

export function useKeyboard(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (t.closest('input, textarea, select, [contenteditable="true"]') !== null)) return;
      const a = useApp.getState();
      const now = Math.floor(a.clock);
      switch (e.key) {
        case ' ':
          if (t?.closest('button')) return;
          a.togglePlay();
          break;
        case 'ArrowRight':
          a.step(e.ctrlKey || e.metaKey || e.altKey ? 'op' : e.shiftKey ? 'tick' : 'event');
          break;
        case 'ArrowLeft':
          a.seek(Math.max(0, now - (e.shiftKey ? 10 : 1)));
          break;
        case 'Home':
          a.seek(0);
          break;
        case 'End':
          a.seek(a.horizon);
          break;
        case '?':
          a.setShortcutsOpen(!a.shortcutsOpen);
          break;
        case 'Escape':
          if (a.shortcutsOpen) a.setShortcutsOpen(false);
          else a.select(null);
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
