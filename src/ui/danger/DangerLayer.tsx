// The violation on the canvas: the path the offending transaction took — its device's port, through
// the SMMU, to the page — drawn in the danger colour, the page ringed, and the reason in words
// beside it ("A's descriptor read P's secret"). It shows the violation the playhead just passed
// (held a few seconds) or the one selected. A violation no transaction made (a table that became
// usable too early) marks its device and the SMMU. Drawn in React Flow's viewport, in flow units;
// the label keeps its size on screen whatever the zoom.

import { useCallback, useEffect, useMemo, useRef } from 'react';
import { ViewportPortal, useStore, type ReactFlowState, type InternalNode } from '@xyflow/react';
import { useApp } from '../../store/appStore';
import { SMMU_ID } from '../canvas/layout';
import { useActiveViolation, watchViolations } from './activeViolation';
import type { Violation } from '../../sim';
import { cellCentre } from '../nodes/pageGrid';
import { useLabelPlace } from './useLabelPlace';
import './danger.css';

interface Pt {
  x: number;
  y: number;
}

export interface Drawn {
  device: Pt | null;
  smmuIn: Pt;
  smmuOut: Pt;
  page: Pt | null;
  /** Where the label goes: under the page's region (its right edge: regions are the rightmost column), or under the device's left edge. */
  label: Pt;
  align: 'left' | 'right' | 'centre';
  /** The width of the node the label is under (flow units; 0 for none). */
  anchorWidth: number;
}

export function DangerLayer() {
  useEffect(() => watchViolations(), []);
  const v = useActiveViolation();
  return v === null ? null : <DangerPath v={v} />;
}

function DangerPath({ v }: { v: Violation }) {
  const regionId = useApp((s) => {
    const p = v.path?.pageIndex ?? -1;
    if (p < 0 || s.view === null) return null;
    return s.view.regions.find((r) => p >= r.firstPage && p < r.firstPage + r.pages)?.id ?? null;
  });
  const deviceId = v.path?.device ?? v.device;
  // The three nodes involved, as React Flow holds them (a new object when one moves or is measured).
  const nodes = useStore(
    useCallback(
      (s: ReactFlowState) => ({
        device: deviceId === null ? undefined : s.nodeLookup.get(deviceId),
        smmu: s.nodeLookup.get(SMMU_ID),
        region: regionId === null ? undefined : s.nodeLookup.get(regionId),
        zoom: s.transform[2],
      }),
      [deviceId, regionId],
    ),
    (a, b) => a.device === b.device && a.smmu === b.smmu && a.region === b.region && a.zoom === b.zoom,
  );
  const domNode = useStore((s) => s.domNode);
  // The page cell's place inside its region node is read from the DOM (the nodes are laid out by
  // the time a violation is shown; a node that moves or is measured again gives a new place).
  const drawn = useMemo((): Drawn | null => {
    const { device, smmu, region, zoom } = nodes;
    if (smmu === undefined) return null;
    const mid = (n: InternalNode, right: boolean): Pt => ({
      x: n.internals.positionAbsolute.x + (right ? (n.measured.width ?? 0) : 0),
      y: n.internals.positionAbsolute.y + (n.measured.height ?? 0) / 2,
    });
    let page: Pt | null = null;
    if (region !== undefined && v.path !== null && v.path.pageIndex >= 0) {
      const el = domNode?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(region.id)}"]`);
      const cell = el?.querySelector<HTMLElement>(`[data-page="${v.path.pageIndex}"]`);
      // A large region draws its pages on one canvas: the cell's place is the grid's arithmetic.
      const canvas = el?.querySelector<HTMLElement>('.dn-pages-canvas');
      if (el && cell) {
        const a = el.getBoundingClientRect();
        const b = cell.getBoundingClientRect();
        page = {
          x: region.internals.positionAbsolute.x + (b.left - a.left + b.width / 2) / zoom,
          y: region.internals.positionAbsolute.y + (b.top - a.top + b.height / 2) / zoom,
        };
      } else if (el && canvas) {
        const a = el.getBoundingClientRect();
        const g = canvas.getBoundingClientRect();
        const c = cellCentre(v.path.pageIndex - Number(canvas.dataset.firstPage ?? 0));
        page = {
          x: region.internals.positionAbsolute.x + (g.left - a.left) / zoom + c.x,
          y: region.internals.positionAbsolute.y + (g.top - a.top) / zoom + c.y,
        };
      }
    }
    const dev = device === undefined ? null : mid(device, true);
    const smmuIn = mid(smmu, false);
    const under = (n: InternalNode, right: boolean): Pt => ({
      x: n.internals.positionAbsolute.x + (right ? (n.measured.width ?? 0) : 0),
      y: n.internals.positionAbsolute.y + (n.measured.height ?? 0),
    });
    const [label, align, anchor]: [Pt, Drawn['align'], InternalNode | undefined] =
      page !== null && region !== undefined
        ? [under(region, true), 'right', region]
        : device !== undefined
          ? [under(device, false), 'left', device]
          : [smmuIn, 'centre', undefined];
    return { device: dev, smmuIn, smmuOut: mid(smmu, true), page, label, align, anchorWidth: anchor?.measured.width ?? 0 };
  }, [nodes, domNode, v]);
  const reason = v.path?.summary ?? `${v.number}: ${v.message}`;
  const labelRef = useRef<HTMLDivElement>(null);
  const place = useLabelPlace(labelRef, drawn, nodes.zoom, reason);
  if (drawn === null) return null;
  const zoom = nodes.zoom;
  const points = [drawn.device, drawn.smmuIn, ...(drawn.page !== null ? [drawn.smmuOut, drawn.page] : [])].filter(
    (p): p is Pt => p !== null,
  );
  return (
    <ViewportPortal>
      <svg className="cv-danger" data-testid="danger-path" data-invariant={v.number} data-t={v.t}>
        <polyline points={points.map((p) => `${p.x},${p.y}`).join(' ')} className="cv-danger-line" />
        {drawn.page !== null && (
          <rect
            className="cv-danger-page"
            x={drawn.page.x - 14 / Math.min(zoom, 1)}
            y={drawn.page.y - 14 / Math.min(zoom, 1)}
            width={28 / Math.min(zoom, 1)}
            height={28 / Math.min(zoom, 1)}
          />
        )}
      </svg>
      <div
        className="cv-danger-label"
        data-testid="danger-label"
        role="status"
        ref={labelRef}
        style={{
          transform: `translate(${drawn.label.x}px, ${drawn.label.y + place.by}px) scale(${1 / zoom}) translate(${drawn.align === 'right' ? '-100%' : drawn.align === 'centre' ? '-50%' : '0'}, 6px)`,
          maxWidth: place.maxWidth,
        }}
        title={v.message}
      >
        <span aria-hidden="true">⚠</span> {v.number} · {reason}
      </div>
    </ViewportPortal>
  );
}
