// Opening another scenario (the gallery, My scenarios, a file, a link) shows all of it: the view
// is fitted to its nodes once React Flow has measured every one of them. Without this the view
// stayed where the previous scenario had it — after the stress scenario, at 15 % zoom, with a
// small system's nodes off the pane. Edits of the open scenario keep the view. The fit keeps the
// system clear of the minimap (fitClear.ts).

import { useCallback, useEffect, useRef } from 'react';
import { useStore, type ReactFlowState } from '@xyflow/react';
import { useApp } from '../../store/appStore';
import type { Scenario } from '../../sim';
import { nodeIdsOf } from './graph';
import { useFitClear } from './fitClear';

/** The ids of the nodes React Flow holds, sorted, when it has measured all of them; '' otherwise. */
const measuredIds = (s: ReactFlowState): string => {
  const ids: string[] = [];
  for (const n of s.nodeLookup.values()) {
    if (!n.measured.width || !n.measured.height) return '';
    ids.push(n.id);
  }
  return ids.sort().join('\n');
};

export function FitOnOpen() {
  const scenario = useApp((s) => s.scenario);
  const opened = useApp((s) => s.opened);
  const fitView = useFitClear();
  const fitted = useRef<Scenario | null>(null);
  // React Flow's store changes on every frame of a pan: its nodes are looked at only while a fit
  // is due (once the canvas holds the opened scenario itself, until it has been fitted).
  const due = opened !== null && scenario === opened;
  const measured = useStore(useCallback((s: ReactFlowState) => (due && fitted.current !== opened ? measuredIds(s) : ''), [due, opened]));
  useEffect(() => {
    // Only once React Flow holds the opened scenario's own nodes, all measured: its own fitView
    // fits as soon as the first of them are.
    if (!due || fitted.current === opened || measured !== nodeIdsOf(opened).sort().join('\n')) return;
    fitted.current = opened;
    fitView();
  }, [due, opened, measured, fitView]);
  return null;
}
