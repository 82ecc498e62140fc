// The canvas's edges, drawn by us in two SVGs inside React Flow's viewport: the lines in one under
// the nodes, their labels in one above them. React Flow would draw each edge in an <svg> of its own,
// with a store subscription of its own: 192 of each in the stress scenario, whose selectors all ran
// again when a hand-over changed the edges (about 5 ms of that view's JavaScript), and 192 SVG roots
// for the browser to lay out and paint. Here an edge that comes or goes is one <path> in an SVG that
// stays, and the edges' places are computed by one selector, from the same node internals and with
// the same function React Flow uses (getEdgePosition).
//
// Labels sit above the nodes: an edge runs from handle to handle and its label at its middle, so on
// a short edge (the SMMU to a region beside it) the label is wider than the gap between the nodes,
// and under them it was cut off. Above the nodes a label may cover a node's border, never its own
// text. They take no pointer events, so they never take a drag or a click from a node — except a
// label cut short (longer than LABEL_CAP): it shows its full text on hover, and a click selects the
// edge, whose inspector shows it whole.
//
// In the nodes' overview (zoomed out past OVERVIEW_ZOOM, see nodes/detail.ts) the labels' 12 px type
// is under 10 px on screen, as hard to read as the nodes' own details: the labels are not drawn there.

import { memo, useCallback, type CSSProperties } from 'react';
import {
  EdgeLabelRenderer,
  ViewportPortal,
  getBezierPath,
  useStore,
  type Edge,
  type InternalNode,
  type ReactFlowState,
} from '@xyflow/react';
import { getEdgePosition, type Position } from '@xyflow/system';
import { useOverview } from '../nodes/detail';
import { capLabel, measureLabel, LABEL_PAD, LABEL_STYLE, LABEL_BG_STYLE } from './edgeLabel';
import { useApp } from '../../store/appStore';

/** Where an edge runs: its two handles' points and sides, or null while a node is unmeasured. */
type Ends = { sx: number; sy: number; sp: Position; tx: number; ty: number; tp: Position } | null;

export const EdgeLayer = memo(function EdgeLayer({ edges }: { edges: Edge[] }) {
  const ends = useStore(
    useCallback((s: ReactFlowState) => edges.map((e) => endsOf(s, e)), [edges]),
    sameEnds,
  );
  const overview = useOverview();
  const drawn = edges.map((e, i) => {
    const p = ends[i];
    return p === null ? null : { edge: e, ...curveOf(p) };
  });
  return (
    <>
      <EdgeLabelRenderer>
        <svg className="cv-edges">
          {drawn.map((a) => a !== null && <EdgePath key={a.edge.id} id={a.edge.id} d={a.d} style={a.edge.style} />)}
        </svg>
      </EdgeLabelRenderer>
      <ViewportPortal>
        <svg className="cv-edge-labels">
          {!overview &&
            drawn.map(
              (a) =>
                a !== null &&
                typeof a.edge.label === 'string' &&
                a.edge.label !== '' && <EdgeLabel key={a.edge.id} id={a.edge.id} x={a.x} y={a.y} text={a.edge.label} />,
            )}
        </svg>
      </ViewportPortal>
    </>
  );
});

// The selector runs at every change of React Flow's store (a pan, a node measured), so each edge's
// ends are kept with the two internal nodes they came from: React Flow replaces a node's internal
// object whenever the node moves or is measured, so the same pair gives the same ends, as the same
// object. A curve is kept with the ends it was drawn from.
const endsCache = new WeakMap<Edge, { source: InternalNode; target: InternalNode; ends: Ends }>();
const curves = new WeakMap<NonNullable<Ends>, { d: string; x: number; y: number }>();

function endsOf(s: ReactFlowState, e: Edge): Ends {
  const sourceNode = s.nodeLookup.get(e.source);
  const targetNode = s.nodeLookup.get(e.target);
  if (sourceNode === undefined || targetNode === undefined) return null;
  const known = endsCache.get(e);
  if (known !== undefined && known.source === sourceNode && known.target === targetNode) return known.ends;
  const ends = computeEnds(s, e, sourceNode, targetNode);
  endsCache.set(e, { source: sourceNode, target: targetNode, ends });
  return ends;
}

function curveOf(p: NonNullable<Ends>): { d: string; x: number; y: number } {
  let c = curves.get(p);
  if (c === undefined) {
    const [d, x, y] = getBezierPath({
      sourceX: p.sx,
      sourceY: p.sy,
      sourcePosition: p.sp,
      targetX: p.tx,
      targetY: p.ty,
      targetPosition: p.tp,
    });
    curves.set(p, (c = { d, x, y }));
  }
  return c;
}

function computeEnds(s: ReactFlowState, e: Edge, sourceNode: InternalNode, targetNode: InternalNode): Ends {
  const p = getEdgePosition({
    id: e.id,
    sourceNode,
    targetNode,
    sourceHandle: e.sourceHandle ?? null,
    targetHandle: e.targetHandle ?? null,
    connectionMode: s.connectionMode,
  });
  return p === null ? null : { sx: p.sourceX, sy: p.sourceY, sp: p.sourcePosition, tx: p.targetX, ty: p.targetY, tp: p.targetPosition };
}

function sameEnds(a: Ends[], b: Ends[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const p = a[i];
    const q = b[i];
    if (p === q) continue;
    if (p === null || q === null) return false;
    if (p.sx !== q.sx || p.sy !== q.sy || p.tx !== q.tx || p.ty !== q.ty || p.sp !== q.sp || p.tp !== q.tp) return false;
  }
  return true;
}

const EdgePath = memo(function EdgePath({ id, d, style }: { id: string; d: string; style: CSSProperties | undefined }) {
  return <path className="cv-edge" data-edge={id} d={d} style={style} />;
});

const EdgeLabel = memo(function EdgeLabel({ id, x, y, text }: { id: string; x: number; y: number; text: string }) {
  const shown = capLabel(text);
  const capped = shown !== text;
  const { width, height } = measureLabel(shown);
  return (
    <g
      className={`cv-edge-label${capped ? ' cv-capped' : ''}`}
      data-testid="edge-label"
      data-label-of={id}
      transform={`translate(${x - width / 2} ${y - height / 2})`}
      onClick={
        capped
          ? (e) => {
              e.stopPropagation();
              useApp.getState().select({ kind: 'edge', id });
            }
          : undefined
      }
    >
      {capped && <title>{text}</title>}
      <rect
        x={-LABEL_PAD[0]}
        y={-LABEL_PAD[1]}
        width={width + 2 * LABEL_PAD[0]}
        height={height + 2 * LABEL_PAD[1]}
        rx={2}
        ry={2}
        style={LABEL_BG_STYLE}
      />
      <text y={height / 2} dy="0.3em" style={LABEL_STYLE}>
        {shown}
      </text>
    </g>
  );
});
