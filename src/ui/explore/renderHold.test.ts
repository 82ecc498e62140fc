// The page's hold on the search: one hold per change until the frame after it is drawn, none
// after the watch stops, and a hold in force when it stops is released.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { holdWhileRendering } from './renderHold';

const frame = () => new Promise((r) => setTimeout(r, 5));
const g = globalThis as { requestAnimationFrame?: (f: () => void) => number };

describe('the hold while the page renders', () => {
  beforeEach(() => void (g.requestAnimationFrame = (f) => setTimeout(f, 0) as unknown as number));
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

  it('releases a hold in force when it stops, and holds no more', async () => {
    const sent: boolean[] = [];
    const h = holdWhileRendering((on) => sent.push(on));
    h.changed();
    h.stop();
    h.changed();
    await frame();
    expect(sent).toEqual([true, false]);
  });
});
