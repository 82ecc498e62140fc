// Build and edit: endpoints, devices, memory, the script, the policy, timing, the SMMU and captions. Every
// change is a labelled store edit: validated before it happens (refused with a message naming the
// field), and one step of undo.

import { lazy, Suspense } from 'react';
import { useApp } from '../../store/appStore';
import { currentCamera } from '../canvas/viewBridge';
import { documentSchema } from '../../scenario/schema';
import { TextField, NumberField, Select, Check } from './fields';
import { ScriptEditor } from './ScriptEditor';
import { ActionButton } from '../actions/ActionButton';
import { edit, type Doc } from '../actions/edits';
import { useEditSection, type EditSection } from '../policy/openRequest';
import './editor.css';

/** The policy editor is loaded when its section is first opened. */
const PolicyEditor = lazy(() => import('../policy/PolicyEditor'));

/** What a document leaves out is the schema's default (docs/scenario-format.md). */
const DEFAULTS = documentSchema.pick({ title: true, description: true, seed: true, timing: true, smmu: true, policy: true }).parse({});
const TIMING_KEYS = documentSchema.shape.timing.unwrap().keyof().options;

type Timing = NonNullable<Doc['timing']>;
type Smmu = NonNullable<Doc['smmu']>;
type Policy = NonNullable<Doc['policy']>;

/**
 * Sets one field of a row (an endpoint, a device, a region, a caption) to what the user entered;
 * the edit's validation judges the value.
 */
function setField<R extends object, K extends keyof R & string>(row: (d: Doc) => R | undefined, field: K, v: R[K], label: string) {
  edit(label, (d) => {
    const r = row(d);
    if (r !== undefined) r[field] = v;
  });
}
const setTiming = <K extends keyof Timing & string>(k: K, v: Timing[K]) => edit(`timing.${k}`, (d) => void ((d.timing ??= {})[k] = v));
const setSmmu = <K extends keyof Smmu & string>(k: K, v: Smmu[K]) => edit(`smmu.${k}`, (d) => void ((d.smmu ??= {})[k] = v));
const setPolicyField = <K extends keyof Policy & string>(k: K, v: Policy[K]) => edit(`policy.${k}`, (d) => void ((d.policy ??= {})[k] = v));

/** A range typed as "least, most". */
function setRange(k: keyof Timing & string, text: string) {
  const n = text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);
  if (n.length === 2) setTiming(k, [n[0], n[1]]);
  else useApp.getState().setNotice({ kind: 'error', text: `timing.${k}: refused — expected two numbers, the least and the most` });
}

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

