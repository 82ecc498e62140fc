// One colour per endpoint, used everywhere it appears (nodes, pages, particles, descriptors), so a
// reader follows "A's data" across the canvas at a glance. Built-ins have fixed, muted colours.
//
// The first six are told apart with deuteranopia and protanopia as well as with full colour vision
// (theme.cvd.test.ts simulates both and checks the distance between every two of them and the
// built-ins); beyond six, colours repeat hues, and the endpoint's name beside each mark tells them apart.

const PALETTE = [
  '#4f9dff',
  '#ffa31a',
  '#f0f0f0',
  '#a05a00',
  '#9fd8ff',
  '#7f5cff',
  '#3ecf8e',
  '#ff5d8f',
  '#ffc145',
  '#2ec4d6',
  '#c77dff',
  '#a3d65c',
  '#ff7a59',
  '#5ee0b8',
  '#e58cff',
  '#d4b44a',
];

/** How many endpoint colours are distinguishable with common colour-vision deficiencies. */
export const DISTINCT_OWNERS = 6;

export const HYP_COLOUR = '#8a8f98';
export const QUARANTINE_COLOUR = '#b08d57';
export const NOBODY_COLOUR = '#3a3f47';
export const FAULT_COLOUR = '#ff4d4f';
/** A broken rule: the leak's path, the page it reached, the SMMU entry that let it through. */
export const DANGER_COLOUR = '#ff2d55';
export const SECRET_COLOUR = '#ffd60a';

/** Endpoint index (0 hyp, 1 quarantine, then the scenario's endpoints in order) → colour. */
export function endpointColour(index: number): string {
  if (index === 0) return HYP_COLOUR;
  if (index === 1) return QUARANTINE_COLOUR;
  if (index < 0) return NOBODY_COLOUR;
  return PALETTE[(index - 2) % PALETTE.length];
}

export function hexAddr(n: number): string {
  return '0x' + n.toString(16);
}

/** Text colour that reads on a fill of `hex` (#rrggbb): dark on light fills, white on dark ones. */
export function textOn(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.45 ? '#0d0f12' : '#ffffff';
}
