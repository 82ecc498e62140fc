// The System section of the editor: the endpoints, the devices and the memory regions, each row's
// fields an edit of the document, with buttons to add and remove rows.

import { TextField, NumberField, Select, Check } from './fields';
import { ActionButton } from '../actions/ActionButton';
import { edit, type Doc } from '../actions/edits';
import { setField } from './docEdits';

export function SystemEditor({ doc }: { doc: Doc }) {
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
