// The engine host over random valid scenarios, custom policies included (src/testing/random.ts):
// whatever the app asks — loads, seeks, steps, playing and its frames, extending the run — and
// whatever the host computes between the requests, every
// answer is a run's, never an error, and in particular never one the Server made of an exception
// (its catch-all, STOPPED, or a load the engine failed on, NOT_RUN).

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NOT_RUN, STOPPED, Server } from './serve';
import type { Request, Response } from './protocol';
import { scenarioOf } from '../testing/scenarios';
import { ALL_OPS, planArb, propertyRuns, toDoc } from '../testing/random';

/** Scenario pairs the host property runs (each loaded, then asked up to a dozen things); PROPERTY_RUNS asks for more. */
const RUNS = propertyRuns(1500, 1 / 5);

const plan = planArb({ ops: ALL_OPS, custom: true, wide: true });

/** What the app may ask after a load; `load` stands for a load of another random scenario. */
const request: fc.Arbitrary<Exclude<Request, { type: 'load' }> | { type: 'load'; at: number; playing: boolean }> = fc.oneof(
  fc.record({ type: fc.constant('seek' as const), t: fc.nat(1500) }),
  fc.record(
    { type: fc.constant('step' as const), unit: fc.constantFrom('event' as const, 'tick' as const, 'op' as const), back: fc.boolean() },
    { requiredKeys: ['type', 'unit'] },
  ),
  fc.record({ type: fc.constant('play' as const), until: fc.option(fc.nat(1500), { nil: undefined }) }, { requiredKeys: ['type'] }),
  fc.constant({ type: 'pause' as const }),
  fc.record({ type: fc.constant('speed' as const), ticksPerSecond: fc.constantFrom(1, 20, 500, 100000) }),
  fc.record({ type: fc.constant('frame' as const), ms: fc.nat(3000) }),
  fc.record({ type: fc.constant('extend' as const), horizon: fc.nat(3000) }),
  fc.record({ type: fc.constant('load' as const), at: fc.nat(800), playing: fc.boolean() }),
);

describe('the engine host over random valid scenarios', () => {
  it(
    'answers every request with a run, never with an error made of an exception',
    () => {
      let answered = 0;
      fc.assert(
        fc.property(
          plan,
          plan,
          fc.nat(800),
          fc.boolean(),
          fc.array(request, { minLength: 1, maxLength: 12 }),
          (first, second, at, playing, requests) => {
            const server = new Server();
            const scenarios = [scenarioOf(toDoc(first)), scenarioOf(toDoc(second))];
            let loads = 0;
            const ask = (req: Request): Response[] => {
              const rs = server.handle(req);
              for (const r of rs) {
                if (r.type !== 'error') continue;
                expect(r.message.startsWith(STOPPED), r.message).toBe(false);
                expect(r.message.startsWith(NOT_RUN), r.message).toBe(false);
              }
              expect(rs.filter((r) => r.type === 'error')).toEqual([]);
              // Each request's answers end with a frame or a summary.
              expect(['frame', 'summary']).toContain(rs[rs.length - 1].type);
              answered++;
              // Between requests the run is computed on in the background, in small chunks.
              for (let i = 0; i < 3 && server.pending(); i++) {
                const worked = server.work(500);
                expect(worked.filter((r) => r.type === 'error')).toEqual([]);
              }
              return rs;
            };
            ask({ type: 'load', scenario: scenarios[loads++ % 2], at, playing });
            for (const r of requests) ask(r.type === 'load' ? { ...r, scenario: scenarios[loads++ % 2] } : r);
          },
        ),
        { numRuns: RUNS, seed: 20261205 },
      );
      expect(answered).toBeGreaterThan(RUNS * 3);
    },
    Math.max(120_000, RUNS * 400),
  );
});
