// Edge labels are drawn in one SVG above the nodes, not in each edge's own SVG under them. An edge
// runs from handle to handle, and its label sits at the edge's middle: on a short edge (the SMMU to
// a region beside it) the label is wider than the gap between the two nodes, and under them it was
// cut off — in the seed's attack, the "S2:A · VMID 1" mapping lost its start under the SMMU. Above
// the nodes a label may cover a node's border, never its own text.

import { createContext, useContext, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { ViewportPortal } from '@xyflow/react';

/** The layer's group, once mounted; provided around React Flow, so its edges can reach it. */
export const LabelLayer = createContext<SVGGElement | null>(null);

/** The layer itself: inside React Flow, in its viewport (it pans and zooms with the nodes), above the nodes. */
export function EdgeLabelLayer({ onMount }: { onMount: (g: SVGGElement | null) => void }) {
  return (
    <ViewportPortal>
      <svg className="cv-edge-labels">
        <g ref={onMount} />
      </svg>
    </ViewportPortal>
  );
}

/** An edge's label, drawn in the label layer (nothing until the layer is mounted). */
export function InLabelLayer({ children }: { children: ReactNode }) {
  const g = useContext(LabelLayer);
  return g === null ? null : createPortal(children, g);
}
