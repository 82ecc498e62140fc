// The engine host's protocol — load, seek, step, play frames, packed transactions, and errors as
// messages, never exceptions — asked of each host the app can use: the Server in-process, and the
// worker script in a real worker thread (messages cloned, arrays transferred).

import { afterEach, describe, expect, it } from 'vitest';
import { inProcessClient, type SimClient } from './client';
import { threadClient } from './threadClient';
import type { Frame, Request, Response, Summary } from './protocol';
import { faultName, inPhase, TX } from './frameFormat';
import { parseScenario } from '../scenario/parse';
import { galleryEntry } from '../scenario/gallery';
import { createEngine, type Scenario } from '../sim';

function gallery(id: string): Scenario {
  const r = parseScenario(galleryEntry(id)!.doc);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.scenario;
}

const frames = (rs: Response[]) => rs.filter((r): r is Frame => r.type === 'frame');

/** A host behind a client, asked one request at a time: each request's answers end with a frame, a
 * summary or an error (progress, sent unasked while the run is computed, is kept in `progress`). */
function asker(client: SimClient) {
  let got: Response[] = [];
  let done: ((rs: Response[]) => void) | null = null;
  const progress: Summary[] = [];
  const unasked: Frame[] = [];
  client.onResponse((r) => {
    if (r.type === 'progress') return void progress.push(r.summary);
    if (done === null) return void (r.type === 'frame' && unasked.push(r));
    got.push(r);
    if (r.type !== 'loaded' && done !== null) {
      const rs = got;
      got = [];
      const d = done;
      done = null;
      d(rs);
    }
  });
  const ask = (req: Request) =>
    new Promise<Response[]>((resolve) => {
      done = resolve;
      client.send(req);
    });
  return { ask, frame: async (req: Request) => frames(await ask(req))[0], progress, unasked };
}

const HOSTS: [string, () => SimClient][] = [
  ['in-process', inProcessClient],
  ['worker thread', threadClient],
];

