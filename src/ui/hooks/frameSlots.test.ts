import { afterEach, describe, expect, it, vi } from 'vitest';

// Frames are driven by hand: each call of `frame()` runs the callbacks requested so far.
let requested: Array<() => void> = [];
const frame = () => {
  const now = requested;
  requested = [];
  now.forEach((f) => f());
};
vi.stubGlobal('requestAnimationFrame', (f: () => void) => requested.push(f));
const { inSlot, SLOTS } = await import('./frameSlots');

afterEach(() => {
  for (let i = 0; i <= SLOTS; i++) frame();
});

describe('frame slots', () => {
  it('runs slot 0 at once and slot k on the k-th frame after', () => {
    const ran: string[] = [];
    inSlot(0, () => ran.push('0'));
    inSlot(2, () => ran.push('2'));
    inSlot(1, () => ran.push('1'));
    expect(ran).toEqual(['0']);
    frame();
    expect(ran).toEqual(['0', '1']);
    frame();
    expect(ran).toEqual(['0', '1', '2']);
  });

  it('spreads one change over at most SLOTS frames, then stops asking for frames', () => {
    const ran: number[] = [];
    for (let s = 0; s < 10; s++) inSlot(s, () => ran.push(s));
    let frames = 0;
    while (requested.length > 0) {
      frame();
      frames++;
    }
    expect(ran).toHaveLength(10);
    expect(frames).toBe(SLOTS);
  });

  it('keeps work queued from inside a slot for a later frame', () => {
    const ran: string[] = [];
    inSlot(1, () => {
      ran.push('a');
      inSlot(1, () => ran.push('b'));
    });
    frame();
    expect(ran).toEqual(['a']);
    frame();
    expect(ran).toEqual(['a', 'b']);
  });
});
