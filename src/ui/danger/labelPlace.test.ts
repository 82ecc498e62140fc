import { describe, expect, it } from 'vitest';
import { labelSlide } from './labelPlace';

describe('the violation label’s place', () => {
  const label = { x: 600, y: 106, width: 230, height: 30 };
  const pRam = { x: 650, y: 120, width: 150, height: 60 };

  it('stays under its anchor when it covers nothing there', () => {
    expect(labelSlide(label, [{ x: 0, y: 0, width: 200, height: 400 }], 800, 6).by).toBe(0);
  });

  it('slides past the node under its anchor, and past the next one it would then cover', () => {
    const next = { x: 700, y: 190, width: 100, height: 40 };
    // Under p-ram (ends at 180) + 6 = 186 covers `next` (190–230): under it, 236.
    expect(labelSlide(label, [pRam, next], 800, 6).by).toBe(236 - 106);
  });

  it('stays under its anchor when sliding would leave the visible canvas', () => {
    expect(labelSlide(label, [pRam], 200, 6).by).toBe(0);
  });

  it('where every place covers something, takes the one that covers least', () => {
    // A tall node to the left that the label's left end overlaps wherever it goes (30 × 30 from 186
    // on), and p-ram, which it covers 150 × 14 under its anchor: under p-ram is the better place.
    // The visible canvas ends at 520, before there is room under the tall node.
    const smmu = { x: 500, y: 0, width: 130, height: 500 };
    expect(labelSlide(label, [smmu, pRam], 520, 6).by).toBe(186 - 106);
    // With room under it, the label goes where it covers nothing.
    expect(labelSlide(label, [smmu, pRam], 800, 6).by).toBe(506 - 106);
  });
});
