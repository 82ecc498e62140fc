// The engine session on its own, with the page's clocks and frames in the test's hands: several
// sessions at once, pacing one frame at a time, recovery at the playhead, and disposal.

import { describe, expect, it } from 'vitest';
import { EngineSession, WATCHDOG_MS, type SessionEnv, type SessionEvents } from './session';
import { inProcessClient, type SimClient } from './client';
import type { Frame, Request, Response } from './protocol';
import { Server } from './serve';
import { galleryScenario } from '../testing/scenarios';

const settle = () => new Promise((r) => setTimeout(r, 0));

/** Clocks and frames the test advances by hand. */
function manualEnv() {
  let now = 0;
  const frames: (() => void)[] = [];
  const timers: { f: () => void; every: number; next: number }[] = [];
  const env: SessionEnv = {
    now: () => now,
    nextFrame: (f) => void frames.push(f),
    later: (f) => void frames.push(f),
    every: (f, ms) => {
      const t = { f, every: ms, next: now + ms };
      timers.push(t);
      return () => void timers.splice(timers.indexOf(t), 1);
    },
    hidden: () => false,
  };
  return {
    env,
    /** Runs the animation frames queued so far. */
    drawFrames() {
      for (const f of frames.splice(0)) f();
    },
    advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const t = timers.filter((x) => x.next <= end).sort((a, b) => a.next - b.next)[0];
        if (t === undefined) break;
        now = t.next;
        t.next += t.every;
        t.f();
      }
      now = end;
    },
    /** The page's main thread is busy for `ms`: time passes and no timer runs. */
    stall(ms: number) {
      now += ms;
      for (const t of timers) t.next = Math.max(t.next, now);
    },
    timers,
  };
}

/** An in-process host that records what it was asked, and can stop answering. */
function recordingClient(asked: Request[], hung = () => false): SimClient {
  const c = inProcessClient();
  return { ...c, kind: c.kind, send: (r) => (asked.push(r), hung() ? undefined : c.send(r)), onResponse: c.onResponse, dispose: c.dispose };
}

function recorder() {
  const got = { frames: [] as Frame[], summaries: 0, errors: [] as string[], recovered: [] as [string, number][] };
  const events: SessionEvents = {
    summary: () => void got.summaries++,
    frame: (f) => void got.frames.push(f),
    error: (m) => void got.errors.push(m),
    recovered: (why, at) => void got.recovered.push([why, at]),
  };
  return { got, events };
}

