// Build and edit: endpoints, devices, memory, the script, timing, the SMMU and captions. Every
// change is a labelled store edit: validated before it happens (refused with a message naming the
// field), and one step of undo.

import { useState } from 'react';
import { useApp } from '../../store/appStore';
import { TextField, NumberField, Select, Check } from './fields';
import { ScriptEditor } from './ScriptEditor';
import { ActionButton } from '../actions/ActionButton';
import { edit, rows, type Doc, type Row } from '../actions/edits';
import './editor.css';

const setField = (list: string, i: number, field: string, v: unknown, label: string) =>
  edit(label, (d) => {
    if (v === undefined) delete rows(d, list)[i][field];
    else rows(d, list)[i][field] = v;
  });

export function Editor() {
  const doc = useApp((s) => s.doc) as Doc | null;
  const [tab, setTab] = useState<'system' | 'script' | 'settings'>('system');
  if (doc === null) return null;
  return (
    <section className="ed" data-testid="editor">
      <div className="ed-tabs" role="tablist">
        {(['system', 'script', 'settings'] as const).map((t) => (
          <button key={t} role="tab" aria-selected={tab === t} onClick={() => setTab(t)}>
            {t === 'system' ? 'System' : t === 'script' ? 'Script' : 'Settings'}
          </button>
        ))}
      </div>
      {tab === 'system' && <SystemEditor doc={doc} />}
      {tab === 'script' && <ScriptEditor doc={doc} />}
      {tab === 'settings' && <SettingsEditor doc={doc} />}
    </section>
  );
}

