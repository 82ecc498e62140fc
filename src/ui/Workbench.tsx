// The app's frame: toolbar, canvas with the DMA overlay, verdicts / inspector / live operations on
// the side, timeline and log below. It composes; the panels and the store decide.

import { useState } from 'react';
import { useApp } from '../store/appStore';
import { Editor } from './editor/Editor';
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
import { Presentation } from './panels/Presentation';
import { Announcer } from './panels/Announcer';
import { usePasteImport } from './actions/usePasteImport';
import './workbench.css';

export function Workbench() {
  const host = useApp((s) => s.host);
  const presenting = useApp((s) => s.presenting);
  const [side, setSide] = useState<'run' | 'edit'>('run');
  useKeyboard();
  usePasteImport();
  return (
    <div className={`wb${presenting ? ' wb-presenting' : ''}`} data-host={host ?? ''}>
      <Toolbar />
      <div className="wb-main">
        {/* Over the canvas, under the toolbar: a message never covers the controls. */}
        <Notice />
        <div className="wb-canvas">
          <Canvas />
        </div>
        <aside className="wb-side">
          <div className="wb-tabs" role="tablist" aria-label="Side panel">
            <button role="tab" aria-selected={side === 'run'} onClick={() => setSide('run')}>
              Run
            </button>
            <button role="tab" aria-selected={side === 'edit'} onClick={() => setSide('edit')}>
              Edit
            </button>
          </div>
          {side === 'run' ? (
            <>
              <Verdicts />
              <Inspector />
              <LiveOps />
            </>
          ) : (
            <Editor />
          )}
        </aside>
      </div>
      <div className="wb-bottom">
        <Timeline />
        <LogPanel />
      </div>
      <Presentation />
      <Shortcuts />
      <Announcer />
    </div>
  );
}
