// One colour per endpoint, used everywhere it appears (nodes, pages, particles, descriptors), so a
// reader follows "A's data" across the canvas at a glance. Built-ins have fixed, muted colours.

const PALETTE = [
  '#4f9dff',
  '#ff7a59',
  '#3ecf8e',
  '#c77dff',
  '#ffc145',
  '#2ec4d6',
  '#ff5d8f',
  '#a3d65c',
  '#8c9eff',
  '#ffab6e',
  '#5ee0b8',
  '#e58cff',
  '#d4b44a',
  '#6fc3ff',
  '#ff8fab',
  '#b5e48c',
];

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
