import { describe, expect, it } from 'vitest';
import { estimatedFit } from './PreFit';

describe('the fit estimated before the nodes are measured', () => {
  it('centres the places and zooms so they fill the pane, within the zoom range', () => {
    const places = Array.from({ length: 256 }, (_, i) => ({ x: (i % 8) * 300, y: Math.floor(i / 8) * 200 }));
    const fit = estimatedFit(places, { width: 1000, height: 600 }, [0.05, 2.5])!;
    // 32 rows of 200 plus a node: 6,360 units tall into 600 pixels.
    expect(fit.zoom).toBeCloseTo(600 / 6360, 5);
    // The middle of the places is the middle of the pane.
    expect(fit.x + ((0 + 7 * 300 + 240) / 2) * fit.zoom).toBeCloseTo(500, 5);
    expect(fit.y + ((0 + 31 * 200 + 160) / 2) * fit.zoom).toBeCloseTo(300, 5);
    expect(estimatedFit(places, { width: 1000, height: 600 }, [0.15, 2.5])!.zoom).toBe(0.15);
  });

  it('keeps the zoom within the range and has nothing to fit without places or a pane', () => {
    expect(estimatedFit([{ x: 0, y: 0 }], { width: 1000, height: 600 }, [0.15, 2.5])!.zoom).toBe(2.5);
    expect(estimatedFit([], { width: 1000, height: 600 }, [0.15, 2.5])).toBeNull();
    expect(estimatedFit([{ x: 0, y: 0 }], { width: 0, height: 0 }, [0.15, 2.5])).toBeNull();
  });
});
