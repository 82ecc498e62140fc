// The minimap control: shows or hides the minimap (minimap.ts).

import { ControlButton } from '@xyflow/react';
import { chooseMinimap } from './minimap';

export function MinimapButton({ shown }: { shown: boolean }) {
  const label = shown ? 'Hide minimap' : 'Show minimap';
  return (
    <ControlButton onClick={() => chooseMinimap(!shown)} title={label} aria-label={label} aria-pressed={shown} data-testid="minimap-toggle">
      <svg viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.4" aria-hidden="true">
        <rect x="1.5" y="3" width="13" height="10" rx="1" />
        <rect x="8" y="8" width="5" height="3.5" fill="currentColor" stroke="none" />
      </svg>
    </ControlButton>
  );
}
