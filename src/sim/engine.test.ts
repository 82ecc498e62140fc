// The engine's contract (docs/architecture.md): deterministic, steppable, snapshots are plain data and
// restoring one then running on is exact, and a live operation means what the scripted one means.

import { describe, expect, it } from 'vitest';
import { createEngine, type Engine } from './engine';
import type { Scenario, ScriptOp } from './model/scenario';
import {
  GALLERY_IDS,
  galleryScenario,
  program,
  readLoop,
  report,
  run,
  scenarioOf,
  twoVmsOneDeviceDoc,
  writeLoop,
} from '../testing/scenarios';

const T = 300;

/** Everything a run produced except the trace hash (a live op is traced as a live op). */
function outcome(e: Engine) {
  const { traceHash: _h, ...rest } = report(e, true);
  return { ...rest, log: e.log.map((l) => `${l.t} ${l.kind} ${l.text}`), ops: e.ops.map((o) => ({ ...o, index: undefined })) };
}

describe('determinism', () => {
  it.each(GALLERY_IDS)('%s: the same scenario and seed give the same trace hash', (id) => {
    const a = run(galleryScenario(id), T);
    const b = run(galleryScenario(id), T);
    expect(a.traceHash()).toBe(b.traceHash());
    expect(report(a)).toEqual(report(b));
  });

  it('a different seed gives a different trace (the downstream latency is drawn from the seed)', () => {
    const hashes = new Set<string>();
    for (let seed = 1; seed <= 6; seed++) {
      const sc = galleryScenario('seed-attack', { edit: (d) => void (d.seed = seed) });
      hashes.add(run(sc, T).traceHash());
    }
    expect(hashes.size).toBeGreaterThanOrEqual(5);
  });

  it('the trace hash covers what happened: a different outcome changes it', () => {
    const base = run(galleryScenario('seed-attack'), T).traceHash();
    expect(run(galleryScenario('seed-attack', { policy: 'P1' }), T).traceHash()).not.toBe(base);
    expect(run(galleryScenario('seed-attack'), T - 20).traceHash()).not.toBe(base);
  });
});

describe('snapshot and restore', () => {
  it.each(['seed-attack', 'forgot-sync', 'stale-atc', 'loan-vs-shared', 'attested-enable'])(
    '%s: a snapshot survives JSON and restoring it then running to T equals running straight to T',
    (id) => {
      const straight = run(galleryScenario(id), T);

      const first = run(galleryScenario(id), 47);
      const snap = first.snapshot();
      const json = JSON.stringify(snap);
      const revived = JSON.parse(json);
      expect(revived).toEqual(snap); // plain data: nothing lost in the round trip

      const second = createEngine(galleryScenario(id));
      second.runUntil(200); // somewhere else entirely
      second.restore(revived);
      expect(second.now).toBe(47);
      second.runUntil(T);
      expect(second.traceHash()).toBe(straight.traceHash());
      expect(report(second)).toEqual(report(straight));

      // The engine that took the snapshot is not disturbed by it.
      first.runUntil(T);
      expect(first.traceHash()).toBe(straight.traceHash());
    },
  );

  it('restores mid-tick too: a snapshot taken between two events of one tick replays exactly', () => {
    const sc = galleryScenario('seed-attack');
    const straight = run(sc, T);
    const e = createEngine(sc);
    e.runUntil(39);
    // Step into tick 40 (the transfer) but not through all of it.
    e.step();
    expect(e.now).toBe(40);
    expect(e.state.bucketPos).toBeLessThan(e.state.bucket[0]); // bucket[0]: end of its events
    const snap = JSON.parse(JSON.stringify(e.snapshot()));
    const other = createEngine(sc);
    other.restore(snap);
    other.runUntil(T);
    expect(other.traceHash()).toBe(straight.traceHash());
  });

  it('a snapshot holds the simulation only: the same moment reached straight or through a restore snapshots identically', () => {
    // The straight run has recycled event buckets and transactions by then; none of that (nor a
    // recycled bucket's stale tail) may leak into what a snapshot says.
    const sc = galleryScenario('stale-atc');
    const straight = run(sc, T);
    const restored = createEngine(sc);
    restored.restore(JSON.parse(JSON.stringify(run(sc, 120).snapshot())));
    restored.runUntil(T);
    expect(restored.snapshot()).toEqual(straight.snapshot());
    const state = straight.snapshot().state as { queue: { spare: unknown[] }; spareTxns?: unknown };
    expect(state.queue.spare).toEqual([]);
    expect(state.spareTxns).toBeUndefined();
  });

  it('a snapshot is a copy: running on does not change it', () => {
    const e = run(galleryScenario('seed-attack'), 50);
    const snap = e.snapshot();
    const before = JSON.stringify(snap);
    e.runUntil(T);
    expect(JSON.stringify(snap)).toBe(before);
  });
});

