// The full state of the selected endpoint, device, region, the SMMU, a violation or an operation.

import { useApp } from '../../store/appStore';
import { useTransitioned } from '../hooks/useTransitioned';
import { INVARIANT_BY_NUMBER, type InvariantNumber } from '../../sim';
import { endpointColour, hexAddr } from '../theme';
import { PAGE_BYTES } from '../../scenario/hex';
import { modeText, opText } from './format';
import { buildEdges } from '../canvas/graph';
import type { SimView } from '../../worker/view';
import './panels.css';

export function Inspector() {
  const sel = useApp((s) => s.selection);
  const view = useTransitioned((s) => s.view);
  const violations = useApp((s) => s.summary?.violations);
  const ops = useApp((s) => s.summary?.ops);
  if (sel === null || view === null)
    return (
      <section className="pn-section pn-inspector" data-testid="inspector">
        <h3>Inspector</h3>
        <p className="pn-dim">Select a node, a verdict or a violation.</p>
      </section>
    );
  return (
    <section className="pn-section pn-inspector" data-testid="inspector">
      <h3>Inspector</h3>
      {sel.kind === 'violation' && violations?.[sel.index] && <ViolationInfo v={violations[sel.index]} />}
      {sel.kind === 'endpoint' && <EndpointInfo view={view} id={sel.id} />}
      {sel.kind === 'device' && <DeviceInfo view={view} id={sel.id} />}
      {sel.kind === 'region' && <RegionInfo view={view} id={sel.id} />}
      {sel.kind === 'smmu' && <SmmuInfo view={view} />}
      {sel.kind === 'txn' && <p>Transaction #{sel.id}</p>}
      {sel.kind === 'edge' && <EdgeInfo view={view} id={sel.id} />}
      {sel.kind === 'op' && ops?.[sel.index] && (
        <p data-testid="op-detail">
          <b>
            t={ops[sel.index].t} {opText(ops[sel.index].op)}
          </b>{' '}
          <span className="pn-dim">{ops[sel.index].status}</span>
        </p>
      )}
    </section>
  );
}

const Ep = ({ view, i }: { view: SimView; i: number }) => (
  <b style={{ color: endpointColour(i) }}>{i >= 0 ? view.endpoints[i].id : 'nobody'}</b>
);

function Rows({ rows }: { rows: [string, React.ReactNode][] }) {
  return (
    <dl className="pn-dl">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function ViolationInfo({ v }: { v: NonNullable<ReturnType<typeof useApp.getState>['summary']>['violations'][number] }) {
  const inv = INVARIANT_BY_NUMBER[v.number as InvariantNumber];
  return (
    <div data-testid="violation-detail">
      <p className="pn-bad">
        <b>{v.number}</b> {inv?.id} — {v.message}
      </p>
      <Rows
        rows={[
          ['tick', v.t],
          ['device', v.device ?? '—'],
          ['page', v.page ?? '—'],
          ['transaction', v.txn ?? '—'],
          ['times', v.count],
          ['rule', inv?.rule ?? ''],
        ]}
      />
    </div>
  );
}

function EndpointInfo({ view, id }: { view: SimView; id: string }) {
  const i = view.endpoints.findIndex((e) => e.id === id);
  const e = view.endpoints[i];
  if (!e) return null;
  const access = view.regions.flatMap((r) =>
    Array.from({ length: r.pages }, (_, k) => ({ r, k, p: view.pages[r.firstPage + k] })).filter(({ p }) => p.modes[i] !== 0),
  );
  return (
    <>
      <Rows
        rows={[
          ['endpoint', <Ep view={view} i={i} key="e" />],
          ['name', e.name],
          ['kind', e.kind],
          ['VMID', e.vmid],
          ['lifecycle', e.lifecycle],
        ]}
      />
      <table className="pn-grid">
        <thead>
          <tr>
            <th>page</th>
            <th>PA</th>
            <th>mode</th>
            <th>owner</th>
          </tr>
        </thead>
        <tbody>
          {access.map(({ r, k, p }) => (
            <tr key={`${r.id}:${k}`}>
              <td>
                {r.id}[{k}]
              </td>
              <td>{hexAddr(r.pa + k * PAGE_BYTES)}</td>
              <td>{modeText(p.modes[i])}</td>
              <td>
                <Ep view={view} i={p.owner} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function DeviceInfo({ view, id }: { view: SimView; id: string }) {
  const d = view.devices.find((x) => x.id === id);
  if (!d) return null;
  return (
    <>
      <Rows
        rows={[
          ['device', `${d.id} (${d.name})`],
          ['owner', <Ep view={view} i={d.owner} key="o" />],
          ['DMA acts for', <Ep view={view} i={d.dmaOwner} key="d" />],
          ['state', d.assign + (d.pendingFor >= 0 ? ` (for ${view.endpoints[d.pendingFor].id})` : '')],
          ['bus master', d.busMaster ? 'on' : 'off'],
          ['paused / resetting', `${d.paused ? 'paused' : 'running'} / ${d.resetting ? 'in reset' : 'no'}`],
          ['reset behaviour', d.resetBehaviour],
          ['outstanding', `${d.outstanding} of ${d.maxOutstanding}`],
          ['StreamIDs', d.streams.join(', ')],
          ['group', d.group],
          ['table', d.table ?? '—'],
          ['enabled by', <Ep view={view} i={d.enabledBy} key="en" />],
          [
            'ATS',
            d.ats
              ? `on · ATC ${d.atc.map((a) => `${hexAddr(a.iovaPage * PAGE_BYTES)}→${hexAddr(a.pfn * PAGE_BYTES)}${a.w ? ' W' : ''}`).join(', ') || 'empty'}`
              : 'off',
          ],
        ]}
      />
      <h4>Descriptors</h4>
      <ul className="pn-list">
        {d.descriptors.map((x, k) => (
          <li key={k} style={{ borderLeft: `3px solid ${endpointColour(x.programmedBy)}` }}>
            {x.dir} {hexAddr(x.iova)} × {x.pages} page{x.pages > 1 ? 's' : ''}, every {x.every}
            {x.loop ? ', loop' : ''}
            {x.done ? ', done' : ''} — programmed by <Ep view={view} i={x.programmedBy} />
          </li>
        ))}
      </ul>
    </>
  );
}

function RegionInfo({ view, id }: { view: SimView; id: string }) {
  const r = view.regions.find((x) => x.id === id);
  if (!r) return null;
  return (
    <>
      <Rows
        rows={[
          ['region', r.name],
          ['owner', <Ep view={view} i={r.owner} key="o" />],
          ['PA', hexAddr(r.pa)],
          ['IPA', r.owner >= 2 ? hexAddr(r.ipa) : '—'],
          ['pages', r.pages],
        ]}
      />
      <table className="pn-grid">
        <thead>
          <tr>
            <th>PA</th>
            <th>owner</th>
            <th>access</th>
            <th>data</th>
            <th>last DMA write</th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: r.pages }, (_, k) => {
            const p = view.pages[r.firstPage + k];
            return (
              <tr key={k}>
                <td>{hexAddr(r.pa + k * PAGE_BYTES)}</td>
                <td>
                  <Ep view={view} i={p.owner} />
                </td>
                <td>
                  {p.modes.map((m, e) =>
                    m !== 0 ? (
                      <div key={e}>
                        <Ep view={view} i={e} /> {modeText(m)}
                      </div>
                    ) : null,
                  )}
                </td>
                <td>
                  <Ep view={view} i={p.dataOf} />
                  {p.secret ? ' secret' : ''}
                </td>
                <td>
                  {p.lastWriteBy >= 0 ? (
                    <>
                      by <Ep view={view} i={p.lastWriteBy} /> via {view.devices[p.lastWriteDevice]?.id}
                    </>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

function SmmuInfo({ view }: { view: SimView }) {
  const m = view.smmu;
  return (
    <>
      <Rows
        rows={[
          ['enabled', m.enabled ? 'yes' : `no (GBPA ${m.gbpa})`],
          ['unassigned streams', m.unassigned],
          ['ATS checked', m.atsCheck ? 'yes' : 'no'],
          ['commands consumed', m.cmdq.consumed],
          ['SYNC', m.cmdq.waitingSync ? `waiting on ${m.cmdq.drain} transactions, ${m.cmdq.atcPending} ATC acks` : 'none waiting'],
          ['event queue', `${m.eventq.count}/${m.eventq.capacity}${m.eventq.overflow ? ', overflow' : ''}, ${m.eventq.dropped} dropped`],
        ]}
      />
      <h4>IOMMU tables</h4>
      <table className="pn-grid">
        <thead>
          <tr>
            <th>table</th>
            <th>VMID</th>
            <th>acts for</th>
            <th>state</th>
            <th>pages</th>
          </tr>
        </thead>
        <tbody>
          {view.tables.map((t) => (
            <tr key={t.id}>
              <td>
                {t.id}
                {t.scratch ? ' (scratch)' : t.cpuOf >= 0 ? ' (CPU stage-2)' : ''}
              </td>
              <td>{t.vmid}</td>
              <td>
                <Ep view={view} i={t.owner} />
              </td>
              <td>{t.state}</td>
              <td>{t.mapped}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** An edge: what it joins and its label whole (the canvas cuts a long one short). */
function EdgeInfo({ view, id }: { view: SimView; id: string }) {
  const e = buildEdges(view).find((x) => x.id === id);
  if (e === undefined) return <p className="pn-dim">That edge is gone.</p>;
  return (
    <div data-testid="edge-detail">
      <Rows
        rows={[
          ['from', e.source],
          ['to', e.target],
          ['label', <span data-testid="edge-full-label">{typeof e.label === 'string' ? e.label : ''}</span>],
        ]}
      />
    </div>
  );
}