function SystemEditor({ doc }: { doc: Doc }) {
  const endpoints = rows(doc, 'endpoints');
  const devices = rows(doc, 'devices');
  const memory = rows(doc, 'memory');
  const owners = endpoints.map((e) => e.id as string);
  return (
    <>
      <h4>Endpoints</h4>
      {endpoints.map((e, i) => (
        <div className="ed-row" key={e.id as string} data-testid="ed-endpoint">
          <b className="ed-id">{e.id as string}</b>
          <TextField
            label={`${e.id} name`}
            value={(e.name as string) ?? e.id}
            onCommit={(v) => setField('endpoints', i, 'name', v, `Rename ${e.id}`)}
          />
          <Select
            label={`${e.id} kind`}
            value={e.kind as string}
            options={['vm', 'sp']}
            onChange={(v) => setField('endpoints', i, 'kind', v, `${e.id} kind`)}
          />
          <NumberField
            label={`${e.id} VMID`}
            value={e.vmid as number}
            width={48}
            onCommit={(v) => setField('endpoints', i, 'vmid', v, `${e.id} VMID`)}
          />
          <button aria-label={`Delete ${e.id}`} onClick={() => edit(`Delete ${e.id}`, (d) => void rows(d, 'endpoints').splice(i, 1))}>
            ×
          </button>
        </div>
      ))}
      <div className="ed-add">
        <ActionButton name="addVm">+ VM</ActionButton>
        <ActionButton name="addSp">+ SP</ActionButton>
      </div>

      <h4>Devices</h4>
      {devices.map((x, i) => (
        <div className="ed-block" key={x.id as string} data-testid="ed-device">
          <div className="ed-row">
            <b className="ed-id">{x.id as string}</b>
            <TextField
              label={`${x.id} name`}
              value={(x.name as string) ?? x.id}
              onCommit={(v) => setField('devices', i, 'name', v, `Rename ${x.id}`)}
            />
            <button aria-label={`Delete ${x.id}`} onClick={() => edit(`Delete ${x.id}`, (d) => void rows(d, 'devices').splice(i, 1))}>
              ×
            </button>
          </div>
          <div className="ed-row">
            <span>owner</span>
            <Select
              label={`${x.id} owner`}
              value={(x.owner as string | null) ?? ''}
              options={[['', 'nobody'], ...owners.map((o) => [o, o] as [string, string])]}
              onChange={(v) => setField('devices', i, 'owner', v === '' ? null : v, `${x.id} owner`)}
            />
            <span>SIDs</span>
            <TextField
              label={`${x.id} streams`}
              mono
              width={70}
              value={(x.streams as number[]).join(', ')}
              onCommit={(v) =>
                setField(
                  'devices',
                  i,
                  'streams',
                  v
                    .split(/[\s,]+/)
                    .filter(Boolean)
                    .map(Number),
                  `${x.id} streams`,
                )
              }
            />
          </div>
          <div className="ed-row">
            <span>group</span>
            <TextField
              label={`${x.id} group`}
              width={70}
              value={(x.group as string) ?? x.id}
              onCommit={(v) => setField('devices', i, 'group', v, `${x.id} group`)}
            />
            <Select
              label={`${x.id} reset`}
              value={x.reset as string}
              options={['clean', 'ignores-reset', 'retries-after-reset']}
              onChange={(v) => setField('devices', i, 'reset', v, `${x.id} reset behaviour`)}
            />
          </div>
          <div className="ed-row">
            <Check label="ATS" value={x.ats as boolean} onChange={(v) => setField('devices', i, 'ats', v, `${x.id} ATS`)} />
            <span>max in flight</span>
            <NumberField
              label={`${x.id} maxOutstanding`}
              value={x.maxOutstanding as number}
              width={44}
              onCommit={(v) => setField('devices', i, 'maxOutstanding', v, `${x.id} max outstanding`)}
            />
          </div>
          {(x.ats as boolean) && (
            <div className="ed-row">
              <span title="What a function-level reset does to the ATC: flush (as PCIe requires) or keep (a non-compliant device)">
                ATC on reset
              </span>
              <Select
                label={`${x.id} atcOnReset`}
                value={(x.atcOnReset as string | undefined) ?? 'flush'}
                options={['flush', 'keep']}
                onChange={(v) => setField('devices', i, 'atcOnReset', v, `${x.id} ATC on reset`)}
              />
              <Select
                label={`${x.id} atsInvalidation`}
                value={(x.atsInvalidation as string | undefined) ?? 'completes'}
                options={['completes', 'times-out']}
                onChange={(v) => setField('devices', i, 'atsInvalidation', v, `${x.id} ATS invalidation`)}
              />
            </div>
          )}
        </div>
      ))}
      <div className="ed-add">
        <ActionButton name="addDevice">+ device</ActionButton>
      </div>

      <h4>Memory</h4>
      {memory.map((r, i) => (
        <div className="ed-block" key={r.id as string} data-testid="ed-region">
          <div className="ed-row">
            <b className="ed-id">{r.id as string}</b>
            <TextField
              label={`${r.id} name`}
              value={(r.name as string) ?? r.id}
              onCommit={(v) => setField('memory', i, 'name', v, `Rename ${r.id}`)}
            />
            <button aria-label={`Delete ${r.id}`} onClick={() => edit(`Delete ${r.id}`, (d) => void rows(d, 'memory').splice(i, 1))}>
              ×
            </button>
          </div>
          <div className="ed-row">
            <span>owner</span>
            <Select
              label={`${r.id} owner`}
              value={r.owner as string}
              options={[...owners, 'hyp']}
              onChange={(v) =>
                edit(`${r.id} owner`, (d) => {
                  const row = rows(d, 'memory')[i];
                  row.owner = v;
                  if (v === 'hyp') delete row.ipa;
                  else if (row.ipa === undefined) row.ipa = row.pa;
                })
              }
            />
            <span>pages</span>
            <NumberField
              label={`${r.id} pages`}
              value={r.pages as number}
              width={48}
              onCommit={(v) => setField('memory', i, 'pages', v, `${r.id} pages`)}
            />
            <Check label="secret" value={r.secret as boolean} onChange={(v) => setField('memory', i, 'secret', v, `${r.id} secret`)} />
          </div>
          <div className="ed-row">
            <span>PA</span>
            <TextField
              label={`${r.id} PA`}
              mono
              width={100}
              value={r.pa as string}
              onCommit={(v) => setField('memory', i, 'pa', v.trim(), `${r.id} PA`)}
            />
            {r.owner !== 'hyp' && (
              <>
                <span>IPA</span>
                <TextField
                  label={`${r.id} IPA`}
                  mono
                  width={100}
                  value={(r.ipa as string) ?? (r.pa as string)}
                  onCommit={(v) => setField('memory', i, 'ipa', v.trim(), `${r.id} IPA`)}
                />
              </>
            )}
          </div>
        </div>
      ))}
      <div className="ed-add">
        <ActionButton name="addRegion">+ region</ActionButton>
      </div>
    </>
  );
}

