// The engine's only source of randomness: a small counter-based generator (sfc32) whose whole state
// is four 32-bit integers, so it snapshots as plain data and replays identically everywhere.

export type RngState = [number, number, number, number];

export function seedRng(seed: number): RngState {
  const s: RngState = [0x9e3779b9, 0x243f6a88, 0xb7e15162, seed >>> 0];
  // Warm up so that nearby seeds diverge at once.
  for (let i = 0; i < 12; i++) nextU32(s);
  return s;
}

export function nextU32(s: RngState): number {
  const a = s[0],
    b = s[1],
    c = s[2],
    d = s[3];
  const t = (((a + b) | 0) + d) | 0;
  s[3] = (d + 1) | 0;
  s[0] = b ^ (b >>> 9);
  s[1] = (c + (c << 3)) | 0;
  const r = (c << 21) | (c >>> 11);
  s[2] = (r + t) | 0;
  return t >>> 0;
}

/** A uniform integer in [min, max], inclusive. */
export function nextInt(s: RngState, min: number, max: number): number {
  if (max <= min) return min;
  // Unsigned 32-bit operands keep the modulus an integer operation (and the result a small
  // integer); the values are exactly those of the plain expression.
  const range = (max - min + 1) >>> 0;
  return min + ((nextU32(s) % range) | 0);
}
