// How each kind of edge is drawn: the canvas's edges (graph.ts) and the legend's samples of them
// take their strokes from here.

import type { CSSProperties } from 'react';

/** An owner's device: solid, in the owner's colour. */
export const ownerEdge = (colour: string): CSSProperties => ({ stroke: colour, strokeWidth: 2 });
/** A hand-over not yet accepted: dashed, in the receiver's colour. */
export const pendingEdge = (colour: string): CSSProperties => ({ stroke: colour, strokeDasharray: '6 4' });
/** A device's StreamIDs into the SMMU. */
export const streamEdge: CSSProperties = { stroke: '#5b6270', strokeWidth: 1.5 };
/** An IOMMU mapping: the SMMU into a region a valid STE's table maps. */
export const iommuEdge: CSSProperties = { stroke: '#7d8594', strokeWidth: 1.5 };
/** A CPU's stage-2 access to a region: faint and dotted, in the endpoint's colour. */
export const stage2Edge = (colour: string): CSSProperties => ({ stroke: colour, strokeDasharray: '2 5', strokeOpacity: 0.45 });
