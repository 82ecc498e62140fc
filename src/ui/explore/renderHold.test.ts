// The page's hold on the search: one hold per change until the frame that draws it, a view's hold
// lasting its frames, none after the watch stops, and a hold in force when it stops is released.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { holdWhileRendering } from './renderHold';

const g = globalThis as { requestAnimationFrame?: (f: () => void) => number };
let queued: (() => void)[] = [];

/** Runs one animation frame, then lets the task after it (the release) run. */
async function frame(): Promise<void> {
  const run = queued;
  queued = [];
  for (const f of run) f();
  await new Promise((r) => setTimeout(r, 5));
}

describe('the hold while the page renders', () => {
  beforeEach(() => {
    queued = [];
    g.requestAnimationFrame = (f) => queued.push(f);
  });
  afterEach(() => void delete g.requestAnimationFrame);

  it('holds once per change and releases after the next frame', async () => {
    const sent: boolean[] = [];
    const h = holdWhileRendering((on) => sent.push(on));
    h.changed();
    h.changed();
    expect(sent).toEqual([true]);
    await frame();
    expect(sent).toEqual([true, false]);
    h.changed();
    await frame();
    expect(sent).toEqual([true, false, true, false]);
    h.stop();
  });

  it('holds a change through the frames it asks for, a later change lengthening the hold', async () => {
    const sent: boolean[] = [];
    const h = holdWhileRendering((on) => sent.push(on));
    h.changed(3);
    await frame();
    await frame();
    expect(sent).toEqual([true]);
    h.changed(2);
    await frame();
    expect(sent).toEqual([true]);
    await frame();
    expect(sent).toEqual([true, false]);
    h.stop();
  });

  it('releases between frames when every frame holds, as while the run plays', async () => {
    const sent: boolean[] = [];
    const h = holdWhileRendering((on) => sent.push(on));
    const loop = () => {
      h.changed();
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
    // Held at frames 1, 3 and 5 through the frame after; free after frames 2 and 4.
    for (let i = 0; i < 5; i++) await frame();
    expect(sent).toEqual([true, false, true, false, true]);
    h.stop();
  });

  it('releases a hold in force when it stops, and holds no more', async () => {
    const sent: boolean[] = [];
    const h = holdWhileRendering((on) => sent.push(on));
    h.changed(3);
    h.stop();
    h.changed();
    await frame();
    expect(sent).toEqual([true, false]);
  });
});
