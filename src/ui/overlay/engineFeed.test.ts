// The painter's pacing (engineFeed.ts): one request per drawn frame while playing, never two in
// flight, with the wall time since the last request (capped), and none while paused.

import { describe, expect, it } from 'vitest';
import { EngineFeed } from './engineFeed';
import type { OverlayFrame, OverlayRequest, Port } from '../../worker/route';

function engine() {
  const asked: number[] = [];
  const handedBack: ArrayBuffer[][] = [];
  const port: Port<OverlayFrame, OverlayRequest> & {
    asked: number[];
    handedBack: ArrayBuffer[][];
    closed: boolean;
    answer(playing: boolean, inflight?: Float64Array, ended?: Float64Array): void;
  } = {
    asked,
    handedBack,
    closed: false,
    onmessage: null,
    postMessage: (m) => void (m.type === 'frame' ? asked.push(m.ms) : handedBack.push(m.buffers)),
    close: () => void (port.closed = true),
    answer: (playing, inflight = new Float64Array(0), ended = new Float64Array(0)) =>
      port.onmessage!({
        data: { type: 'frame', seq: 1, clock: 0, playing, speed: 20, horizon: 100, inflight, ended },
      } as MessageEvent<OverlayFrame>),
  };
  return port;
}

describe('the painter asking the engine for frames', () => {
  it('asks once per drawn frame while playing, waits for the answer, and sends the wall time since it last asked', () => {
    let now = 1000;
    const got: OverlayFrame[] = [];
    const feed = new EngineFeed(
      (f) => got.push(f),
      () => now,
    );
    const port = engine();
    feed.connect(port);
    feed.tick(true);
    expect(port.asked).toEqual([16]); // the first frame of a run: one display frame
    now += 17;
    feed.tick(true); // no answer yet: no second request
    expect(port.asked).toEqual([16]);
    port.answer(true);
    expect(got).toHaveLength(1);
    feed.tick(true);
    expect(port.asked).toEqual([16, 17]);
    port.answer(true);
    now += 5000; // a painter held up (a hidden page): the run does not leap
    feed.tick(true);
    expect(port.asked).toEqual([16, 17, 100]);
  });

  it('asks nothing while paused, and a run played again starts from one display frame', () => {
    let now = 0;
    const feed = new EngineFeed(
      () => {},
      () => now,
    );
    const port = engine();
    feed.connect(port);
    feed.tick(false);
    expect(port.asked).toEqual([]);
    feed.tick(true);
    port.answer(false);
    now += 40;
    feed.tick(false);
    feed.tick(true);
    expect(port.asked).toEqual([16, 16]);
  });

  it('a new engine replaces the old channel, and a request left unanswered there does not hold it up', () => {
    const feed = new EngineFeed(
      () => {},
      () => 0,
    );
    const old = engine();
    feed.connect(old);
    feed.tick(true);
    const next = engine();
    feed.connect(next);
    expect(old.closed).toBe(true);
    feed.tick(true);
    expect(next.asked).toEqual([16]);
  });

  it("hands a frame's arrays back to the engine once the next frame has replaced it, never the one being drawn", () => {
    let drawn: OverlayFrame | null = null;
    const feed = new EngineFeed(
      (f) => void (drawn = f),
      () => 0,
    );
    const port = engine();
    feed.connect(port);
    const first = [new Float64Array(22), new Float64Array(11)];
    port.answer(true, first[0], first[1]);
    expect(port.handedBack).toEqual([]);
    const second = [new Float64Array(33), new Float64Array(0)];
    port.answer(true, second[0], second[1]);
    expect(drawn!.inflight).toBe(second[0]);
    expect(port.handedBack).toEqual([[first[0].buffer, first[1].buffer]]);
    port.answer(true);
    expect(port.handedBack[1]).toEqual([second[0].buffer]); // an empty array is not worth handing back
  });
});
