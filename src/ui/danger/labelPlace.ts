// Where the violation's label goes so that it hides as little of the nodes as it can: it starts just
// under its anchor (the page's region, or the device) and tries each place further down where one
// of the nodes it covers ends, while it stays in the visible part of the canvas; it takes the place
// that covers the least node area, the nearest of equals. In flow units.

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The area two boxes share. */
function shared(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * How far below its first place (`label`) the label goes, and the node area it covers there: 0 when that place covers no node, else
 * the distance to the place that covers the least node area among those under the nodes it meets
 * that end above `bottom`. `gap` is the space left under a node.
 */
export function labelSlide(label: Box, nodes: readonly Box[], bottom: number, gap: number): { by: number; covered: number } {
  let best = { by: 0, covered: Infinity };
  let y = label.y;
  for (let tries = 0; tries <= nodes.length; tries++) {
    const at = { ...label, y };
    if (tries > 0 && at.y + at.height > bottom) break;
    const hit = nodes.filter((n) => shared(at, n) > 0);
    const covered = hit.reduce((sum, n) => sum + shared(at, n), 0);
    if (covered < best.covered) best = { by: y - label.y, covered };
    if (hit.length === 0) break;
    y = Math.min(...hit.map((n) => n.y + n.height)) + gap;
  }
  return best;
}
