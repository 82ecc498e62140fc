// The engine worker's routing (route.ts): with no overlay channel every answer goes to the app;
// with one, the painter gets every frame's transactions and asks for the frames while playing,
// and the app gets its own answers and the frames with entities, marked as drawn elsewhere.

import { describe, expect, it } from 'vitest';
import { Router, type OverlayFrame, type OverlayRequest, type Port } from './route';
import { Server } from './serve';
import type { Frame, Response } from './protocol';
import { parseScenario } from '../scenario/parse';
import { galleryEntry } from '../scenario/gallery';

function scenario() {
  const r = parseScenario(galleryEntry('seed-attack')!.doc);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.scenario;
}

/** The painter's end, answered synchronously: what it was sent, with the transfer lists. */
function painterPort() {
  const got: { m: OverlayFrame; transfer: Transferable[] }[] = [];
  const port: Port<OverlayRequest, OverlayFrame> & { got: typeof got; closed: boolean; ask(ms: number): void } = {
    got,
    closed: false,
    onmessage: null,
    postMessage: (m, transfer) => void got.push({ m, transfer }),
    close: () => void (port.closed = true),
    ask: (ms) => port.onmessage!({ data: { type: 'frame', ms } } as MessageEvent<OverlayRequest>),
  };
  return port;
}

function setup() {
  const app: { r: Response; transfer: Transferable[] }[] = [];
  const router = new Router(new Server(), (r, transfer) => void app.push({ r, transfer }));
  const appFrames = () => app.map((a) => a.r).filter((r): r is Frame => r.type === 'frame');
  return { router, app, appFrames };
}

describe('engine worker routing', () => {
  it('with no overlay channel, frames go to the app with their transactions, transferred', () => {
    const { router, app, appFrames } = setup();
    router.fromApp({ type: 'load', scenario: scenario(), at: 62, playing: false });
    expect(app.map((a) => a.r.type)).toEqual(['loaded', 'frame']);
    const f = appFrames()[0];
    expect(f.direct).toBeUndefined();
    expect(f.inflight.length).toBeGreaterThan(0);
    expect(app[1].transfer).toEqual([f.inflight.buffer, f.ended.buffer]);
  });

  it('a new overlay channel starts from the frame at the playhead; the app then gets its answers marked direct, without transactions', () => {
    const { router, appFrames } = setup();
    router.fromApp({ type: 'load', scenario: scenario(), at: 62, playing: false });
    const painter = painterPort();
    router.connect(painter);
    expect(painter.got).toHaveLength(1);
    expect(painter.got[0].m.clock).toBe(62);
    expect(painter.got[0].m.inflight.length).toBeGreaterThan(0);
    expect('view' in painter.got[0].m).toBe(false);

    router.fromApp({ type: 'seek', t: 41 });
    expect(painter.got).toHaveLength(2);
    const [toPainter] = painter.got.slice(-1);
    expect(toPainter.m.clock).toBe(41);
    expect(toPainter.transfer).toEqual([toPainter.m.inflight.buffer, toPainter.m.ended.buffer]);
    const toApp = appFrames().slice(-1)[0];
    expect(toApp).toMatchObject({ clock: 41, direct: true, seq: toPainter.m.seq });
    expect(toApp.view!.now).toBe(41);
    expect(toApp.inflight.length + toApp.ended.length).toBe(0);
  });

  it('while playing, the painter asks for every frame and the app hears only of those with entities, down to the stop at the end', () => {
    const { router, appFrames } = setup();
    router.fromApp({ type: 'load', scenario: scenario(), at: 0, playing: false });
    const painter = painterPort();
    router.connect(painter);
    router.fromApp({ type: 'speed', ticksPerSecond: 50 });
    router.fromApp({ type: 'play' });
    const heard = appFrames().length;
    // Asked back to back, well within the app's view interval: transactions only.
    for (let i = 0; i < 5; i++) painter.ask(16);
    expect(painter.got.slice(-5).every((g) => g.m.playing)).toBe(true);
    expect(appFrames()).toHaveLength(heard);
    // The run reaches its end: the painter sees it stop, and so does the app, with the entities.
    router.fromApp({ type: 'speed', ticksPerSecond: 100000 });
    painter.ask(100);
    const last = painter.got.slice(-1)[0].m;
    expect(last.playing).toBe(false);
    const end = appFrames().slice(-1)[0];
    expect(end).toMatchObject({ playing: false, direct: true, clock: last.clock });
    expect(end.view).not.toBeNull();
  });

  it('taking the channel back closes it and sends the transactions to the app again', () => {
    const { router, appFrames } = setup();
    router.fromApp({ type: 'load', scenario: scenario(), at: 62, playing: false });
    const painter = painterPort();
    router.connect(painter);
    router.fromApp({ type: 'overlay', port: null });
    expect(painter.closed).toBe(true);
    router.fromApp({ type: 'seek', t: 30 });
    const f = appFrames().slice(-1)[0];
    expect(f.direct).toBeUndefined();
    expect(f.inflight.length).toBeGreaterThan(0);
    expect(painter.got).toHaveLength(1);
  });

  it("the painter's handed-back arrays are filled again by the next frames", () => {
    const { router } = setup();
    router.fromApp({ type: 'load', scenario: scenario(), at: 62, playing: true });
    const painter = painterPort();
    router.connect(painter);
    const first = painter.got[0].m;
    expect(first.inflight.length).toBeGreaterThan(0);
    painter.onmessage!({ data: { type: 'recycle', buffers: [first.inflight.buffer as ArrayBuffer] } } as MessageEvent<OverlayRequest>);
    painter.ask(16);
    const next = painter.got.at(-1)!.m;
    expect(next.clock).toBeGreaterThan(62);
    expect(next.inflight.buffer).toBe(first.inflight.buffer);
    expect(next.inflight.length).toBeGreaterThan(0);
  });
});
