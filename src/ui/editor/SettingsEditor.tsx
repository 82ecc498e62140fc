// The Settings section of the editor: the scenario's title, description and seed, its timing, the
// SMMU's options, and its captions (CaptionsEditor.tsx).

import { TextField, NumberField, Select, Check } from './fields';
import { edit, type Doc } from '../actions/edits';
import { CaptionsEditor } from './CaptionsEditor';
import { DEFAULTS, TIMING_KEYS, setPolicyField, setRange, setSmmu, setTiming } from './docEdits';

export function SettingsEditor({ doc }: { doc: Doc }) {
  const timing = { ...DEFAULTS.timing, ...doc.timing };
  const smmu = { ...DEFAULTS.smmu, ...doc.smmu };
  const policy = { ...DEFAULTS.policy, ...doc.policy };
  return (
    <>
      <h4>Scenario</h4>
      <div className="ed-row">
        <span>title</span>
        <TextField label="title" value={doc.title ?? DEFAULTS.title} onCommit={(v) => edit('Title', (d) => void (d.title = v))} />
      </div>
      <div className="ed-row">
        <span>description</span>
        <TextField
          label="description"
          value={doc.description ?? DEFAULTS.description}
          onCommit={(v) => edit('Description', (d) => void (d.description = v))}
        />
      </div>
      <div className="ed-row">
        <span>seed</span>
        <NumberField label="seed" value={doc.seed ?? DEFAULTS.seed} width={90} onCommit={(v) => edit('Seed', (d) => void (d.seed = v))} />
        <Check label="dmaCoupled (pKVM)" value={policy.dmaCoupled} onChange={(v) => setPolicyField('dmaCoupled', v)} />
      </div>
      <h4>Timing (ticks)</h4>
      <div className="ed-grid">
        {TIMING_KEYS.map((k) => {
          const v = timing[k];
          return (
            <label key={k}>
              <span>{k}</span>
              {Array.isArray(v) ? (
                <TextField label={`timing.${k}`} mono width={64} value={v.join(', ')} onCommit={(x) => setRange(k, x)} />
              ) : (
                <NumberField label={`timing.${k}`} value={v} width={52} onCommit={(x) => setTiming(k, x)} />
              )}
            </label>
          );
        })}
      </div>
      <h4>SMMU</h4>
      <div className="ed-grid">
        <Check label="enabled" value={smmu.enabled} onChange={(v) => setSmmu('enabled', v)} />
        <Check label="atsCheck" value={smmu.atsCheck} onChange={(v) => setSmmu('atsCheck', v)} />
        <Check label="recCfgAts" value={smmu.recCfgAts} onChange={(v) => setSmmu('recCfgAts', v)} />
        <label>
          <span>GBPA</span>
          <Select label="smmu.gbpa" value={smmu.gbpa} options={['abort', 'bypass']} onChange={(v) => setSmmu('gbpa', v)} />
        </label>
        <label>
          <span>unassigned</span>
          <Select
            label="smmu.unassigned"
            value={smmu.unassigned}
            options={['abort', 'bypass']}
            onChange={(v) => setSmmu('unassigned', v)}
          />
        </label>
        <label>
          <span>event queue</span>
          <NumberField label="smmu.eventQueue" value={smmu.eventQueue} width={52} onCommit={(v) => setSmmu('eventQueue', v)} />
        </label>
        <label>
          <span>retention</span>
          <TextField
            label="smmu.cacheRetention"
            mono
            width={90}
            value={smmu.cacheRetention}
            onCommit={(v) => setSmmu('cacheRetention', v.trim())}
          />
        </label>
        <label>
          <span>freed tables</span>
          <Select
            label="smmu.freedTables"
            value={smmu.freedTables}
            options={['stale', 'zeroed', 'reused', 'protected']}
            onChange={(v) => setSmmu('freedTables', v)}
          />
        </label>
      </div>
      <CaptionsEditor doc={doc} />
    </>
  );
}