describe('watching transactions end', () => {
  it('hands out each finished transaction once, as it ended, never a recycled object', () => {
    const e = createEngine(galleryScenario('seed-attack'));
    e.watchEnded(true);
    const seen = new Map<number, { phase: string; pfn: number }>();
    const objects = new Set<object>();
    for (let t = 10; t <= T; t += 10) {
      e.runUntil(t);
      for (const x of e.takeEnded()) {
        expect(seen.has(x.id)).toBe(false);
        expect(objects.has(x)).toBe(false);
        objects.add(x);
        seen.set(x.id, { phase: x.phase, pfn: x.pfn });
        // The page index carried from the TLB fill is the page at the PFN the commit reached.
        if (x.phase === 'committed') expect(x.page).toBe(e.state.pfnToPage.get(x.pfn) ?? -1);
      }
    }
    expect(seen.size).toBe(e.state.counters.committed + e.state.counters.aborted);
    // The objects handed out still say what happened to them after the run went on.
    for (const x of objects) expect((x as { phase: string }).phase).toBe(seen.get((x as { id: number }).id)!.phase);
  });
});

describe('step()', () => {
  it('processes exactly one event at the tick nextEventAt() announced', () => {
    const e = createEngine(galleryScenario('seed-attack'));
    e.runUntil(39);
    const at = e.nextEventAt();
    expect(at).toBe(40);
    const hash = e.traceHash();
    const logLength = e.log.length;
    expect(e.step()).toBe(true);
    expect(e.now).toBe(40);
    expect(e.traceHash()).not.toBe(hash);
    // The first event of tick 40 is the scripted transfer: one operation record, nothing else yet.
    expect(e.ops.at(-1)!.op.op).toBe('transfer');
    expect(e.log.length).toBeGreaterThan(logLength);
  });

  it('stepping every event to T gives the same trace as runUntil(T)', () => {
    const a = run(galleryScenario('per-vm-table'), T);
    const b = createEngine(galleryScenario('per-vm-table'));
    let n = 0;
    while (b.nextEventAt() <= T) {
      b.step();
      n++;
    }
    expect(n).toBeGreaterThan(100);
    expect(b.traceHash()).toBe(a.traceHash());
    expect(b.violations).toEqual(a.violations);
  });

  it('returns false once nothing is left to do', () => {
    const sc = scenarioOf(twoVmsOneDeviceDoc({ script: [program(0, 'A', [{ ...readLoop, loop: false, pages: 2 }])] }));
    const e = createEngine(sc);
    let n = 0;
    while (e.step()) n++;
    expect(n).toBeGreaterThan(3);
    expect(e.nextEventAt()).toBe(Infinity);
    expect(e.state.counters).toMatchObject({ issued: 2, committed: 2 });
    expect(e.step()).toBe(false);
  });
});

describe('apply(op): a live operation', () => {
  /** A tick in [from, to] at which the scenario has no event of its own. */
  function quietTick(sc: Scenario, from: number, to: number): number {
    const e = createEngine(sc);
    for (let t = from; t <= to; t++) {
      e.runUntil(t - 1);
      if (e.nextEventAt() > t) return t;
    }
    throw new Error('no quiet tick');
  }

  it.each([
    ['transfer under P0', 'P0', { op: 'transfer', device: 'X', to: 'P' }],
    ['transfer under P3', 'P3', { op: 'transfer', device: 'X', to: 'P' }],
    ['pause', 'P1', { op: 'pause', device: 'X' }],
    ['a refused lend', 'P1', { op: 'lend', device: 'X', to: 'P' }],
  ] as const)('%s behaves like the same op scripted at that tick', (_name, policy, op) => {
    const doc = (script: object[]) =>
      scenarioOf(twoVmsOneDeviceDoc({ policy, script: [program(0, 'A', [writeLoop('0x40000000', 2, 3)]), ...script] as never[] }));
    const base = doc([]);
    const t = quietTick(base, 30, 60);

    const scripted = run(doc([{ at: t, ...op }]), T);

    const live = createEngine(base);
    live.runUntil(t);
    live.apply({ at: 0, ...op } as ScriptOp);
    expect(live.ops.at(-1)!.t).toBe(t);
    live.runUntil(T);

    expect(outcome(live)).toEqual(outcome(scripted));
  });

  it('a live op is part of the trace', () => {
    const sc = scenarioOf(twoVmsOneDeviceDoc({ script: [program(0, 'A', [writeLoop()])] }));
    const a = run(sc, 100);
    const b = createEngine(sc);
    b.runUntil(50);
    b.apply({ at: 50, op: 'pause', device: 'X' });
    b.runUntil(100);
    expect(b.traceHash()).not.toBe(a.traceHash());
    expect(b.state.counters.issued).toBeLessThan(a.state.counters.issued);
  });
});
