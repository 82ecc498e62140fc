// The trace hash: two 32-bit FNV-1a style lanes fed with integers, so that hashing an event costs a
// few multiplications and no string building on the engine's hot path.

export type HashState = [number, number];

export function newHash(): HashState {
  return [0x811c9dc5, 0x01000193 ^ 0x5bd1e995];
}

export function mix(h: HashState, v: number): void {
  // Split into 32-bit halves so values above 2^32 (physical addresses) still count fully.
  const lo = v >>> 0;
  const hi = Math.floor(v / 4294967296) >>> 0;
  h[0] = Math.imul(h[0] ^ lo, 0x01000193) ^ hi;
  h[1] = Math.imul(h[1] ^ (lo + 0x9e3779b9), 0x5bd1e995) ^ Math.imul(hi, 0x85ebca6b);
}

export function digest(h: HashState): string {
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return hex(h[0]) + hex(h[1]);
}
