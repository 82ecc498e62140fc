// The page grid of a region node: fixed cells in fixed columns, so a page's place is arithmetic.
// The overlay's geometry measures the grid once per region and adds these offsets, and a large
// region draws its cells on one canvas at the same places; nodes.css lays the DOM cells out with
// the same figures (a test holds the two together).

/** A cell's side and the gap between cells, in CSS pixels at zoom 1 (flow units). */
export const PAGE_CELL = 20;
export const PAGE_GAP = 3;
export const PAGE_COLUMNS = 8;
/** From this many pages a region draws its cells on one canvas rather than as elements. */
export const PAGE_CANVAS_FROM = 65;

const PITCH = PAGE_CELL + PAGE_GAP;

/** Page k's centre relative to the grid's top-left. */
export function cellCentre(k: number): { x: number; y: number } {
  return { x: (k % PAGE_COLUMNS) * PITCH + PAGE_CELL / 2, y: Math.floor(k / PAGE_COLUMNS) * PITCH + PAGE_CELL / 2 };
}

/** The grid's size for `pages` cells. */
export function gridSize(pages: number): { w: number; h: number } {
  const rows = Math.ceil(pages / PAGE_COLUMNS);
  const cols = Math.min(pages, PAGE_COLUMNS);
  return { w: Math.max(0, cols * PITCH - PAGE_GAP), h: Math.max(0, rows * PITCH - PAGE_GAP) };
}

/** The page under a point of the grid (grid coordinates at zoom 1), or null in a gap or outside. */
export function cellAt(x: number, y: number, pages: number): number | null {
  if (x < 0 || y < 0) return null;
  const col = Math.floor(x / PITCH);
  const row = Math.floor(y / PITCH);
  if (col >= PAGE_COLUMNS || x - col * PITCH >= PAGE_CELL || y - row * PITCH >= PAGE_CELL) return null;
  const k = row * PAGE_COLUMNS + col;
  return k < pages ? k : null;
}
