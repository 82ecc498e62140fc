// An edge with a label (ownership state, StreamIDs, the tables mapping a region), drawn like React
// Flow's own bezier edge but with the label's box sized from the text's advance, measured once per
// label with a 2D context, and the label drawn above the nodes (EdgeLabelLayer.tsx). React Flow's
// EdgeText measures its text with getBBox after each commit: that forced a layout of the whole page
// inside the commit, then rendered the edge a second time, and when ownership changed during a run,
// dozens of labels did it at once.
//
// In the nodes' overview (zoomed out past OVERVIEW_ZOOM, see nodes/detail.ts) the labels' 11 px type
// is under 5 px on screen, as unreadable as the nodes' own: the edges are drawn without them there,
// like the nodes' details, and their elements are not laid out, painted or updated.

import { memo } from 'react';
import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import { useOverview } from '../nodes/detail';
import { InLabelLayer } from './EdgeLabelLayer';

/** How edge labels are set; their boxes are sized in this font. */
const LABEL = { fontSize: 11, fontFamily: 'ui-monospace, Menlo, monospace', fill: '#c9ced6' };
const LABEL_BG = { fill: '#16191e' };
/** Padding of the label's background, [x, y], as React Flow's default. */
const PAD: [number, number] = [2, 4];

export const LabelledEdge = memo(function LabelledEdge(p: EdgeProps) {
  const [path, x, y] = getBezierPath(p);
  const overview = useOverview();
  return (
    <>
      <BaseEdge path={path} style={p.style} interactionWidth={p.interactionWidth} />
      {!overview && typeof p.label === 'string' && p.label !== '' && (
        <InLabelLayer>
          <EdgeLabel x={x} y={y} text={p.label} />
        </InLabelLayer>
      )}
    </>
  );
});

function EdgeLabel({ x, y, text }: { x: number; y: number; text: string }) {
  const { width, height } = measure(text);
  return (
    <g className="react-flow__edge-textwrapper" transform={`translate(${x - width / 2} ${y - height / 2})`}>
      <rect
        className="react-flow__edge-textbg"
        x={-PAD[0]}
        y={-PAD[1]}
        width={width + 2 * PAD[0]}
        height={height + 2 * PAD[1]}
        rx={2}
        ry={2}
        style={LABEL_BG}
      />
      <text className="react-flow__edge-text" y={height / 2} dy="0.3em" style={LABEL}>
        {text}
      </text>
    </g>
  );
}

const FONT = `${LABEL.fontSize}px ${LABEL.fontFamily}`;
const sizes = new Map<string, { width: number; height: number }>();
let context: CanvasRenderingContext2D | null | undefined;

/** The label's box in the edge labels' font; without a 2D context, a monospace estimate. */
function measure(text: string): { width: number; height: number } {
  let size = sizes.get(text);
  if (size !== undefined) return size;
  if (context === undefined) {
    context = document.createElement('canvas').getContext('2d');
    if (context !== null) context.font = FONT;
  }
  const m = context?.measureText(text);
  size =
    m === undefined
      ? { width: 0.6 * LABEL.fontSize * text.length, height: 1.2 * LABEL.fontSize }
      : { width: m.width, height: m.fontBoundingBoxAscent + m.fontBoundingBoxDescent };
  sizes.set(text, size);
  return size;
}
