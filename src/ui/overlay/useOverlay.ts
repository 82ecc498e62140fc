// The overlay's controller (controller.ts) under React: created when the holder mounts (with the
// engine session's frames), fed React
// Flow's viewport and nodes and the app's scenario, regions and selection as they change, and
// destroyed on unmount. The stores are followed by subscription, not by rendering: a pan or a new
// frame renders no component.

import { useEffect, type RefObject } from 'react';
import { useStoreApi, type ReactFlowState } from '@xyflow/react';
import { useApp, type AppState } from '../../store/appStore';
import { OverlayController, type OverlayInputs } from './controller';

export function useOverlay(holder: RefObject<HTMLElement | null>): void {
  const flow = useStoreApi();
  const session = useApp((s) => s.session);
  useEffect(() => {
    const el = holder.current;
    if (el === null || session === null) return;
    const frames = {
      get latest() {
        return session.frames.latest;
      },
      subscribe: (cb: Parameters<typeof session.frames.subscribe>[0]) => session.frames.subscribe(cb),
      attachPainter: (connect: (port: MessagePort) => void) => session.attachPainter(connect),
    };
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
  }, [flow, holder, session]);
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
