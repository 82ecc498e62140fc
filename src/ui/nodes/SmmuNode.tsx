// The SMMU as an SMMU engineer draws it: stream table (SID → STE), configuration cache (stale
// copies marked), TLB grouped by VMID, command queue with what a SYNC waits on, and the event queue,
// in one column. While the canvas shows a violation (danger/), the entry that let the transaction
// through is marked in the danger colour and named in a line under the header.

import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useView } from './useView';
import { nodeBox, useOverview } from './detail';
import { FAULT_COLOUR, hexAddr } from '../theme';
import type { CanvasNode } from '../canvas/graph';
import type { SmmuView, SteView, TlbGroupView } from '../../worker/view';
import type { ViolationPath } from '../../sim';
import { useActiveViolation } from '../danger/activeViolation';
import './nodes.css';

const steText = (s: SteView) => (!s.valid ? 'invalid' : s.config === 's2' ? `s2 · VMID ${s.vmid} · ${s.table ?? '—'}` : s.config);

/** What let a violating transaction through, in words. */
export function culpritText(p: ViolationPath): string {
  switch (p.via) {
    case 'tlb':
      return `TLB VMID ${p.vmid} ${hexAddr(p.iovaPage * 4096)} → ${p.pa ?? '?'} (${p.table ?? 'table gone'}${p.staleEntry ? ', stale' : ''})${p.staleSte ? ' · stale STE' : ''}`;
    case 'atc':
      return `${p.device}'s ATC: the SMMU was not asked`;
    case 'bypass':
      return `SID ${p.sid} in bypass`;
    case 'walk':
      return `a walk of freed table ${p.table ?? '?'}`;
  }
}

/** The TLB entries shown for a group: the first four, with the one a violation used among them. */
function shownEntries(g: TlbGroupView, p: ViolationPath | null): TlbGroupView['entries'] {
  const k = p === null || p.vmid !== g.vmid ? -1 : g.entries.findIndex((e) => e.iovaPage === p.iovaPage);
  if (k < 4) return g.entries.slice(0, 4);
  return [g.entries[k], ...g.entries.slice(0, 3)];
}

