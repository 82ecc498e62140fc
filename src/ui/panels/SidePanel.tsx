// The side panel: three tabs — Verdicts (every invariant and hand-over), Selection (the live actions
// and the inspector of what is selected) and Edit — and a button that collapses it to a thin bar,
// remembered across reloads. Selecting something switches to Selection, so its live actions are in
// view at once. Verdicts and Selection stay mounted while hidden: they are cheap, and a tab comes
// back as it was left (scroll, a half-filled operation).

import { useEffect } from 'react';
import { showSideTab, useSideTab, type SideTab } from './sideTab';
import { useApp } from '../../store/appStore';
import { usePrefs } from '../../store/prefs';
import { Editor } from '../editor/Editor';
import { Verdicts } from './Verdicts';
import { Inspector } from './Inspector';
import { LiveOps } from './LiveOps';
import './side.css';

const TABS: { id: SideTab; label: string }[] = [
  { id: 'verdicts', label: 'Verdicts' },
  { id: 'selection', label: 'Selection' },
  { id: 'edit', label: 'Edit' },
];

export function SidePanel() {
  const collapsed = usePrefs((p) => p.sideCollapsed);
  const setPref = usePrefs((p) => p.setPref);
  const tab = useSideTab((s) => s.tab);
  const onTab = showSideTab;
  // A new selection shows its tab, and so does one a link opened with before the panel was there.
  useEffect(() => {
    if (useApp.getState().selection !== null) showSideTab('selection');
    return useApp.subscribe((s, prev) => {
      if (s.selection !== prev.selection && s.selection !== null) showSideTab('selection');
    });
  }, []);

  if (collapsed)
    return (
      <aside className="wb-side wb-side-collapsed" data-testid="side-panel" data-collapsed="true">
        <button
          className="sd-toggle"
          aria-label="Show the side panel"
          title="Show the side panel"
          onClick={() => setPref('sideCollapsed', false)}
        >
          ‹
        </button>
      </aside>
    );
  return (
    <aside className="wb-side" data-testid="side-panel" data-collapsed="false">
      <div className="wb-tabs sd-tabs" role="tablist" aria-label="Side panel">
        {TABS.map((t) => (
          <button
            key={t.id}
            role="tab"
            id={`side-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`side-${t.id}`}
            onClick={() => onTab(t.id)}
          >
            {t.label}
          </button>
        ))}
        <button
          className="sd-toggle"
          aria-label="Hide the side panel"
          title="Hide the side panel"
          onClick={() => setPref('sideCollapsed', true)}
        >
          ›
        </button>
      </div>
      <div role="tabpanel" id="side-verdicts" aria-labelledby="side-tab-verdicts" hidden={tab !== 'verdicts'}>
        <Verdicts />
      </div>
      <div role="tabpanel" id="side-selection" aria-labelledby="side-tab-selection" hidden={tab !== 'selection'}>
        <LiveOps />
        <Inspector />
      </div>
      {tab === 'edit' && (
        <div role="tabpanel" id="side-edit" aria-labelledby="side-tab-edit">
          <Editor />
        </div>
      )}
    </aside>
  );
}