describe('engine session', () => {
  it('two sessions run two scenarios side by side, each on its own bus', async () => {
    const a = recorder();
    const b = recorder();
    const one = new EngineSession(inProcessClient(), a.events);
    const two = new EngineSession(inProcessClient(), b.events);
    one.load(galleryScenario('seed-attack'), 40, false);
    two.load(galleryScenario('vmid-reuse'), 10, false);
    await settle();
    expect(one.frames.latest!.clock).toBe(40);
    expect(two.frames.latest!.clock).toBe(10);
    expect(a.got.frames.map((f) => f.clock)).toEqual([40]);
    expect(b.got.frames.map((f) => f.clock)).toEqual([10]);
    one.dispose();
    two.seek(20);
    await settle();
    expect(two.frames.latest!.clock).toBe(20);
    two.dispose();
  });

  it('while playing, asks for one frame per animation frame, never two at once', async () => {
    const m = manualEnv();
    const asked: Request[] = [];
    const s = new EngineSession(recordingClient(asked), recorder().events, { env: m.env });
    s.load(galleryScenario('seed-attack'), 0, false);
    await settle();
    s.play();
    m.drawFrames(); // the frame that shows Pause, then the play request
    m.drawFrames();
    await settle();
    expect(asked.map((r) => r.type)).toEqual(['load', 'play']);
    for (let i = 0; i < 3; i++) {
      m.advance(20);
      m.drawFrames();
      m.drawFrames(); // a second animation frame before the answer asks for nothing more
      await settle();
    }
    expect(asked.slice(2)).toEqual([
      { type: 'frame', ms: 16 },
      { type: 'frame', ms: 20 },
      { type: 'frame', ms: 20 },
    ]);
    s.dispose();
  });

  it('a Play pressed and then paused before the next frame is never sent', async () => {
    const m = manualEnv();
    const asked: Request[] = [];
    const s = new EngineSession(recordingClient(asked), recorder().events, { env: m.env });
    s.play();
    s.pause();
    m.drawFrames();
    m.drawFrames();
    expect(asked.map((r) => r.type)).toEqual(['pause']);
    s.dispose();
  });

  it('replaces a host that stops answering and reloads it at the playhead', async () => {
    const m = manualEnv();
    const asked: Request[] = [];
    let made = 0;
    const r = recorder();
    const make = () => (made++ === 0 ? recordingClient(asked, () => asked.length > 2) : inProcessClient());
    const s = new EngineSession(make(), r.events, { restart: make, env: m.env });
    s.load(galleryScenario('seed-attack'), 0, false);
    await settle();
    s.seek(50);
    await settle();
    s.step('tick'); // never answered
    m.advance(WATCHDOG_MS - 250);
    expect(made).toBe(1);
    m.advance(500);
    expect(made).toBe(2);
    expect(r.got.recovered).toEqual([['The simulation stopped answering for 2 s.', 50]]);
    await settle();
    expect(s.frames.latest!.clock).toBe(50);
    s.dispose();
  });

  it('reloads a replaced host with the run’s timing, a counterexample’s deviations', async () => {
    const m = manualEnv();
    const asked: Request[] = [];
    let made = 0;
    const traces: string[] = [];
    const r = recorder();
    const events = { ...r.events, summary: (x: { traceHash: string }) => void traces.push(x.traceHash) };
    let hung = false;
    const make = () => (made++ === 0 ? recordingClient([], () => hung) : recordingClient(asked));
    const s = new EngineSession(make(), events, { restart: make, env: m.env });
    s.load(galleryScenario('seed-attack'), 0, false, [[2, 8]]);
    await settle();
    // `sim run gallery:seed-attack --choices 2-8` gives this trace.
    expect(traces.at(-1)).toBe('39f51abee7df2eb9');
    // The first host goes quiet: a step it never answers.
    hung = true;
    s.step('tick');
    m.advance(WATCHDOG_MS + 500);
    expect(made).toBe(2);
    await settle();
    expect(asked[0]).toMatchObject({ type: 'load', deviations: [[2, 8]] });
    expect(traces.at(-1)).toBe('39f51abee7df2eb9');
    s.dispose();
  });

  /** An in-process host whose worker dies on the load of `scenario` (the first `times` hosts made). */
  function crashingOnLoad(title: string, times: number) {
    let made = 0;
    return () => {
      const c = inProcessClient();
      if (made++ >= times) return c;
      let cb: (r: Response) => void = () => {};
      c.onResponse((r) => cb(r));
      return {
        ...c,
        kind: c.kind,
        send: (r: Request) =>
          r.type === 'load' && r.scenario.title === title
            ? queueMicrotask(() => cb({ type: 'crashed', message: 'out of memory' }))
            : c.send(r),
        onResponse: (f: (r: Response) => void) => void (cb = f),
      };
    };
  }

  it('a host lost while loading is replaced and the load tried once more', async () => {
    const r = recorder();
    const make = crashingOnLoad("The seed's attack", 1);
    const s = new EngineSession(make(), r.events, { restart: make, env: manualEnv().env });
    s.load(galleryScenario('seed-attack'), 30, false);
    await settle();
    await settle();
    expect(r.got.recovered).toEqual([['The simulation worker crashed (out of memory).', 30]]);
    expect(r.got.errors).toEqual([]);
    expect(s.frames.latest!.clock).toBe(30);
    s.dispose();
  });

  it('a scenario that stops the host again on loading is not run: no frame of the run before stays', async () => {
    const r = recorder();
    const make = crashingOnLoad('explodes', 5);
    const s = new EngineSession(make(), r.events, { restart: make, env: manualEnv().env });
    s.load(galleryScenario('seed-attack'), 30, false);
    await settle();
    expect(s.frames.latest!.clock).toBe(30);
    s.load({ ...galleryScenario('vmid-reuse'), title: 'explodes' }, 30, false);
    for (let i = 0; i < 4; i++) await settle();
    expect(r.got.recovered).toHaveLength(1);
    expect(r.got.errors).toEqual([expect.stringMatching(/crashed \(out of memory\)\. It happened again while loading this scenario/)]);
    expect(s.frames.latest).toBeNull();
    // The new host holds no scenario: what the page asks is answered without a run.
    const n = r.got.frames.length;
    s.seek(10);
    await settle();
    expect(r.got.frames).toHaveLength(n);
    expect(r.got.errors.at(-1)).toBe('no scenario loaded');
  });

  it('a host computing the run is alive while it sends progress, and replaced when it goes quiet', async () => {
    const m = manualEnv();
    const r = recorder();
    // A run of 10^9 ticks: the load answers at once, the rest is computed in the background.
    const sc = galleryScenario('seed-attack');
    const far = { ...sc, captions: [...sc.captions, { at: 1e9, text: 'far away' }] };
    const server = new Server();
    let made = 0;
    let emit: (x: Response) => void = () => {};
    const make = (): SimClient => {
      made++;
      let cb: (x: Response) => void = () => {};
      emit = (x) => cb(x);
      return {
        kind: 'worker',
        send: (req) => queueMicrotask(() => server.handle(req).forEach((x) => cb(x))),
        onResponse: (f) => void (cb = f),
        dispose: () => {},
      };
    };
    const s = new EngineSession(make(), r.events, { restart: make, env: m.env });
    s.load(far, 0, false);
    await settle();
    expect(r.got.frames.map((f) => f.clock)).toEqual([0]);
    // Progress every 1.5 s keeps it: nothing is outstanding, but the run is still being computed.
    for (let i = 0; i < 4; i++) {
      m.advance(1500);
      server.work();
      emit({ type: 'progress', summary: server.host!.summary() });
    }
    expect(made).toBe(1);
    // Then nothing for 2 s: replaced, and reloaded where it was.
    m.advance(WATCHDOG_MS + 250);
    expect(made).toBe(2);
    expect(r.got.recovered).toEqual([['The simulation stopped answering for 2 s.', 0]]);
    // A complete run sends nothing more, and is not a hang.
    await settle();
    emit({ type: 'progress', summary: { ...server.host!.summary(), complete: true } });
    m.advance(10 * WATCHDOG_MS);
    expect(made).toBe(2);
    s.dispose();
  });

  it('a page busy for seconds does not take the host it kept waiting for a hung one', async () => {
    const m = manualEnv();
    const asked: Request[] = [];
    let made = 0;
    const make = () => (made++ === 0 ? recordingClient(asked, () => asked.length > 1) : inProcessClient());
    const s = new EngineSession(make(), recorder().events, { restart: make, env: m.env });
    s.load(galleryScenario('seed-attack'), 0, false);
    await settle();
    s.seek(50); // not answered yet
    m.stall(5000); // the page renders a large system meanwhile
    m.advance(250);
    expect(made).toBe(1);
    m.advance(WATCHDOG_MS + 250); // and then the host really is silent
    expect(made).toBe(2);
    s.dispose();
  });

  it('once disposed, stops watching and ignores answers still on their way', async () => {
    const m = manualEnv();
    const r = recorder();
    const s = new EngineSession(inProcessClient(), r.events, { restart: inProcessClient, env: m.env });
    expect(m.timers).toHaveLength(1);
    s.load(galleryScenario('seed-attack'), 0, false);
    s.dispose();
    await settle();
    expect(m.timers).toHaveLength(0);
    expect(r.got.frames).toEqual([]);
    expect(s.frames.latest).toBeNull();
  });
});