function SystemEditor({ doc }: { doc: Doc }) {
  const endpoints = doc.endpoints;
  const devices = doc.devices ?? [];
  const memory = doc.memory ?? [];
  const owners = endpoints.map((e) => e.id);
  return (
    <>
      <h4>Endpoints</h4>
      {endpoints.map((e, i) => {
        const endpoint = (d: Doc) => d.endpoints[i];
        return (
          <div className="ed-row" key={e.id} data-testid="ed-endpoint">
            <b className="ed-id">{e.id}</b>
            <TextField label={`${e.id} name`} value={e.name ?? e.id} onCommit={(v) => setField(endpoint, 'name', v, `Rename ${e.id}`)} />
            <Select
              label={`${e.id} kind`}
              value={e.kind ?? 'vm'}
              options={['vm', 'sp']}
              onChange={(v) => setField(endpoint, 'kind', v, `${e.id} kind`)}
            />
            <NumberField label={`${e.id} VMID`} value={e.vmid} width={48} onCommit={(v) => setField(endpoint, 'vmid', v, `${e.id} VMID`)} />
            <button aria-label={`Delete ${e.id}`} onClick={() => edit(`Delete ${e.id}`, (d) => void d.endpoints.splice(i, 1))}>
              ×
            </button>
          </div>
        );
      })}
      <div className="ed-add">
        <ActionButton name="addVm">+ VM</ActionButton>
        <ActionButton name="addSp">+ SP</ActionButton>
      </div>

      <h4>Devices</h4>
      {devices.map((x, i) => {
        const device = (d: Doc) => d.devices?.[i];
        return (
          <div className="ed-block" key={x.id} data-testid="ed-device">
            <div className="ed-row">
              <b className="ed-id">{x.id}</b>
              <TextField label={`${x.id} name`} value={x.name ?? x.id} onCommit={(v) => setField(device, 'name', v, `Rename ${x.id}`)} />
              <button aria-label={`Delete ${x.id}`} onClick={() => edit(`Delete ${x.id}`, (d) => void d.devices?.splice(i, 1))}>
                ×
              </button>
            </div>
            <div className="ed-row">
              <span>owner</span>
              <Select
                label={`${x.id} owner`}
                value={x.owner ?? ''}
                options={[['', 'nobody'], ...owners.map((o): [string, string] => [o, o])]}
                onChange={(v) => setField(device, 'owner', v === '' ? null : v, `${x.id} owner`)}
              />
              <span>SIDs</span>
              <TextField
                label={`${x.id} streams`}
                mono
                width={70}
                value={x.streams.join(', ')}
                onCommit={(v) =>
                  setField(
                    device,
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
                value={x.group ?? x.id}
                onCommit={(v) => setField(device, 'group', v, `${x.id} group`)}
              />
              <Select
                label={`${x.id} reset`}
                value={x.reset ?? 'clean'}
                options={['clean', 'ignores-reset', 'retries-after-reset']}
                onChange={(v) => setField(device, 'reset', v, `${x.id} reset behaviour`)}
              />
            </div>
            <div className="ed-row">
              <Check label="ATS" value={x.ats ?? false} onChange={(v) => setField(device, 'ats', v, `${x.id} ATS`)} />
              <span>max in flight</span>
              <NumberField
                label={`${x.id} maxOutstanding`}
                value={x.maxOutstanding ?? 4}
                width={44}
                onCommit={(v) => setField(device, 'maxOutstanding', v, `${x.id} max outstanding`)}
              />
            </div>
            {x.ats === true && (
              <div className="ed-row">
                <span title="What a function-level reset does to the ATC: flush (as PCIe requires) or keep (a non-compliant device)">
                  ATC on reset
                </span>
                <Select
                  label={`${x.id} atcOnReset`}
                  value={x.atcOnReset ?? 'flush'}
                  options={['flush', 'keep']}
                  onChange={(v) => setField(device, 'atcOnReset', v, `${x.id} ATC on reset`)}
                />
                <Select
                  label={`${x.id} atsInvalidation`}
                  value={x.atsInvalidation ?? 'completes'}
                  options={['completes', 'times-out']}
                  onChange={(v) => setField(device, 'atsInvalidation', v, `${x.id} ATS invalidation`)}
                />
              </div>
            )}
          </div>
        );
      })}
      <div className="ed-add">
        <ActionButton name="addDevice">+ device</ActionButton>
      </div>

      <h4>Memory</h4>
      {memory.map((r, i) => {
        const region = (d: Doc) => d.memory?.[i];
        return (
          <div className="ed-block" key={r.id} data-testid="ed-region">
            <div className="ed-row">
              <b className="ed-id">{r.id}</b>
              <TextField label={`${r.id} name`} value={r.name ?? r.id} onCommit={(v) => setField(region, 'name', v, `Rename ${r.id}`)} />
              <button aria-label={`Delete ${r.id}`} onClick={() => edit(`Delete ${r.id}`, (d) => void d.memory?.splice(i, 1))}>
                ×
              </button>
            </div>
            <div className="ed-row">
              <span>owner</span>
              <Select
                label={`${r.id} owner`}
                value={r.owner}
                options={[...owners, 'hyp']}
                onChange={(v) =>
                  edit(`${r.id} owner`, (d) => {
                    const row = region(d);
                    if (row === undefined) return;
                    row.owner = v;
                    if (v === 'hyp') delete row.ipa;
                    else if (row.ipa === undefined) row.ipa = row.pa;
                  })
                }
              />
              <span>pages</span>
              <NumberField
                label={`${r.id} pages`}
                value={r.pages}
                width={48}
                onCommit={(v) => setField(region, 'pages', v, `${r.id} pages`)}
              />
              <Check label="secret" value={r.secret ?? false} onChange={(v) => setField(region, 'secret', v, `${r.id} secret`)} />
            </div>
            <div className="ed-row">
              <span>PA</span>
              <TextField
                label={`${r.id} PA`}
                mono
                width={100}
                value={r.pa}
                onCommit={(v) => setField(region, 'pa', v.trim(), `${r.id} PA`)}
              />
              {r.owner !== 'hyp' && (
                <>
                  <span>IPA</span>
                  <TextField
                    label={`${r.id} IPA`}
                    mono
                    width={100}
                    value={r.ipa ?? r.pa}
                    onCommit={(v) => setField(region, 'ipa', v.trim(), `${r.id} IPA`)}
                  />
                </>
              )}
            </div>
          </div>
        );
      })}
      <div className="ed-add">
        <ActionButton name="addRegion">+ region</ActionButton>
      </div>
    </>
  );
}

function SettingsEditor({ doc }: { doc: Doc }) {
  const timing = { ...DEFAULTS.timing, ...doc.timing };
  const smmu = { ...DEFAULTS.smmu, ...doc.smmu };
  const policy = { ...DEFAULTS.policy, ...doc.policy };
  const captions = doc.captions ?? [];
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
      <h4>Captions</h4>
      {captions.map((c, i) => {
        const caption = (d: Doc) => d.captions?.[i];
        return (
          <div className="ed-row" key={i} data-testid="ed-caption">
            <NumberField
              label={`caption ${i + 1} tick`}
              value={c.at}
              width={52}
              onCommit={(v) => setField(caption, 'at', v, 'Move caption')}
            />
            <TextField label={`caption ${i + 1} text`} value={c.text} onCommit={(v) => setField(caption, 'text', v, 'Edit caption')} />
            <button
              type="button"
              aria-label={`Save the view for caption ${i + 1}`}
              aria-pressed={c.camera !== undefined}
              title={
                c.camera === undefined
                  ? 'Present shows the canvas as it is now at this caption'
                  : `Present shows a saved view at this caption (zoom ${c.camera.zoom}); click to save the view as it is now`
              }
              onClick={() => {
                const camera = currentCamera();
                if (camera !== null) edit('Save caption view', (d) => void (d.captions![i].camera = camera));
              }}
            >
              ◎
            </button>
            {c.camera !== undefined && (
              <button
                type="button"
                aria-label={`Forget the view of caption ${i + 1}`}
                title="Present keeps the view as it is at this caption"
                onClick={() => edit('Forget caption view', (d) => void delete d.captions![i].camera)}
              >
                ⊘
              </button>
            )}
            <button aria-label={`Delete caption ${i + 1}`} onClick={() => edit('Delete caption', (d) => void d.captions?.splice(i, 1))}>
              ×
            </button>
          </div>
        );
      })}
      <div className="ed-add">
        <button
          onClick={() =>
            edit('Add caption', (d) => void (d.captions ??= []).push({ at: Math.floor(useApp.getState().clock), text: 'New caption' }))
          }
        >
          + caption at the playhead
        </button>
      </div>
    </>
  );
}
