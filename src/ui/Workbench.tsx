// The app's frame: toolbar, the story strip over the canvas with the DMA overlay, the side panel
// (verdicts, the selection, the editor), timeline and log below. It composes; the panels and the store decide.

import { lazy, Suspense, useEffect } from 'react';
import { useApp } from '../store/appStore';
import { Canvas } from './canvas/Canvas';
import { Legend } from './canvas/Legend';
import { Toolbar } from './panels/Toolbar';
import { Timeline } from './panels/Timeline';
import { LogPanel } from './panels/LogPanel';
import { StoryStrip } from './panels/StoryStrip';
import { CounterexampleBanner } from './counterexample/CounterexampleBanner';
import { SidePanel } from './panels/SidePanel';
import { showSideTab } from './panels/sideTab';
import { Welcome } from './panels/Welcome';
import { Notice } from './panels/Notice';
import { Shortcuts } from './panels/Shortcuts';
import { ExportDialog } from './export/ExportDialog';
import { useKeyboard } from './panels/useKeyboard';
import { Presentation } from './panels/Presentation';
import { Announcer } from './panels/Announcer';
import { usePasteImport } from './actions/usePasteImport';
import { PrintSheet } from './print/PrintSheet';
import { useMatrix } from './matrix/matrixStore';
import { useCompare } from './compare/compareStore';
import { onPolicyEditorRequest } from './policy/openRequest';
import { useExploreOpen } from './explore/exploreOpen';

// The matrix view is loaded the first time it is opened.
const MatrixView = lazy(() => import('./matrix/MatrixView'));
// So is the Compare view.
const CompareView = lazy(() => import('./compare/CompareView'));
// And the Explore panel, with its worker pool.
const ExplorePanel = lazy(() => import('./explore/ExplorePanel'));
import './workbench.css';

/** `welcome`: the first-run card may show (not when a link opened the page: it names what to show). */
export function Workbench({ welcome = true }: { welcome?: boolean }) {
  const host = useApp((s) => s.host);
  const presenting = useApp((s) => s.presenting);
  const matrixOpen = useMatrix((s) => s.open);
  const compareOpen = useCompare((s) => s.open);
  const exploreOpen = useExploreOpen((s) => s.open);
  // "Edit policy…" in the toolbar opens the Edit tab (the editor then shows its Policy section).
  useEffect(() => onPolicyEditorRequest(() => showSideTab('edit')), []);
  useKeyboard();
  usePasteImport();
  return (
    <div className={`wb${presenting ? ' wb-presenting' : ''}`} data-host={host ?? ''}>
      <Toolbar />
      <div className="wb-main">
        {/* Over the canvas, under the toolbar: a message never covers the controls. */}
        <Notice />
        <div className="wb-stage">
          <CounterexampleBanner />
          <StoryStrip />
          <div className="wb-canvas">
            <Canvas />
            <Legend />
            {welcome && <Welcome onBuild={() => showSideTab('edit')} />}
          </div>
        </div>
        <SidePanel />
      </div>
      <div className="wb-bottom">
        <Timeline />
        <LogPanel />
      </div>
      <PrintSheet />
      {matrixOpen && (
        <Suspense fallback={null}>
          <MatrixView />
        </Suspense>
      )}
      {compareOpen && (
        <Suspense fallback={null}>
          <CompareView />
        </Suspense>
      )}
      {exploreOpen && (
        <Suspense fallback={null}>
          <ExplorePanel />
        </Suspense>
      )}
      <Presentation />
      <Shortcuts />
      <ExportDialog />
      <Announcer />
    </div>
  );
}
