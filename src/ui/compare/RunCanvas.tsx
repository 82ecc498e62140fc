// One run's canvas in the Compare view: its devices (left, in their owner's colour), the SMMU
// (middle) and its regions (right), as the engine's view at the playhead has them, and the DMA in
// flight as the frame carries it — each transaction placed between the engine's own ticks (issued →
// arrival at the SMMU, translated → commit at its page), ringed in the danger colour when it broke an
// invariant. Nothing is drawn that the frame does not hold.

import type { Frame } from '../../worker/protocol';
import type { SimView } from '../../worker/view';
import { readTxn, txnCount, type PackedTxn } from '../../worker/frameFormat';
import { DANGER_COLOUR, FAULT_COLOUR, endpointColour } from '../theme';

const W = 560;
const ROW = 46;
const TOP = 30;
const DEV_X = 16;
const BOX_W = 150;
const SMMU_X = W / 2 - 50;
const REG_X = W - 16 - BOX_W;

/** Where a transaction is between `from` and `to` at `clock` (0…1), from its ticks. */
function along(clock: number, from: number, to: number): number {
  if (to <= from) return 1;
  return Math.min(1, Math.max(0, (clock - from) / (to - from)));
}

export function RunCanvas({ label, frame, view, testId }: { label: string; frame: Frame | null; view: SimView | null; testId: string }) {
  const rows = Math.max(view?.devices.length ?? 0, view?.regions.length ?? 0, 2);
  const h = TOP + rows * ROW + 10;
  const smmuY = TOP + ((rows - 1) * ROW) / 2;
  const devY = (i: number) => TOP + i * ROW + 18;
  const regY = (i: number) => TOP + i * ROW + 18;
  const regionOf = (page: number) =>
    view === null ? -1 : view.regions.findIndex((r) => page >= r.firstPage && page < r.firstPage + r.pages);
  const txns: { t: PackedTxn; ended: boolean }[] = [];
  if (frame !== null) {
    for (let i = 0; i < txnCount(frame.inflight); i++) txns.push({ t: readTxn(frame.inflight, i), ended: false });
    for (let i = 0; i < txnCount(frame.ended); i++) txns.push({ t: readTxn(frame.ended, i), ended: true });
  }
  const clock = frame?.clock ?? 0;
  const name = (i: number) => (view === null || i < 0 ? 'nobody' : (view.endpoints[i]?.name ?? 'nobody'));
  return (
    <figure className="cmp-canvas" data-testid={testId} data-clock={frame === null ? '' : Math.round(frame.clock)}>
      <figcaption>
        <b>{label}</b> <span className="cmp-t">t={frame === null ? '…' : Math.round(frame.clock)}</span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${h}`} role="img" aria-label={`${label}: its devices, SMMU, regions and DMA in flight`}>
        {view?.devices.map((d, i) => (
          <g key={d.id}>
            <line x1={DEV_X + BOX_W} y1={devY(i)} x2={SMMU_X} y2={smmuY + 18} className="cmp-wire" />
            <OwnedBox x={DEV_X} y={devY(i)} owner={d.owner} name={d.name} sub={`${name(d.owner)} · ${d.assign}`} />
          </g>
        ))}
        {view?.regions.map((r, i) => (
          <g key={r.id}>
            <line x1={SMMU_X + 100} y1={smmuY + 18} x2={REG_X} y2={regY(i)} className="cmp-wire" />
            <OwnedBox x={REG_X} y={regY(i)} owner={r.owner} name={r.name} sub={`${name(r.owner)} · ${r.pages} pages`} />
          </g>
        ))}
        {view !== null && (
          <g>
            <rect x={SMMU_X} y={smmuY} width={100} height={36} rx={5} fill="#26303c" stroke="#6d7b8c" strokeWidth={2} />
            <text x={SMMU_X + 50} y={smmuY + 16} textAnchor="middle" className="cmp-name">
              SMMU
            </text>
            <text x={SMMU_X + 50} y={smmuY + 30} textAnchor="middle" className="cmp-sub">
              {view.smmu.enabled ? 'enabled' : 'disabled'}
            </text>
          </g>
        )}
        {view !== null &&
          txns.map(({ t, ended }) => {
            const d = t.device;
            if (d < 0 || d >= view.devices.length) return null;
            const x0 = DEV_X + BOX_W;
            const y0 = devY(d);
            const sx = SMMU_X;
            const sy = smmuY + 18;
            let x: number;
            let y: number;
            const r = regionOf(t.page);
            if (t.phase === 'issued' || t.phase === 'aborted' || r < 0) {
              const f = t.phase === 'issued' ? along(clock, t.issuedAt, t.arriveAt) : 1;
              x = x0 + (sx - x0) * f;
              y = y0 + (sy - y0) * f;
            } else {
              const f = t.phase === 'committed' ? 1 : along(clock, t.translatedAt, t.commitAt);
              x = sx + 100 + (REG_X - sx - 100) * f;
              y = sy + (regY(r) - sy) * f;
            }
            const colour = t.leak ? DANGER_COLOUR : t.phase === 'aborted' ? FAULT_COLOUR : endpointColour(t.programmedBy);
            return (
              <circle
                key={`${ended ? 'e' : 'i'}${t.id}`}
                cx={x}
                cy={y}
                r={t.leak ? 7 : 5}
                fill={colour}
                opacity={ended ? 0.55 : 1}
                stroke={t.leak ? '#fff' : 'none'}
                strokeWidth={2}
                className="cmp-txn"
                data-leak={t.leak ? '1' : undefined}
              >
                <title>{`DMA #${t.id} ${t.write ? 'write' : 'read'} by ${view.devices[d].name}: ${t.phase}${t.leak ? ' — broke an invariant' : ''}`}</title>
              </circle>
            );
          })}
        {view === null && (
          <text x={W / 2} y={h / 2} textAnchor="middle" className="cmp-sub">
            running…
          </text>
        )}
      </svg>
    </figure>
  );
}

/** A device or region: a box edged in its owner's colour, centred on `y`, with its name and a line beneath. */
function OwnedBox({ x, y, owner, name, sub }: { x: number; y: number; owner: number; name: string; sub: string }) {
  return (
    <>
      <rect x={x} y={y - 18} width={BOX_W} height={36} rx={5} fill="#1d232c" stroke={endpointColour(owner)} strokeWidth={2} />
      <text x={x + 8} y={y - 3} className="cmp-name">
        {name}
      </text>
      <text x={x + 8} y={y + 12} className="cmp-sub">
        {sub}
      </text>
    </>
  );
}
