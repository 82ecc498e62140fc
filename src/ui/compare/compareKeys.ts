// The keys of the Compare view, which owns the keyboard while it is open: they move the shared
// playhead of the two runs, as the same keys move the workbench's.

import type { Runs } from './useRuns';

/** Acts on `e` for the Compare view's runs; true when the key is one of its own. */
export function compareKey(e: KeyboardEvent, runs: Pick<Runs, 'playing' | 'play' | 'pause' | 'step' | 'seek'>, horizon: number): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return false;
  switch (e.key) {
    case ' ':
      if (runs.playing) runs.pause();
      else runs.play();
      return true;
    case 'ArrowLeft':
      runs.step(true);
      return true;
    case 'ArrowRight':
      runs.step(false);
      return true;
    case 'Home':
      runs.seek(0);
      return true;
    case 'End':
      runs.seek(horizon);
      return true;
    default:
      return false;
  }
}
