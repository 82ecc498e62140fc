// Where the engine's responses go, unlinked and linked to the overlay's painter (route.ts).

import { describe, expect, it } from 'vitest';
import { deliver, type Outbox } from './route';
import { Server } from './serve';
import type { Frame, OverlayMessage, Response } from './protocol';
import { parseScenario } from '../scenario/parse';
import { galleryEntry } from '../scenario/gallery';

function loaded(): Server {
  const r = parseScenario(galleryEntry('seed-attack')!.doc);
  if (!r.ok) throw new Error(r.errors.join('; '));
  const server = new Server();
  server.handle({ type: 'load', scenario: r.scenario, at: 60, playing: false });
  return server;
}

function outbox(linked: boolean) {
  const app: { r: Response; transfer: Transferable[] }[] = [];
  const overlay: { m: OverlayMessage; transfer: Transferable[] }[] = [];
  const out: Outbox = {
    app: (r, transfer) => app.push({ r, transfer }),
    overlay: linked ? (m, transfer) => overlay.push({ m, transfer }) : null,
  };
  return { out, app, overlay };
}

const frame = (over: Partial<Frame>): Frame => ({
  type: 'frame',
  seq: 1,
  clock: 10,
  playing: true,
  speed: 20,
  horizon: 100,
  view: null,
  inflight: new Float64Array([1, 2, 3]),
  ended: new Float64Array([4]),
  ...over,
});

describe('routing the engine’s responses', () => {
  it('unlinked, the app gets every frame with its transactions, to transfer', () => {
    const { out, app } = outbox(false);
    const f = frame({});
    deliver([f], 'app', out);
    expect(app).toHaveLength(1);
    expect(app[0].r).toBe(f);
    expect(app[0].transfer).toEqual([f.inflight.buffer, f.ended.buffer]);
  });

  it('linked, the painter gets the transactions and the app the answer to its own request without them', () => {
    const server = loaded();
    const { out, app, overlay } = outbox(true);
    deliver(server.handle({ type: 'seek', t: 62 }), 'app', out);
    expect(overlay).toHaveLength(1);
    const m = overlay[0].m;
    if (m.type !== 'frame') throw new Error('a frame was expected');
    expect(m.clock).toBe(62);
    expect(m.inflight.length).toBeGreaterThan(0);
    expect(overlay[0].transfer).toEqual([m.inflight.buffer, m.ended.buffer]);
    expect(app).toHaveLength(1);
    const r = app[0].r as Frame;
    expect(r.view!.devices.length).toBeGreaterThan(0);
    expect(r.inflight.length + r.ended.length).toBe(0);
    expect(r.unasked).toBeUndefined();
  });

  it('linked, a frame the painter asked for reaches the app only with a view or when the run stopped', () => {
    const { out, app, overlay } = outbox(true);
    deliver([frame({ view: null })], 'overlay', out);
    expect(app).toHaveLength(0);
    const view = loaded()
      .handle({ type: 'seek', t: 5 })
      .find((r): r is Frame => r.type === 'frame')!.view;
    deliver([frame({ view })], 'overlay', out);
    deliver([frame({ view: null, playing: false })], 'overlay', out);
    expect(overlay).toHaveLength(3);
    expect(app.map((a) => (a.r as Frame).unasked)).toEqual([true, true]);
    expect(app.every((a) => (a.r as Frame).inflight.length === 0 && a.transfer.length === 0)).toBe(true);
  });

  it('linked, an error tells the painter to stop asking, and the app why', () => {
    const { out, app, overlay } = outbox(true);
    deliver(new Server().handle({ type: 'frame', ms: 16 }), 'overlay', out);
    expect(overlay.map((o) => o.m.type)).toEqual(['stop']);
    expect(app.map((a) => a.r)).toEqual([{ type: 'error', message: 'no scenario loaded' }]);
  });
});
