// "Arrange in columns" (a canvas control): wraps a large system's tall columns so the whole system
// fits the pane (columnLayout in layout.ts), as one undoable edit of the scenario's layout, then
// fits the view to it, clear of the minimap (fitClear.ts).

import { ControlButton, useStoreApi } from '@xyflow/react';
import { useApp } from '../../store/appStore';
import { columnLayout } from './layout';
import { useFitClear } from './fitClear';

export function ArrangeButton() {
  const fitView = useFitClear();
  const store = useStoreApi();
  const arrange = () => {
    const { scenario, placeNodes } = useApp.getState();
    if (scenario === null) return;
    const layout = columnLayout(scenario);
    placeNodes(layout, 'Arrange in columns');
    // The canvas rebuilds its nodes from the new layout when it next renders: fit once React Flow
    // holds them at their new places and has measured them (the fit keeps clear of the minimap by
    // where they are and how large).
    const placed = () =>
      [...store.getState().nodeLookup.values()].every((n) => {
        const at = layout[n.id];
        return (at === undefined || (n.position.x === at[0] && n.position.y === at[1])) && n.measured.width && n.measured.height;
      });
    let frames = 0;
    const fitWhenPlaced = () => (placed() || ++frames > 60 ? fitView() : requestAnimationFrame(fitWhenPlaced));
    requestAnimationFrame(fitWhenPlaced);
  };
  return (
    <ControlButton onClick={arrange} title="Arrange in columns" aria-label="Arrange in columns">
      <svg viewBox="0 0 16 16" aria-hidden="true">
        <rect x="1" y="2" width="4" height="5" />
        <rect x="1" y="9" width="4" height="5" />
        <rect x="6" y="2" width="4" height="5" />
        <rect x="6" y="9" width="4" height="5" />
        <rect x="11" y="2" width="4" height="5" />
        <rect x="11" y="9" width="4" height="5" />
      </svg>
    </ControlButton>
  );
}