export function SmmuNode({ selected }: NodeProps<CanvasNode>) {
  const m = useView((v) => v.smmu);
  const overview = useOverview();
  const v = useActiveViolation();
  const path = v?.path ?? null;
  if (m === undefined) return null;
  const sync = m.cmdq.waitingSync;
  if (overview) return <SmmuOverview m={m} selected={selected} path={path} />;
  const danger = (on: boolean) => (on ? ' dn-danger' : '');
  const steCulprit = (sid: number) => path !== null && path.sid === sid && (path.via === 'bypass' || path.via === 'walk');
  return (
    <div {...nodeBox('smmu', { overview: false, selected })}>
      <Handle type="target" position={Position.Left} />
      <div className="dn-head dn-head-smmu">
        <span className="dn-kind">SMMU</span>
        <span className="dn-title">{m.enabled ? 'enabled' : `disabled · GBPA ${m.gbpa}`}</span>
        <span className="dn-dim">
          unassigned: {m.unassigned}
          {m.atsCheck ? ' · ATS checked' : ''}
        </span>
      </div>
      {path !== null && (
        <div className="dn-culprit" data-testid="smmu-culprit">
          <span aria-hidden="true">⚠ </span>let through by {culpritText(path)}
        </div>
      )}
      <div className="dn-smmu-grid">
        <section>
          <h4>Stream table</h4>
          <table className="dn-table">
            <tbody>
              {m.ste.map((s) => (
                <tr key={s.sid} className={(s.valid ? '' : 'dn-bad') + danger(steCulprit(s.sid))}>
                  <td>SID {s.sid}</td>
                  <td>{steText(s)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section>
          <h4>Config cache</h4>
          <table className="dn-table">
            <tbody>
              {m.cfg.length === 0 && (
                <tr>
                  <td className="dn-dim">empty</td>
                </tr>
              )}
              {m.cfg.map((s) => (
                <tr
                  key={s.sid}
                  className={(s.stale ? 'dn-stale' : '') + danger(path !== null && path.sid === s.sid && path.staleSte)}
                  title={s.stale ? 'stale: the STE in memory changed and this copy was not invalidated (CFGI)' : ''}
                >
                  <td>SID {s.sid}</td>
                  <td>
                    {steText(s)}
                    {s.stale ? ' · stale' : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="dn-smmu-tlb">
          <h4>TLB (by VMID)</h4>
          {m.tlb.length === 0 && <div className="dn-dim">empty</div>}
          {m.tlb.map((g) => (
            <div key={g.vmid} className="dn-tlb">
              <b>VMID {g.vmid}</b>{' '}
              <span className="dn-dim">
                {g.count} entr{g.count === 1 ? 'y' : 'ies'}
              </span>
              {g.stale > 0 && <span className="dn-stale"> · {g.stale} stale</span>}
              <div className="dn-mono dn-small">
                {shownEntries(g, path).map((e) => (
                  <div
                    key={e.iovaPage}
                    className={
                      (e.stale ? 'dn-stale' : '') +
                      danger(path !== null && path.via === 'tlb' && path.vmid === g.vmid && path.iovaPage === e.iovaPage)
                    }
                    data-culprit={
                      path !== null && path.via === 'tlb' && path.vmid === g.vmid && path.iovaPage === e.iovaPage ? '' : undefined
                    }
                    title={e.stale ? `stale: ${e.table} no longer maps this` : e.table}
                  >
                    {hexAddr(e.iovaPage * 4096)} → {hexAddr(e.pfn * 4096)} {e.r ? 'R' : ''}
                    {e.w ? 'W' : ''}
                    {e.stale ? ' stale' : ''}
                  </div>
                ))}
                {g.count > 4 && <div className="dn-dim">+{g.count - 4} more</div>}
              </div>
            </div>
          ))}
        </section>
        <section>
          <h4>Command queue</h4>
          {m.cmdq.length === 0 && !sync && <div className="dn-dim">idle · {m.cmdq.consumed} consumed</div>}
          <div className="dn-mono dn-small">
            {m.cmdq.queue.map((c, k) => (
              <div key={k} className={k === 0 && sync ? 'dn-wait' : ''}>
                {c}
              </div>
            ))}
            {m.cmdq.length > m.cmdq.queue.length && <div className="dn-dim">+{m.cmdq.length - m.cmdq.queue.length} more</div>}
          </div>
          {sync && (
            <div className="dn-wait" data-testid="sync-waiting">
              SYNC waiting on {m.cmdq.drain} transaction{m.cmdq.drain === 1 ? '' : 's'}
              {m.cmdq.atcPending > 0 ? ` and ${m.cmdq.atcPending} ATC ack${m.cmdq.atcPending === 1 ? '' : 's'}` : ''}
            </div>
          )}
        </section>
        <section>
          <h4>
            Event queue {m.eventq.count}/{m.eventq.capacity}
            {m.eventq.overflow && <span style={{ color: FAULT_COLOUR }}> · overflow</span>}
            {m.eventq.dropped > 0 && <span style={{ color: FAULT_COLOUR }}> · {m.eventq.dropped} dropped</span>}
          </h4>
          <div className="dn-mono dn-small">
            {m.eventq.records.length === 0 && <span className="dn-dim">empty (drained by the hypervisor)</span>}
            {m.eventq.records.map((r, k) => (
              <div key={k} style={{ color: FAULT_COLOUR }}>
                t={r.t} {r.name} 0x{r.number.toString(16).padStart(2, '0')} SID {r.sid} {hexAddr(r.addr)} {r.write ? 'W' : 'R'}
              </div>
            ))}
          </div>
        </section>
      </div>
      <div className="dn-anchor-in" data-anchor="smmu-in" />
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

/** The SMMU from afar: one line per structure, with what an engineer looks for first — invalid
 * STEs, stale cached entries, a SYNC that waits, faults recorded or lost. */
function SmmuOverview({ m, selected, path }: { m: SmmuView; selected: boolean; path: ViolationPath | null }) {
  const valid = m.ste.filter((s) => s.valid).length;
  const staleCfg = m.cfg.filter((s) => s.stale).length;
  const tlb = m.tlb.reduce((n, g) => n + g.count, 0);
  const staleTlb = m.tlb.reduce((n, g) => n + g.stale, 0);
  const lost = m.eventq.overflow || m.eventq.dropped > 0;
  return (
    <div {...nodeBox('smmu', { overview: true, selected })}>
      <Handle type="target" position={Position.Left} />
      <div className="dn-ov-title">SMMU {m.enabled ? '' : <span className="dn-bad">disabled</span>}</div>
      {path !== null && (
        <div className="dn-ov-line dn-danger" data-testid="smmu-culprit">
          ⚠ {path.via === 'tlb' ? `TLB VMID ${path.vmid}` : path.via === 'atc' ? 'ATC' : path.via === 'bypass' ? 'bypass' : 'freed table'}
        </div>
      )}
      <div className={`dn-ov-line${valid < m.ste.length ? ' dn-bad' : ''}`}>
        STE {valid}/{m.ste.length} valid
      </div>
      <div className={`dn-ov-line${staleCfg > 0 ? ' dn-stale' : ''}`}>
        CFG {m.cfg.length}
        {staleCfg > 0 ? ` · ${staleCfg} stale` : ''}
      </div>
      <div className={`dn-ov-line${staleTlb > 0 ? ' dn-stale' : ''}`}>
        TLB {tlb} · {m.tlb.length} VMID{m.tlb.length === 1 ? '' : 's'}
        {staleTlb > 0 ? ` · ${staleTlb} stale` : ''}
      </div>
      {m.cmdq.waitingSync ? (
        <div className="dn-ov-line dn-wait" data-testid="sync-waiting">
          SYNC waits on {m.cmdq.drain}
          {m.cmdq.atcPending > 0 ? ` + ${m.cmdq.atcPending} ATC` : ''}
        </div>
      ) : (
        <div className="dn-ov-line">CMDQ {m.cmdq.length}</div>
      )}
      <div className="dn-ov-line" style={m.eventq.count > 0 || lost ? { color: FAULT_COLOUR } : undefined}>
        EVTQ {m.eventq.count}/{m.eventq.capacity}
        {lost ? ' · lost' : ''}
      </div>
      <Handle type="source" position={Position.Right} />
    </div>
  );
}
