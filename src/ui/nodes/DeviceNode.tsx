// A DMA-capable device: owner, assignment state, bus master, outstanding transactions, ATS and
// its descriptors — each in the colour of whoever programmed it (the seed's attack is visible here:
// A's descriptor still sits in a device P owns).

import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useView } from './useView';
import { nodeBox, useOverview } from './detail';
import { endpointColour, hexAddr } from '../theme';
import type { CanvasNode } from '../canvas/graph';
import type { DeviceView } from '../../worker/view';
import './nodes.css';

export function DeviceNode({ data, selected }: NodeProps<CanvasNode>) {
  const d = useView((v) => v.devices[data.index]);
  const names = useView((v) => v.endpoints);
  const overview = useOverview();
  if (d === undefined || names === undefined) return null;
  const who = (i: number) => (i >= 0 ? names[i].id : 'nobody');
  const colour = endpointColour(d.owner);
  const busMaster = d.resetting ? 'resetting…' : d.paused ? 'paused' : d.busMaster ? 'on' : 'off';
  return (
    <div {...nodeBox('device', { overview, selected, id: d.id, colour })}>
      <Handle type="target" position={Position.Left} />
      {overview ? (
        <>
          <div className="dn-ov-title">{d.name}</div>
          <div className="dn-ov-line">
            <span className="dn-ov-chip" style={{ background: colour }}>
              {who(d.owner)}
            </span>{' '}
            {d.assign}
          </div>
          <div className={`dn-ov-line${d.busMaster && !d.paused && !d.resetting ? '' : ' dn-dim'}`}>bus master {busMaster}</div>
          <div
            className="dn-ov-bar"
            title={`${d.outstanding}/${d.maxOutstanding} in flight`}
            style={{ backgroundImage: fill(colour, d.outstanding / d.maxOutstanding) }}
          />
        </>
      ) : (
        <DeviceDetail d={d} who={who} colour={colour} busMaster={busMaster} />
      )}
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

// The in-flight bar is one box whose background is filled to a fraction, not a box inside it whose
// width changes: a box of a new size changes the page's geometry, and Chromium then re-layerizes
// the whole page (several ms, at every view while a large run plays); a new background only
// repaints the node.
function fill(colour: string, fraction: number): string {
  const pct = `${(100 * fraction).toFixed(1)}%`;
  return `linear-gradient(to right, ${colour} ${pct}, transparent ${pct})`;
}

function DeviceDetail({ d, who, colour, busMaster }: { d: DeviceView; who: (i: number) => string; colour: string; busMaster: string }) {
  return (
    <>
      <div className="dn-head dn-head-device">
        <span className="dn-kind">DEV</span>
        <span className="dn-title">{d.name}</span>
        <span className="dn-chip" style={{ background: colour }} title="owner">
          {who(d.owner)}
        </span>
      </div>
      <div className="dn-body">
        <div className="dn-row">
          <span>state</span>
          <b data-testid="device-state">{d.assign}</b>
        </div>
        <div className="dn-row">
          <span>bus master</span>
          <b className={d.busMaster ? '' : 'dn-dim'}>{busMaster}</b>
        </div>
        <div className="dn-row">
          <span>in flight</span>
          <b>
            {d.outstanding}/{d.maxOutstanding}
          </b>
        </div>
        <div className="dn-bar">
          <div style={{ width: `${(100 * d.outstanding) / d.maxOutstanding}%`, background: colour }} />
        </div>
        <div className="dn-row">
          <span>SID</span>
          <b>{d.streams.join(', ')}</b>
        </div>
        {d.ats && (
          <div className="dn-row">
            <span>ATS</span>
            <b>
              ATC {d.atc.length} entr{d.atc.length === 1 ? 'y' : 'ies'}
            </b>
          </div>
        )}
        <div className="dn-descs">
          {d.descriptors.length === 0 && <div className="dn-dim">no descriptors</div>}
          {d.descriptors.map((x, k) => (
            <div
              key={k}
              className={`dn-desc${x.done ? ' dn-dim' : ''}`}
              style={{ borderLeftColor: endpointColour(x.programmedBy) }}
              title={`programmed by ${who(x.programmedBy)}`}
            >
              <span style={{ color: endpointColour(x.programmedBy) }}>{who(x.programmedBy)}</span> {x.dir} {hexAddr(x.iova)}×{x.pages}
              {x.loop ? ' ⟳' : ''}
            </div>
          ))}
        </div>
      </div>
    </>
  );
}
