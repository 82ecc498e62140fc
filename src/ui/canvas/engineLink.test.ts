// The painter's end of the link to the engine: pacing, one request at a time, and the watchdog.

import { describe, expect, it } from 'vitest';
import { EngineLink, type LinkPort, type OverlayFrame } from './engineLink';
import type { OverlayMessage, OverlayRequest } from '../../worker/protocol';
import { WATCHDOG_MS } from '../../worker/pacing';

function port() {
  const asked: OverlayRequest[] = [];
  const p: LinkPort & { asked: OverlayRequest[]; closed: boolean; answer(m: OverlayMessage): void } = {
    asked,
    closed: false,
    onmessage: null,
    postMessage: (m) => void asked.push(m),
    close: () => void (p.closed = true),
    answer: (m) => p.onmessage!({ data: m } as MessageEvent<OverlayMessage>),
  };
  return p;
}

const frame = (playing: boolean): OverlayFrame => ({
  type: 'frame',
  clock: 1,
  playing,
  speed: 20,
  inflight: new Float64Array(0),
  ended: new Float64Array(0),
});

function setup() {
  let now = 1000;
  const got: OverlayFrame[] = [];
  const stalls: number[] = [];
  const link = new EngineLink(
    (f) => got.push(f),
    (ms) => stalls.push(ms),
    () => now,
  );
  const p = port();
  link.attach(p);
  return { link, p, got, stalls, advance: (ms: number) => void (now += ms) };
}

describe('the painter’s link to the engine', () => {
  it('asks for one frame per animation frame while the run plays, each after the previous one came', () => {
    const { link, p, got, advance } = setup();
    link.tick();
    expect(p.asked).toHaveLength(0); // nothing plays yet
    p.answer(frame(true));
    expect(got).toHaveLength(1);
    link.tick();
    expect(p.asked).toEqual([{ type: 'frame', ms: 16 }]);
    advance(17);
    link.tick(); // the answer has not come: no second request
    expect(p.asked).toHaveLength(1);
    p.answer(frame(true));
    link.tick();
    expect(p.asked[1]).toEqual({ type: 'frame', ms: 17 });
    // A long gap (a hidden tab) advances the run by at most 100 ms.
    p.answer(frame(true));
    advance(5000);
    link.tick();
    expect(p.asked[2]).toEqual({ type: 'frame', ms: 100 });
  });

  it('stops asking when the run pauses or stops on an error', () => {
    const { link, p } = setup();
    p.answer(frame(true));
    link.tick();
    p.answer(frame(false));
    link.tick();
    expect(p.asked).toHaveLength(1);
    p.answer(frame(true));
    link.tick();
    expect(p.asked[1]).toEqual({ type: 'frame', ms: 16 }); // a new run starts afresh
    p.answer({ type: 'stop' });
    link.tick();
    expect(p.asked).toHaveLength(2);
  });

  it('reports a request left unanswered for longer than the watchdog, once', () => {
    const { link, p, stalls, advance } = setup();
    p.answer(frame(true));
    link.tick();
    advance(WATCHDOG_MS);
    link.tick();
    expect(stalls).toEqual([]);
    advance(50);
    link.tick();
    link.tick();
    expect(stalls).toEqual([WATCHDOG_MS + 50]);
  });

  it('a new link replaces the old one and forgets the request in flight', () => {
    const { link, p, stalls, advance } = setup();
    p.answer(frame(true));
    link.tick();
    const next = port();
    link.attach(next);
    expect(p.closed).toBe(true);
    advance(WATCHDOG_MS * 2);
    link.tick();
    expect(stalls).toEqual([]);
    next.answer(frame(true));
    link.tick();
    expect(next.asked).toHaveLength(1);
  });
});
