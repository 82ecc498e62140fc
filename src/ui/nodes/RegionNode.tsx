// A memory region as a grid of 4 KiB pages, each coloured by its owner and lettered with the
// owner's mark (ownerMarks.ts: colour is never the only cue), striped when shared, dimmed when lent out, with
// borrowers as bars and secret pages marked. The overlay flashes a page when a DMA commits to it,
// at the place the grid gives (pageGrid.ts). A large region draws its cells on one canvas
// (PageCanvas.tsx).

import { memo, useMemo } from 'react';
import { ownerMarks } from './ownerMarks';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useView } from './useView';
import { nodeBox, useOverview } from './detail';
import { endpointColour, hexAddr, textOn } from '../theme';
import type { CanvasNode } from '../canvas/graph';
import { pageFacts } from './pageFacts';
import { PageCanvas } from './PageCanvas';
import { PAGE_CANVAS_FROM } from './pageGrid';
import { PAGE_BYTES } from '../../scenario/hex';
import type { PageView } from '../../worker/view';
import './nodes.css';

const NONE: PageView[] = [];

/** Same pages, element by element. (zustand's `shallow` builds two Maps per call, and this runs for
 * every region at every change of the store.) */
const samePages = (a: PageView[], b: PageView[]) => a.length === b.length && a.every((p, i) => p === b[i]);

export function RegionNode({ data, selected }: NodeProps<CanvasNode>) {
  const r = useView((v) => v.regions[data.index]);
  // This region's pages, compared element by element: a write elsewhere does not re-render it.
  const pages = useView((v) => (r === undefined ? NONE : v.pages.slice(r.firstPage, r.firstPage + r.pages)), samePages) ?? NONE;
  const names = useView((v) => v.endpoints);
  const overview = useOverview();
  const marks = useMemo(() => ownerMarks((names ?? []).map((n) => n.id)), [names]);
  if (r === undefined || names === undefined) return null;
  const colour = endpointColour(r.owner);
  return (
    <div {...nodeBox('region', { overview, selected, id: r.id, colour })}>
      <Handle type="target" position={Position.Left} />
      <Handle type="target" position={Position.Top} id="s2" />
      <div className="dn-head" style={{ background: colour }}>
        <span className="dn-kind">MEM</span>
        <span className="dn-title">{r.name}</span>
      </div>
      <div className="dn-body">
        {/* The overview keeps the page grid (the overlay's anchors) and drops the addresses. */}
        {!overview && (
          <div className="dn-row dn-mono">
            <span>PA</span>
            <b>
              {hexAddr(r.pa)}–{hexAddr(r.pa + r.pages * PAGE_BYTES - 1)}
            </b>
          </div>
        )}
        {!overview && r.owner >= 2 && (
          <div className="dn-row dn-mono">
            <span>IPA</span>
            <b>{hexAddr(r.ipa)}</b>
          </div>
        )}
        {pages.length >= PAGE_CANVAS_FROM ? (
          <PageCanvas pages={pages} firstPage={r.firstPage} pa={r.pa} names={names} scale={overview ? 0.5 : 1} />
        ) : (
          <div className="dn-pages">
            {pages.map((p, k) => (
              <PageCell
                key={k}
                index={r.firstPage + k}
                page={p}
                pa={r.pa + k * PAGE_BYTES}
                names={names}
                mark={overview ? null : marks[p.owner]}
              />
            ))}
          </div>
        )}
      </div>
    </div>
  );
}

// Memoised: a page re-renders only when its own view changed (views share unchanged objects).
const PageCell = memo(function PageCell({
  index,
  page,
  pa,
  names,
  mark,
}: {
  index: number;
  page: PageView;
  pa: number;
  names: readonly { id: string }[];
  /** The owner's mark on the page (ownerMarks.ts); null in the overview, where it would be too small to read. */
  mark: string | null;
}) {
  const f = pageFacts(page, pa, names);
  return (
    <div
      className={`dn-page${f.lentOut ? ' dn-page-lent' : ''}${f.shared ? ' dn-page-shared' : ''}`}
      style={{ background: f.colour }}
      data-page={index}
      title={f.title}
    >
      {mark != null && page.owner >= 2 && (
        <span className="dn-page-owner" aria-hidden="true" style={{ color: textOn(f.colour) }}>
          {mark}
        </span>
      )}
      {f.secret && <span className="dn-secret" aria-label="secret" />}
      {f.foreign !== null && <span className="dn-foreign" style={{ background: f.foreign }} />}
      {f.borrowers.length > 0 && (
        <span className="dn-borrowers">
          {f.borrowers.map((b, i) => (
            <i key={i} style={{ background: b }} />
          ))}
        </span>
      )}
    </div>
  );
});
