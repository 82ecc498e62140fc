// "Arrange in columns" (a canvas control): wraps a large system's tall columns so the whole system
// fits the pane (columnLayout in layout.ts), as one undoable edit of the scenario's layout, then
// fits the view to it.

import { ControlButton, useReactFlow } from '@xyflow/react';
import { useApp } from '../../store/appStore';
import { columnLayout } from './layout';

export function ArrangeButton() {
  const flow = useReactFlow();
  const arrange = () => {
    const { scenario, placeNodes } = useApp.getState();
    if (scenario === null) return;
    placeNodes(columnLayout(scenario), 'Arrange in columns');
    // The canvas rebuilds its nodes from the new layout when it next renders; fit once it has.
    requestAnimationFrame(() => requestAnimationFrame(() => void flow.fitView({ padding: 0.12 })));
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