describe.each(HOSTS)('engine host protocol (%s)', (_, make) => {
  let client: SimClient;
  afterEach(() => client.dispose());
  const host = () => asker((client = make()));

  it('load answers with the whole run summary and a frame at the requested tick', async () => {
    const server = host();
    const rs = await server.ask({ type: 'load', scenario: gallery('seed-attack'), at: 30, playing: false });
    expect(rs[0].type).toBe('loaded');
    const summary = rs[0].type === 'loaded' ? rs[0].summary : null;
    expect(summary!.violations.map((v) => v.number)).toContain('I1b');
    expect(summary!.ops.map((o) => o.op.op)).toEqual(['program', 'transfer', 'program']);
    const f = frames(rs)[0];
    expect(f.clock).toBe(30);
    expect(f.view!.devices[0].owner).toBe(2); // A (indices 0 and 1 are hyp and quarantine)
  });

  it('the summary is the same run the CLI and a plain engine see (same trace hash)', async () => {
    const sc = gallery('vmid-reuse');
    const server = host();
    const rs = await server.ask({ type: 'load', scenario: sc, at: 0, playing: false });
    const summary = rs[0].type === 'loaded' ? rs[0].summary : null;
    const e = createEngine(sc);
    e.runUntil(summary!.horizon);
    expect(summary!.traceHash).toBe(e.traceHash());
  });

  it('seeking back and forth lands on the same state as running straight there', async () => {
    const sc = gallery('stale-atc');
    const server = host();
    await server.ask({ type: 'load', scenario: sc, at: 0, playing: false });
    await server.ask({ type: 'seek', t: 300 });
    const back = await server.frame({ type: 'seek', t: 137 });
    const e = createEngine(sc);
    e.runUntil(137);
    expect(back.clock).toBe(137);
    expect(back.view!.counters).toEqual(e.state.counters);
    expect(back.inflight.length / TX.stride).toBe(e.state.txns.size);
  });

  it('packs every in-flight transaction with its timing, programmer and target page', async () => {
    const server = host();
    const f = await server.frame({ type: 'load', scenario: gallery('seed-attack'), at: 62, playing: false });
    expect(f.inflight.length % TX.stride).toBe(0);
    for (let o = 0; o < f.inflight.length; o += TX.stride) {
      expect(f.inflight[o + TX.issuedAt]).toBeLessThanOrEqual(62);
      expect(f.inflight[o + TX.arriveAt]).toBeGreaterThan(f.inflight[o + TX.issuedAt]);
      expect(f.inflight[o + TX.programmedBy]).toBe(2); // A programmed the NIC
    }
  });

  it('stepping by event, tick and operation moves the playhead forward', async () => {
    const server = host();
    await server.ask({ type: 'load', scenario: gallery('seed-attack'), at: 0, playing: false });
    const op = await server.frame({ type: 'step', unit: 'op' });
    expect(op.clock).toBe(40); // the transfer
    const tick = await server.frame({ type: 'step', unit: 'tick' });
    expect(tick.clock).toBe(41);
    const ev = await server.frame({ type: 'step', unit: 'event' });
    expect(ev.clock).toBeGreaterThanOrEqual(41);
  });

  it('stepping back by event, tick and operation is a seek to the same run', async () => {
    const server = host();
    await server.ask({ type: 'load', scenario: gallery('seed-attack'), at: 50, playing: false });
    const tick = await server.frame({ type: 'step', unit: 'tick', back: true });
    expect(tick.clock).toBe(49);
    const op = await server.frame({ type: 'step', unit: 'op', back: true });
    expect(op.clock).toBe(40); // the transfer
    // Back by event lands on the last tick before the playhead at which something happened; forward
    // by one event from just before it lands there again.
    const ev = await server.frame({ type: 'step', unit: 'event', back: true });
    expect(ev.clock).toBeLessThan(40);
    expect(ev.clock).toBeGreaterThan(0);
    await server.ask({ type: 'seek', t: ev.clock - 1 });
    let f = await server.frame({ type: 'step', unit: 'event' });
    while (f.clock < ev.clock) f = await server.frame({ type: 'step', unit: 'event' });
    expect(f.clock).toBe(ev.clock);
    const back = await server.frame({ type: 'step', unit: 'op', back: true });
    expect(back.clock).toBe(0);
    // The same state as a straight seek there.
    await server.ask({ type: 'seek', t: 49 });
    const straight = (await server.frame({ type: 'frame', ms: 0 })).view;
    await server.ask({ type: 'seek', t: 50 });
    const again = await server.frame({ type: 'step', unit: 'tick', back: true });
    expect(JSON.stringify(again.view)).toBe(JSON.stringify(straight));
  });

  it('stepping forward at the end of the run does not grow it', async () => {
    const server = host();
    const horizon = (await server.frame({ type: 'load', scenario: gallery('seed-attack'), at: 0, playing: false })).horizon;
    expect(horizon).toBeGreaterThan(100);
    await server.ask({ type: 'seek', t: horizon });
    for (const unit of ['event', 'tick', 'op'] as const) {
      const f = await server.frame({ type: 'step', unit });
      expect(f.clock, unit).toBe(horizon);
      expect(f.horizon, unit).toBe(horizon);
    }
  });

  it('playing advances by wall time at the chosen speed and stops at the end', async () => {
    const server = host();
    await server.ask({ type: 'load', scenario: gallery('seed-attack'), at: 0, playing: false });
    await server.ask({ type: 'speed', ticksPerSecond: 100 });
    await server.ask({ type: 'play' });
    const f = await server.frame({ type: 'frame', ms: 500 });
    expect(f.clock).toBeCloseTo(50, 5);
    expect(f.playing).toBe(true);
    await server.ask({ type: 'speed', ticksPerSecond: 100000 });
    const end = await server.frame({ type: 'frame', ms: 100 });
    expect(end.clock).toBe(end.horizon);
    expect(end.playing).toBe(false);
  });

  it('playing jumps a quiet stretch (a 100 ms reset at 100 ns a tick) to just before its next event', async () => {
    // P1's transfer resets the NIC for 10^6 ticks; nothing else happens meanwhile.
    const doc = structuredClone(galleryEntry('reset-on-transfer')!.doc) as unknown as Record<string, unknown> & {
      script: Record<string, unknown>[];
    };
    doc.timing = { reset: 1_000_000 };
    doc.script = doc.script.map((o) => (o.at === 120 ? { ...o, at: 1_000_200 } : o));
    const r = parseScenario(doc);
    if (!r.ok) throw new Error(r.errors.join('; '));
    const server = host();
    const loaded = await server.frame({ type: 'load', scenario: r.scenario, at: 60, playing: false });
    expect(loaded.horizon).toBeGreaterThan(1_000_200);
    await server.ask({ type: 'speed', ticksPerSecond: 60 });
    await server.ask({ type: 'play' });
    let f = await server.frame({ type: 'frame', ms: 16 });
    // The next event is the reset's end, ~10^6 ticks ahead: one frame lands 30 ticks (0.5 s) before it.
    const resetDone = 48 + 1_000_000;
    expect(f.clock).toBeGreaterThan(resetDone - 60);
    expect(f.clock).toBeLessThan(resetDone);
    f = await server.frame({ type: 'frame', ms: 1000 });
    expect(f.clock).toBeGreaterThan(resetDone);
  });

  it('pressing Play sends no view the app already has; playing from the end starts over with one', async () => {
    const server = host();
    await server.ask({ type: 'load', scenario: gallery('seed-attack'), at: 30, playing: false });
    const start = await server.frame({ type: 'play' });
    expect(start.playing).toBe(true);
    expect(start.clock).toBe(30);
    expect(start.view).toBeNull();
    expect(start.inflight.length).toBeGreaterThan(0);
    // From the end the run starts over: the view at t=0 is new to the app.
    await server.ask({ type: 'seek', t: start.horizon });
    const over = await server.frame({ type: 'play' });
    expect(over.clock).toBe(0);
    expect(over.view?.now).toBe(0);
  });

  it('a blocked transaction arrives in the frame with its fault', async () => {
    const server = host();
    await server.ask({ type: 'load', scenario: gallery('per-vm-table'), at: 48, playing: false });
    let f: Frame | undefined;
    for (let i = 0; i < 4; i++) f = await server.frame({ type: 'step', unit: 'tick' });
    const faults: number[] = [];
    for (let o = 0; o < f!.ended.length; o += TX.stride) if (inPhase(f!.ended, o, 'aborted')) faults.push(f!.ended[o + TX.fault]);
    expect(faults.map(faultName)).toContain('C_BAD_STE');
  });

  it('a load the engine fails on drops the old run: nothing of it is served afterwards', async () => {
    const server = host();
    await server.ask({ type: 'load', scenario: gallery('seed-attack'), at: 30, playing: false });
    // No endpoints: building the engine throws inside the host.
    const broken = { ...gallery('vmid-reuse'), endpoints: null as never };
    const failed = await server.ask({ type: 'load', scenario: broken, at: 0, playing: false });
    expect(failed).toEqual([{ type: 'error', message: expect.stringMatching(/^the scenario could not be run: /), noRun: true }]);
    for (const req of [{ type: 'seek', t: 10 }, { type: 'play' }, { type: 'frame', ms: 16 }, { type: 'step', unit: 'tick' }] as Request[])
      expect(await server.ask(req)).toEqual([{ type: 'error', message: failed[0].type === 'error' ? failed[0].message : '', noRun: true }]);
    // A good load runs again.
    expect((await server.frame({ type: 'load', scenario: gallery('seed-attack'), at: 5, playing: false })).clock).toBe(5);
  });

  it('a run of 10^9 ticks answers its load at once and is computed in the background, with progress', async () => {
    const doc = structuredClone(galleryEntry('seed-attack')!.doc) as unknown as { captions: unknown[] };
    doc.captions.push({ at: 1e9, text: 'far away' });
    const r = parseScenario(doc);
    if (!r.ok) throw new Error(r.errors.join('; '));
    const server = host();
    const rs = await server.ask({ type: 'load', scenario: r.scenario, at: 0, playing: false });
    const loaded = rs[0].type === 'loaded' ? rs[0].summary : null;
    expect(loaded!.complete).toBe(false);
    expect(frames(rs)[0].clock).toBe(0);
    // Requests are answered between the chunks, and progress comes unasked.
    const stepped = await server.frame({ type: 'step', unit: 'tick' });
    expect(stepped.clock).toBe(1);
    await expect.poll(() => server.progress.at(-1)?.scoutedTo ?? 0, { timeout: 10_000 }).toBeGreaterThan(loaded!.scoutedTo);
    expect(server.progress.at(-1)!.complete).toBe(false);
    // A seek beyond what is computed is answered at once, and lands when the run is computed there.
    // Progress comes at most every 250 ms, so the run is computed well past its last report: the
    // target lies seconds of computing beyond it.
    const target = server.progress.at(-1)!.scoutedTo + 2_000_000;
    const answer = await server.frame({ type: 'seek', t: target });
    expect(answer.clock).toBe(1);
    expect(answer.waitingFor).toBe(target);
    await expect.poll(() => server.unasked.at(-1)?.clock, { timeout: 30_000 }).toBe(target);
    expect(server.unasked.at(-1)!.view!.now).toBe(target);
  }, 40_000);

  it('requests before a load are answered with an error message', async () => {
    expect(await host().ask({ type: 'seek', t: 5 })).toEqual([{ type: 'error', message: 'no scenario loaded', noRun: true }]);
  });
});

describe('the in-process client', () => {
  it('the in-process client answers asynchronously, like a worker', async () => {
    const client = inProcessClient();
    const got: Response[] = [];
    client.onResponse((r) => got.push(r));
    client.send({ type: 'load', scenario: gallery('seed-attack'), at: 10, playing: false });
    expect(got).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 0));
    expect(got.map((r) => r.type)).toEqual(['loaded', 'frame']);
    client.dispose();
  });
});
