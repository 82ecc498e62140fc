// The page grid's arithmetic, and nodes.css laying the element cells out with the same figures:
// the overlay draws at the arithmetic places, so the two must agree.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { PAGE_CELL, PAGE_COLUMNS, PAGE_GAP, cellAt, cellCentre, gridSize } from './pageGrid';

describe('page grid', () => {
  it('places cells row by row', () => {
    expect(cellCentre(0)).toEqual({ x: 10, y: 10 });
    expect(cellCentre(1)).toEqual({ x: 33, y: 10 });
    expect(cellCentre(PAGE_COLUMNS)).toEqual({ x: 10, y: 33 });
    expect(gridSize(1)).toEqual({ w: 20, h: 20 });
    expect(gridSize(128)).toEqual({ w: 8 * 23 - 3, h: 16 * 23 - 3 });
  });

  it('finds the cell under a point, and none in a gap or past the last page', () => {
    for (const k of [0, 7, 8, 127]) {
      const c = cellCentre(k);
      expect(cellAt(c.x, c.y, 128)).toBe(k);
    }
    expect(cellAt(PAGE_CELL + 1, 5, 128)).toBeNull();
    expect(cellAt(5, PAGE_CELL + 1, 128)).toBeNull();
    expect(cellAt(cellCentre(10).x, cellCentre(10).y, 10)).toBeNull();
    expect(cellAt(-1, 5, 10)).toBeNull();
  });

  it('agrees with nodes.css', () => {
    const css = readFileSync(new URL('./nodes.css', import.meta.url), 'utf8');
    const rule = (sel: string) => css.match(new RegExp(`\\n${sel.replace('.', '\\.')} \\{([^}]*)\\}`))?.[1] ?? '';
    expect(rule('.dn-pages')).toContain(`grid-template-columns: repeat(${PAGE_COLUMNS}, ${PAGE_CELL}px);`);
    expect(rule('.dn-pages')).toContain(`gap: ${PAGE_GAP}px;`);
    expect(rule('.dn-page')).toContain(`width: ${PAGE_CELL}px;`);
    expect(rule('.dn-page')).toContain(`height: ${PAGE_CELL}px;`);
  });
});