function SettingsEditor({ doc }: { doc: Doc }) {
  const timing = doc.timing as Row;
  const smmu = doc.smmu as Row;
  const policy = doc.policy as Row;
  const captions = rows(doc, 'captions');
  const setIn = (obj: string, key: string, v: unknown) => edit(`${obj}.${key}`, (d) => void ((d[obj] as Row)[key] = v));
  const range = (v: string) =>
    v
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
  return (
    <>
      <h4>Scenario</h4>
      <div className="ed-row">
        <span>title</span>
        <TextField label="title" value={doc.title as string} onCommit={(v) => edit('Title', (d) => void (d.title = v))} />
      </div>
      <div className="ed-row">
        <span>description</span>
        <TextField
          label="description"
          value={doc.description as string}
          onCommit={(v) => edit('Description', (d) => void (d.description = v))}
        />
      </div>
      <div className="ed-row">
        <span>seed</span>
        <NumberField label="seed" value={doc.seed as number} width={90} onCommit={(v) => edit('Seed', (d) => void (d.seed = v))} />
        <Check label="dmaCoupled (pKVM)" value={policy.dmaCoupled as boolean} onChange={(v) => setIn('policy', 'dmaCoupled', v)} />
      </div>
      <h4>Timing (ticks)</h4>
      <div className="ed-grid">
        {Object.entries(timing).map(([k, v]) => (
          <label key={k}>
            <span>{k}</span>
            {Array.isArray(v) ? (
              <TextField
                label={`timing.${k}`}
                mono
                width={64}
                value={(v as number[]).join(', ')}
                onCommit={(x) => setIn('timing', k, range(x))}
              />
            ) : (
              <NumberField label={`timing.${k}`} value={v as number} width={52} onCommit={(x) => setIn('timing', k, x)} />
            )}
          </label>
        ))}
      </div>
      <h4>SMMU</h4>
      <div className="ed-grid">
        <Check label="enabled" value={smmu.enabled as boolean} onChange={(v) => setIn('smmu', 'enabled', v)} />
        <Check label="atsCheck" value={smmu.atsCheck as boolean} onChange={(v) => setIn('smmu', 'atsCheck', v)} />
        <Check label="recCfgAts" value={(smmu.recCfgAts as boolean | undefined) ?? false} onChange={(v) => setIn('smmu', 'recCfgAts', v)} />
        <label>
          <span>GBPA</span>
          <Select label="smmu.gbpa" value={smmu.gbpa as string} options={['abort', 'bypass']} onChange={(v) => setIn('smmu', 'gbpa', v)} />
        </label>
        <label>
          <span>unassigned</span>
          <Select
            label="smmu.unassigned"
            value={smmu.unassigned as string}
            options={['abort', 'bypass']}
            onChange={(v) => setIn('smmu', 'unassigned', v)}
          />
        </label>
        <label>
          <span>event queue</span>
          <NumberField
            label="smmu.eventQueue"
            value={smmu.eventQueue as number}
            width={52}
            onCommit={(v) => setIn('smmu', 'eventQueue', v)}
          />
        </label>
        <label>
          <span>retention</span>
          <TextField
            label="smmu.cacheRetention"
            mono
            width={90}
            value={smmu.cacheRetention as string}
            onCommit={(v) => setIn('smmu', 'cacheRetention', v.trim())}
          />
        </label>
        <label>
          <span>freed tables</span>
          <Select
            label="smmu.freedTables"
            value={(smmu.freedTables as string | undefined) ?? 'stale'}
            options={['stale', 'zeroed', 'reused', 'protected']}
            onChange={(v) => setIn('smmu', 'freedTables', v)}
          />
        </label>
      </div>
      <h4>Captions</h4>
      {captions.map((c, i) => (
        <div className="ed-row" key={i} data-testid="ed-caption">
          <NumberField
            label={`caption ${i + 1} tick`}
            value={c.at as number}
            width={52}
            onCommit={(v) => edit('Move caption', (d) => void (rows(d, 'captions')[i].at = v))}
          />
          <TextField
            label={`caption ${i + 1} text`}
            value={c.text as string}
            onCommit={(v) => edit('Edit caption', (d) => void (rows(d, 'captions')[i].text = v))}
          />
          <button
            aria-label={`Delete caption ${i + 1}`}
            onClick={() => edit('Delete caption', (d) => void rows(d, 'captions').splice(i, 1))}
          >
            ×
          </button>
        </div>
      ))}
      <div className="ed-add">
        <button
          onClick={() =>
            edit('Add caption', (d) => void rows(d, 'captions').push({ at: Math.floor(useApp.getState().clock), text: 'New caption' }))
          }
        >
          + caption at the playhead
        </button>
      </div>
    </>
  );
}
