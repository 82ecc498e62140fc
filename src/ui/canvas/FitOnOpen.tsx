// Opening another scenario (the gallery, My scenarios, a file, a link) shows all of it: the view
// is fitted to its nodes once React Flow has measured every one of them. Without this the view
// stayed where the previous scenario had it — after the stress scenario, at 15 % zoom, with a
// small system's nodes off the pane. Edits of the open scenario keep the view.

import { useEffect, useRef } from 'react';
import { useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import { useApp } from '../../store/appStore';
import type { Scenario } from '../../sim/model/scenario';
import { SMMU_ID } from './layout';

/** The ids of the nodes React Flow holds, sorted, when it has measured all of them; '' otherwise. */
const measuredIds = (s: ReactFlowState): string => {
  const ids: string[] = [];
  for (const n of s.nodeLookup.values()) {
    if (!n.measured.width || !n.measured.height) return '';
    ids.push(n.id);
  }
  return ids.sort().join('\n');
};

/** The ids of a scenario's nodes (graph.ts), sorted. */
const idsOf = (s: Scenario): string =>
  [...s.endpoints.map((e) => e.id), ...s.devices.map((d) => d.id), SMMU_ID, ...s.memory.map((r) => r.id)].sort().join('\n');

export function FitOnOpen() {
  const scenario = useApp((s) => s.scenario);
  const opened = useApp((s) => s.opened);
  const measured = useStore(measuredIds);
  const { fitView } = useReactFlow();
  const fitted = useRef<Scenario | null>(null);
  useEffect(() => {
    // Only once the canvas holds the opened scenario's own nodes, all measured: React Flow's own
    // fitView fits as soon as the first of them are.
    if (opened === null || scenario !== opened || fitted.current === opened || measured !== idsOf(opened)) return;
    fitted.current = opened;
    void fitView({ padding: 0.12 });
  }, [scenario, opened, measured, fitView]);
  return null;
}
