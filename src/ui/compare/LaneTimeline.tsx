// One timeline, two lanes: A's operations and violations above, B's below, the shared playhead
// across both and the tick where the runs part marked. A click seeks both runs there. Each lane is
// named with its configuration, and the tick numbers run beneath.

import type { Summary } from '../../worker/protocol';
import { axisTicks } from './axisTicks';

const W = 1000;
const LANE = 30;

export function LaneTimeline({
  a,
  b,
  horizon,
  t,
  divergence,
  labelA,
  labelB,
  onSeek,
}: {
  a: Summary | null;
  b: Summary | null;
  horizon: number;
  t: number;
  divergence: number | null;
  /** Each lane's name with its configuration (`A · P0`). */
  labelA: string;
  labelB: string;
  onSeek(t: number): void;
}) {
  const x = (tick: number) => (horizon <= 0 ? 0 : (tick / horizon) * W);
  const lane = (s: Summary | null, y: number, name: string) => (
    <g data-lane={name}>
      <rect x={0} y={y} width={W} height={LANE} className="cmp-lane" />
      {s?.ops.map((o) => (
        <rect key={`o${o.index}`} x={x(o.t) - 2} y={y + 4} width={4} height={LANE - 8} className="cmp-op">
          <title>{`${name}: ${o.op.op} at t=${o.t} (${o.status})`}</title>
        </rect>
      ))}
      {s?.violations.map((v, i) => (
        <path
          key={`v${i}`}
          d={`M${x(v.t)} ${y + 3} l6 ${LANE / 2 - 3} l-6 ${LANE / 2 - 3} l-6 ${-(LANE / 2 - 3)} z`}
          className="cmp-violation"
        >
          <title>{`${name}: ${v.number} violated at t=${v.t} — ${v.message}`}</title>
        </path>
      ))}
    </g>
  );
  return (
    <div className="cmp-timeline">
      <div className="cmp-lane-names">
        <span title={labelA}>{labelA}</span>
        <span title={labelB}>{labelB}</span>
      </div>
      <div className="cmp-track">
        <svg
          viewBox={`0 0 ${W} ${LANE * 2 + 6}`}
          preserveAspectRatio="none"
          data-testid="compare-timeline"
          role="slider"
          aria-label="Shared playhead"
          aria-valuemin={0}
          aria-valuemax={horizon}
          aria-valuenow={t}
          tabIndex={0}
          onClick={(e) => {
            const r = e.currentTarget.getBoundingClientRect();
            onSeek(((e.clientX - r.left) / r.width) * horizon);
          }}
        >
          {lane(a, 0, 'A')}
          {lane(b, LANE + 6, 'B')}
          {divergence !== null && <line x1={x(divergence)} x2={x(divergence)} y1={0} y2={LANE * 2 + 6} className="cmp-diverge" />}
          <line x1={x(t)} x2={x(t)} y1={0} y2={LANE * 2 + 6} className="cmp-playhead" />
        </svg>
        <div className="cmp-axis" data-testid="compare-axis" aria-hidden="true">
          {axisTicks(horizon).map((tick) => (
            <span key={tick} style={{ left: `${(x(tick) / W) * 100}%` }}>
              {tick.toLocaleString('en-US')}
            </span>
          ))}
        </div>
      </div>
    </div>
  );
}
