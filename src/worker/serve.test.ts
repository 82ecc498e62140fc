// The Server's background computation: a load answers after a bounded first step, the run is
// computed in chunks that give the same run as a straight one, quiet stretches cost nothing, the
// checkpoints stay bounded, and a seek beyond what is computed waits for it.

import { describe, expect, it } from 'vitest';
import { CHUNK_EVENTS, LOAD_EVENTS, Server } from './serve';
import { SimHost } from './host';
import type { Frame, Response, Summary } from './protocol';
import { parseScenario } from '../scenario/parse';
import { galleryEntry } from '../scenario/gallery';
import { createEngine, type Scenario } from '../sim';

/** The seed's attack (a read every 5 ticks, forever) with a caption at `at`: the horizon is at + 400. */
function seedAttackTo(at: number, edit: (doc: Record<string, unknown>) => void = () => {}): Scenario {
  const doc = structuredClone(galleryEntry('seed-attack')!.doc) as unknown as Record<string, unknown> & { captions: unknown[] };
  doc.captions.push({ at, text: 'far away' });
  edit(doc);
  const r = parseScenario(doc);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.scenario;
}

const summaryOf = (rs: Response[]): Summary | undefined => {
  for (const r of rs) if (r.type === 'loaded' || r.type === 'progress' || r.type === 'summary') return r.summary;
  return undefined;
};
const frameOf = (rs: Response[]) => rs.find((r): r is Frame => r.type === 'frame');

describe('the Server computes the run in the background', () => {
  it('a load of a 10^9-tick run answers after a bounded first step, with the first frame', () => {
    const server = new Server();
    const rs = server.handle({ type: 'load', scenario: seedAttackTo(1e9), at: 0, playing: false });
    const s = summaryOf(rs)!;
    expect(s.horizon).toBe(1e9 + 400);
    expect(s.complete).toBe(false);
    expect(s.scoutedTo).toBeGreaterThan(0);
    expect(s.scoutedTo).toBeLessThan(1e6);
    expect(server.host!.scoutEvents).toBeLessThan(LOAD_EVENTS + 1000);
    expect(frameOf(rs)!.clock).toBe(0);
    expect(server.pending()).toBe(true);
    // One chunk is bounded too.
    const before = server.host!.scoutEvents;
    server.work();
    expect(server.host!.scoutEvents - before).toBeLessThan(CHUNK_EVENTS + 1000);
  });

  it('the chunks end in the same run as a straight one: same summary, same trace hash', () => {
    const sc = seedAttackTo(400_000);
    const server = new Server();
    const loaded = summaryOf(server.handle({ type: 'load', scenario: sc, at: 0, playing: false }))!;
    expect(loaded.complete).toBe(false);
    let last: Summary | undefined;
    let chunks = 0;
    while (server.pending()) {
      last = summaryOf(server.work(7_777)) ?? last;
      chunks++;
    }
    expect(chunks).toBeGreaterThan(10);
    expect(last!.complete).toBe(true);
    expect(last!.scoutedTo).toBe(last!.horizon);
    const e = createEngine(sc);
    e.runUntil(last!.horizon);
    expect(last!.traceHash).toBe(e.traceHash());
    expect(last!.counters).toEqual(e.state.counters);
    expect(last!.violations).toEqual(e.violations);
    // And the same as a host that computes it in one go.
    const straight = new SimHost(sc);
    straight.scoutAll();
    const { checkpoints: _a, ...a } = straight.summary();
    const { checkpoints: _b, ...b } = last!;
    expect(b).toEqual(a);
  });

  it('a seek beyond what is computed waits for the scout, then lands exactly', () => {
    const sc = seedAttackTo(1e9);
    const server = new Server();
    server.handle({ type: 'load', scenario: sc, at: 0, playing: false });
    const target = server.host!.scoutedTo + 100_000;
    const answer = frameOf(server.handle({ type: 'seek', t: target }))!;
    expect(answer.clock).toBe(0);
    expect(answer.waitingFor).toBe(target);
    let landed: Frame | undefined;
    for (let i = 0; i < 100 && landed === undefined; i++) landed = frameOf(server.work());
    expect(landed!.clock).toBe(target);
    expect(landed!.waitingFor).toBeNull();
    const e = createEngine(sc);
    e.runUntil(target);
    expect(landed!.view!.counters).toEqual(e.state.counters);
    // Playing does not pass what is computed: the playhead waits there, still playing.
    server.handle({ type: 'speed', ticksPerSecond: 100000 });
    server.handle({ type: 'play' });
    const f = frameOf(server.handle({ type: 'frame', ms: 60_000 }))!;
    expect(f.clock).toBe(server.host!.scoutedTo);
    expect(f.playing).toBe(true);
  });

  it('a quiet stretch of 10^9 ticks costs a few slices', () => {
    // The descriptors do not loop: after the hand-over nothing happens until the caption at 10^9.
    const sc = seedAttackTo(1e9, (doc) => {
      for (const op of doc.script as { dma?: { loop?: boolean }[] }[]) for (const d of op.dma ?? []) d.loop = false;
    });
    const server = new Server();
    const s = summaryOf(server.handle({ type: 'load', scenario: sc, at: 0, playing: false }))!;
    expect(s.complete).toBe(true);
    expect(server.host!.slices).toBeLessThan(100);
    const e = createEngine(sc);
    e.runUntil(s.horizon);
    expect(s.traceHash).toBe(e.traceHash());
  });

  it('checkpoints are thinned past their cap, and seeks stay exact', () => {
    const sc = seedAttackTo(300_000);
    const host = new SimHost(sc, undefined, 16);
    host.scoutAll();
    expect(host.summary().checkpoints).toBeLessThanOrEqual(16);
    expect(host.summary().checkpoints).toBeGreaterThan(4);
    for (const t of [299_999, 12_345, 150_001]) {
      host.seek(t);
      const e = createEngine(sc);
      e.runUntil(t);
      expect(host.frame(0).view!.counters).toEqual(e.state.counters);
    }
  });
});

describe('a system too large for the browser', () => {
  it('is refused before it runs, with the reason', () => {
    const sc = seedAttackTo(1000);
    const big: Scenario = {
      ...sc,
      endpoints: Array.from({ length: 64 }, (_, i) => ({ ...sc.endpoints[0], id: `vm${i}`, vmid: i + 1 })),
      memory: Array.from({ length: 256 }, (_, i) => ({ ...sc.memory[0], id: `r${i}`, pa: 0x80000000 + i * 4096 * 4096, pages: 4096 })),
    };
    const server = new Server();
    const rs = server.handle({ type: 'load', scenario: big, at: 0, playing: false });
    expect(rs).toHaveLength(1);
    expect(rs[0].type).toBe('error');
    expect(rs[0].type === 'error' && rs[0].message).toMatch(/too large to run in the browser: 1,048,576 pages × 64 endpoints/);
    expect(server.host).toBeNull();
  });
});
