// A VM or SP: name, VMID, lifecycle, and the memory it owns or borrows right now.

import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useView } from './useView';
import { nodeBox, useOverview } from './detail';
import { endpointColour } from '../theme';
import type { CanvasNode } from '../canvas/graph';
import { V } from '../../sim';
import './nodes.css';

export function EndpointNode({ data, selected }: NodeProps<CanvasNode>) {
  const i = data.index;
  const ep = useView((v) => v.endpoints[i]);
  const overview = useOverview();
  // The memory it can reach, in words: not in the overview, which has no room for it.
  const access = useView(
    (v) =>
      overview
        ? ''
        : v.regions
            .map((r) => {
              let owned = 0;
              let borrowed = 0;
              for (let p = r.firstPage; p < r.firstPage + r.pages; p++) {
                const m = v.pages[p].modes[i] ?? 0;
                if (v.pages[p].owner === i && m & V) owned++;
                else if (m & V) borrowed++;
              }
              return owned + borrowed > 0
                ? `${r.id}${borrowed > 0 ? ` (borrows ${borrowed})` : owned < r.pages ? ` (${owned}/${r.pages})` : ''}`
                : '';
            })
            .filter(Boolean)
            .join(' · '),
    Object.is,
  );
  if (ep === undefined) return null;
  const colour = endpointColour(i);
  return (
    <div {...nodeBox('endpoint', { overview, selected, id: ep.id, colour, extra: ep.lifecycle === 'aborted' ? ' dn-aborted' : '' })}>
      <div className="dn-head" style={{ background: colour }}>
        <span className="dn-kind">{ep.kind.toUpperCase()}</span>
        <span className="dn-title">{ep.name}</span>
      </div>
      {overview ? (
        <div className={`dn-ov-line${ep.lifecycle === 'aborted' ? ' dn-bad' : ''}`}>
          VMID {ep.vmid} · {ep.lifecycle}
        </div>
      ) : (
        <div className="dn-body">
          <div className="dn-row">
            <span>id</span>
            <b>{ep.id}</b>
          </div>
          <div className="dn-row">
            <span>VMID</span>
            <b>{ep.vmid}</b>
          </div>
          <div className="dn-row">
            <span>state</span>
            <b className={ep.lifecycle === 'aborted' ? 'dn-bad' : ''}>{ep.lifecycle}</b>
          </div>
          <div className="dn-sub" title="memory this endpoint can access from its CPU now">
            {access || 'no memory'}
          </div>
        </div>
      )}
      <Handle type="source" position={Position.Right} />
      <Handle type="source" position={Position.Bottom} id="s2" />
    </div>
  );
}
