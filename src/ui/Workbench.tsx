// The app's frame: toolbar, canvas with the DMA overlay, verdicts / inspector / live operations on
// the side, timeline and log below. It composes; the panels and the store decide.

import { useApp } from '../store/appStore';
import { Canvas } from './canvas/Canvas';
import { Toolbar } from './panels/Toolbar';
import { Timeline } from './panels/Timeline';
import { Verdicts } from './panels/Verdicts';
import { LogPanel } from './panels/LogPanel';
import { Inspector } from './panels/Inspector';
import { LiveOps } from './panels/LiveOps';
import { Notice } from './panels/Notice';
import { Shortcuts } from './panels/Shortcuts';
import { useKeyboard } from './panels/useKeyboard';
import './workbench.css';

export function Workbench() {
  const host = useApp((s) => s.host);
  useKeyboard();
  return (
    <div className="wb" data-host={host ?? ''}>
      <Toolbar />
      <div className="wb-main">
        <div className="wb-canvas">
          <Canvas />
        </div>
        <aside className="wb-side">
          <Verdicts />
          <Inspector />
          <LiveOps />
        </aside>
      </div>
      <div className="wb-bottom">
        <Timeline />
        <LogPanel />
      </div>
      <Notice />
      <Shortcuts />
    </div>
  );
}
