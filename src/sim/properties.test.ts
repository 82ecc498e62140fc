// Properties over random scenarios (src/testing/random.ts): small systems (1–4 VMs, 1–3 devices, a
// few regions), random policies — built-in or custom, with any steps for any operation — mutations
// and SMMU settings, and random scripts. The engine must never throw on a valid scenario (to its
// horizon, and from a snapshot restored midway), must account for every transaction and every abort
// at every step, must be deterministic, and P1 with clean resets must keep DMA isolation whatever
// the schedule.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEngine, type Engine } from './engine';
import { conserved, scenarioOf, violated } from '../testing/scenarios';
import { ALL_OPS, DEVICE_OPS, horizonOf, planArb, propertyRuns, toDoc } from '../testing/random';

const UNTIL = 250;
/** Bounds the work per case: a looping descriptor every tick on three devices stays well below. */
const MAX_EVENTS = 20000;

/** Steps every event to UNTIL, calling `check` after each. */
function stepAll(e: Engine, check: () => void): void {
  let n = 0;
  while (e.nextEventAt() <= UNTIL && n++ < MAX_EVENTS) {
    e.step();
    check();
  }
  e.runUntil(UNTIL);
}

function accounting(e: Engine): void {
  const c = e.state.counters;
  if (!conserved(e))
    throw new Error(`issued ${c.issued} ≠ committed ${c.committed} + aborted ${c.aborted} + in flight ${e.state.txns.size} at ${e.now}`);
  if (c.aborted !== c.recorded + c.suppressed + c.dropped)
    throw new Error(`aborted ${c.aborted} ≠ recorded ${c.recorded} + suppressed ${c.suppressed} + dropped ${c.dropped} at ${e.now}`);
}

/**
 * Scenarios the never-throw property runs: enough that rare meetings of a custom step and a state
 * of the run turn up (one in a hundred scenarios or fewer). PROPERTY_RUNS asks for more (a CI job,
 * a hunt); the time allowed grows with it.
 */
const NEVER_THROW_RUNS = propertyRuns(1500);

describe('random valid scenarios, custom policies included', () => {
  it(
    'never throw: to the horizon, and restored from a snapshot midway to the same trace hash',
    () => {
      let custom = 0;
      let customSteps = 0;
      let unresolved = 0;
      fc.assert(
        fc.property(planArb({ ops: ALL_OPS, custom: true, wide: true }), (plan) => {
          const sc = scenarioOf(toDoc(plan));
          const horizon = horizonOf(sc);
          const e = createEngine(sc);
          e.runUntil(Math.floor(horizon / 2));
          const snap = e.snapshot();
          e.runUntil(horizon);
          const restored = createEngine(sc);
          restored.restore(structuredClone(snap));
          restored.runUntil(horizon);
          expect(restored.traceHash()).toBe(e.traceHash());
          if (sc.policy.id === 'custom') {
            custom++;
            customSteps += e.log.filter((l) => l.kind === 'step').length;
            unresolved += e.log.filter((l) => l.code === 'STEP_UNRESOLVED').length;
          }
        }),
        { numRuns: NEVER_THROW_RUNS, seed: 20261204 },
      );
      // Not vacuous: half the scenarios run custom policies, whose steps run, some naming nothing.
      expect(custom / NEVER_THROW_RUNS).toBeGreaterThan(0.4);
      expect(customSteps / custom).toBeGreaterThan(5);
      expect(unresolved).toBeGreaterThan(0);
    },
    Math.max(120_000, NEVER_THROW_RUNS * 100),
  );
});

describe('random scenarios', () => {
  it('never throw, and at every step every transaction and every abort is accounted for', () => {
    let runs = 0;
    let landed = 0;
    let landedAndBlocked = 0;
    fc.assert(
      fc.property(planArb({ ops: ALL_OPS, custom: true, wide: true }), (plan) => {
        const e = createEngine(scenarioOf(toDoc(plan)));
        stepAll(e, () => accounting(e));
        runs++;
        if (e.state.counters.committed > 0) landed++;
        if (e.state.counters.committed > 0 && e.state.counters.aborted > 0) landedAndBlocked++;
        // Every in-flight transaction is counted against its device's outstanding limit.
        e.state.devices.forEach((d, i) => {
          const mine = [...e.state.txns.values()].filter((t) => t.device === i).length;
          expect(d.outstanding).toBe(mine);
          expect(d.outstanding).toBeLessThanOrEqual(d.maxOutstanding);
        });
        for (const t of e.state.txns.values()) expect(['issued', 'translated']).toContain(t.phase);
      }),
      { numRuns: 150 },
    );
    // Not vacuous: a good share of the random systems both landed and blocked DMA.
    expect(landed / runs).toBeGreaterThan(0.35);
    expect(landedAndBlocked / runs).toBeGreaterThan(0.06);
  });

  it('the same scenario and seed give the same trace hash and the same violations', () => {
    fc.assert(
      fc.property(planArb({ ops: ALL_OPS, custom: true, wide: true }), (plan) => {
        const sc = scenarioOf(toDoc(plan));
        const a = createEngine(sc);
        a.runUntil(UNTIL);
        const b = createEngine(scenarioOf(toDoc(plan)));
        b.runUntil(UNTIL);
        expect(b.traceHash()).toBe(a.traceHash());
        expect(b.violations).toEqual(a.violations);
        expect(b.state.counters).toEqual(a.state.counters);
      }),
      { numRuns: 100 },
    );
  });
});

describe('P1 with clean resets and no mutations', () => {
  // Device-level schedules: programming, transfers, assignment, resets, pauses, CPU writes.
  // FF-A memory operations are left out on purpose: lending a page that a device table still maps
  // is a separate hazard (P7's "lend a DMA-visible page"), which dmaCoupled addresses, not P1.
  it('no random schedule breaks I1 or I1b', () => {
    let runs = 0;
    let handedOverWithDma = 0;
    fc.assert(
      fc.property(planArb({ policy: 'P1', mutations: false, resets: false, settings: false, ops: DEVICE_OPS }), (plan) => {
        const e = createEngine(scenarioOf(toDoc(plan)));
        e.runUntil(UNTIL);
        runs++;
        if (e.state.counters.committed > 0 && e.ops.some((o) => o.op.op === 'transfer' && o.status === 'done')) handedOverWithDma++;
        const v = violated(e);
        expect(v.has('I1'), e.violations.map((x) => x.message).join('\n')).toBe(false);
        expect(v.has('I1b'), e.violations.map((x) => x.message).join('\n')).toBe(false);
      }),
      { numRuns: 200 },
    );
    // Not vacuous: many schedules completed a transfer of a device that was doing DMA.
    expect(handedOverWithDma / runs).toBeGreaterThan(0.06);
  });
});
