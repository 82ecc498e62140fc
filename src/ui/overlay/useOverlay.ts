// The overlay's controller (controller.ts) under React: created when the holder mounts, fed React
// Flow's viewport and nodes and the app's scenario, regions and selection as they change, and
// destroyed on unmount. The stores are followed by subscription, not by rendering: a pan or a new
// frame renders no component.

import { useEffect, type RefObject } from 'react';
import { useStoreApi, type ReactFlowState } from '@xyflow/react';
import { frames, useApp, type AppState } from '../../store/appStore';
import { OverlayController, type OverlayInputs } from './controller';

export function useOverlay(holder: RefObject<HTMLElement | null>): void {
  const flow = useStoreApi();
  useEffect(() => {
    const el = holder.current;
    if (el === null) return;
    const overlay = new OverlayController(el, { root: () => flow.getState().domNode, frames });
    const update = () => overlay.update(inputs(flow.getState(), useApp.getState()));
    update();
    const offFlow = flow.subscribe(update);
    const offApp = useApp.subscribe(update);
    return () => {
      offApp();
      offFlow();
      overlay.destroy();
    };
  }, [flow, holder]);
}

function inputs(f: ReactFlowState, a: AppState): OverlayInputs {
  return {
    transform: f.transform,
    nodes: f.nodes,
    nodeLookup: f.nodeLookup,
    scenario: a.scenario,
    regions: a.view?.regions ?? null,
    selectedTxn: a.selection?.kind === 'txn' ? a.selection.id : -1,
  };
}
