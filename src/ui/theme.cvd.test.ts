// Owner colours under colour-vision deficiency: each colour is passed through Machado, Oliveira and
// Fernandes's (2009) simulation matrices for protanopia and deuteranopia (severity 1, applied to
// linear RGB), and every two of the first DISTINCT_OWNERS endpoint colours and the built-ins must
// stay at least MIN_DELTA_E apart (CIE76 ΔE in CIELAB, D65).

import { describe, expect, it } from 'vitest';
import { DISTINCT_OWNERS, endpointColour, HYP_COLOUR, NOBODY_COLOUR, QUARANTINE_COLOUR } from './theme';

type Matrix = readonly (readonly [number, number, number])[];

const MACHADO: Record<'protanopia' | 'deuteranopia' | 'normal', Matrix> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  normal: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
};

/** The smallest ΔE allowed between two owner colours as a viewer with each vision sees them. */
const MIN_DELTA_E = 20;

const toLinear = (c: number) => {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
};

function rgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => toLinear(parseInt(hex.slice(i, i + 2), 16))) as [number, number, number];
}

function simulate(hex: string, m: Matrix): [number, number, number] {
  const c = rgb(hex);
  return m.map((r) => Math.min(1, Math.max(0, r[0] * c[0] + r[1] * c[1] + r[2] * c[2]))) as [number, number, number];
}

function lab([r, g, b]: [number, number, number]): [number, number, number] {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

const deltaE = (a: [number, number, number], b: [number, number, number]) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/** The two closest of `colours` as seen through `m`, and their distance. */
function closest(colours: string[], m: Matrix): { d: number; pair: string } {
  let best = { d: Infinity, pair: '' };
  for (let i = 0; i < colours.length; i++)
    for (let j = i + 1; j < colours.length; j++) {
      const d = deltaE(lab(simulate(colours[i], m)), lab(simulate(colours[j], m)));
      if (d < best.d) best = { d, pair: `${colours[i]} ${colours[j]}` };
    }
  return best;
}

describe('owner colours with colour-vision deficiency', () => {
  const owners = Array.from({ length: DISTINCT_OWNERS }, (_, k) => endpointColour(k + 2));
  const all = [...owners, HYP_COLOUR, QUARANTINE_COLOUR, NOBODY_COLOUR];

  for (const [vision, m] of Object.entries(MACHADO))
    it(`keeps the first ${DISTINCT_OWNERS} owners and the built-ins ΔE ≥ ${MIN_DELTA_E} apart (${vision})`, () => {
      const c = closest(all, m);
      expect(c.d, c.pair).toBeGreaterThanOrEqual(MIN_DELTA_E);
    });

  it('the simulation is the identity for full colour vision and folds red onto green for the deficiencies', () => {
    expect(simulate('#4f9dff', MACHADO.normal)).toEqual(rgb('#4f9dff'));
    // Pure red and a green of the same simulated lightness come out close with deuteranopia, far apart without it.
    const red = lab(simulate('#ff0000', MACHADO.deuteranopia));
    const olive = lab(simulate('#a0a000', MACHADO.deuteranopia));
    expect(deltaE(red, olive)).toBeLessThan(deltaE(lab(rgb('#ff0000')), lab(rgb('#a0a000'))));
  });

  it('the simulation separates too little a known protanopia confusion pair: orange and the quarantine brown', () => {
    expect(closest(['#ff7a59', QUARANTINE_COLOUR], MACHADO.protanopia).d).toBeLessThan(5);
  });
});
