// Build and edit: the editor's tabs — the system (SystemEditor.tsx), the script (ScriptEditor.tsx),
// the policy (src/ui/policy, loaded when first opened) and the settings with the captions
// (SettingsEditor.tsx). Every change is a labelled store edit: validated before it happens (refused
// with a message naming the field), and one step of undo.

import { lazy, Suspense } from 'react';
import { useApp } from '../../store/appStore';
import { ScriptEditor } from './ScriptEditor';
import { SystemEditor } from './SystemEditor';
import { SettingsEditor } from './SettingsEditor';
import { useEditSection, type EditSection } from '../policy/openRequest';
import './editor.css';

/** The policy editor is loaded when its section is first opened. */
const PolicyEditor = lazy(() => import('../policy/PolicyEditor'));

export function Editor() {
  const doc = useApp((s) => s.doc);
  const tab = useEditSection((s) => s.section);
  const setTab = (section: EditSection) => useEditSection.setState({ section });
  if (doc === null) return null;
  return (
    <section className="ed" data-testid="editor">
      <div className="ed-tabs" role="tablist">
        {(['system', 'script', 'policy', 'settings'] as const).map((t) => (
          <button key={t} role="tab" aria-selected={tab === t} onClick={() => setTab(t)}>
            {t === 'system' ? 'System' : t === 'script' ? 'Script' : t === 'policy' ? 'Policy' : 'Settings'}
          </button>
        ))}
      </div>
      {tab === 'system' && <SystemEditor doc={doc} />}
      {tab === 'script' && <ScriptEditor doc={doc} />}
      {tab === 'policy' && (
        <Suspense fallback={<p>Loading the policy editor…</p>}>
          <PolicyEditor />
        </Suspense>
      )}
      {tab === 'settings' && <SettingsEditor doc={doc} />}
    </section>
  );
}
