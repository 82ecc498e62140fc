// The panel's words for the explorer's result: a counterexample with its deviations in words, a
// default-run violation as one with none, "none found" with its coverage (never a bare "safe"),
// random mode as sampling; and the bounds as typed, each bad entry named.

import { describe, expect, it } from 'vitest';
import { galleryDoc, scenarioOf } from '../../testing/scenarios';
import { coverageBrief, coverageWords, deviationWords, findings } from './findings';
import { readBounds, DEFAULT_BOUNDS } from './exploreStore';
import type { ExploreResult } from '../../sim';

const base: ExploreResult = {
  mode: 'systematic',
  schedules: 115,
  distinctTraces: 100,
  distinctStates: 90,
  events: 1000,
  sampled: 0,
  boundReached: 2,
  exhausted: true,
  choicePoints: 9,
  openChoicePoints: 9,
  defaultViolations: ['table-lifetime'],
  counterexamples: [
    {
      kind: 'safety',
      invariant: 'dma-isolation',
      number: 'I1',
      deviations: [{ index: 3, kind: 'downstream', value: 40, default: 2 }],
      choices: '3-14',
      tick: 61,
      violation: 2,
      message: 'A read P',
      traceHash: 'h',
    },
  ],
};

describe('explore findings', () => {
  it('a counterexample, a default violation and none found, per invariant, then liveness', () => {
    const rows = findings(base, [{ invariant: 'table-lifetime', number: 'I4', tick: 47, message: 'freed while cached', index: 2 }]);
    const by = (n: string) => rows.find((r) => r.number === n)!;
    expect(by('I1').found).toEqual({
      deviations: ["choice 3 (a transaction's downstream delay): 40 instead of 2"],
      // It opens on the violation it found (the run's third), not on the run's first.
      open: '&x=3-14&t=61&sel=v2',
      tick: 61,
      message: 'A read P',
    });
    expect(by('I4').found).toEqual({ deviations: [], open: '&t=47&sel=v2', tick: 47, message: 'freed while cached' });
    expect(by('I2').found).toBeNull();
    expect(rows.slice(-2).map((r) => [r.number, r.found])).toEqual([
      ['L1', null],
      ['L2', null],
    ]);
    const live = findings(
      {
        ...base,
        defaultViolations: ['new-owner-dma'],
        counterexamples: [{ ...base.counterexamples[0], kind: 'liveness', invariant: 'handover-completes', number: 'L1', violation: null }],
      },
      [],
    );
    expect(live.find((r) => r.number === 'L1')!.found).toMatchObject({ tick: 61, open: '&x=3-14&t=61' });
    expect(live.find((r) => r.number === 'L2')!.found).toMatchObject({ deviations: [], tick: null });
  });

  it('says what was covered, and random mode as sampling', () => {
    expect(coverageWords(base, 2)).toBe(
      '115 schedules, 90 distinct states, bound 2 of 2 deviations reached, exhausted (every schedule up to it ran)',
    );
    expect(coverageWords({ ...base, exhausted: false, boundReached: 1 }, 3)).toContain('bound 1 of 3 deviations reached, not exhausted');
    expect(coverageWords({ ...base, mode: 'random', sampled: 500 }, 2)).toBe(
      'sampling, not coverage: 500 random schedules sampled, 90 distinct states seen',
    );
    expect(coverageBrief(base, 2)).toBe('115 schedules · 90 states · bound 2/2 · exhausted');
    expect(coverageBrief({ ...base, mode: 'random', sampled: 500 }, 2)).toBe('500 sampled (sampling, not coverage)');
    expect(deviationWords({ index: 7, kind: 'window', value: 5, default: 9 })).toBe(
      "choice 7 (an operation's tick in its window): 5 instead of 9",
    );
  });

  it('reads the bounds, the horizon defaulting to the scenario’s, and names a bad entry', () => {
    const sc = scenarioOf(galleryDoc('seed-attack'));
    expect(readBounds(DEFAULT_BOUNDS, sc)).toEqual({
      options: { horizon: 600, maxDeviations: 2, budget: 5000, mode: 'systematic' },
      timeLimitMs: 60_000,
    });
    expect(readBounds({ ...DEFAULT_BOUNDS, deviations: 'two' }, sc)).toEqual({
      error: 'Deviations (K) must be a whole number from 0 to 8 (it is "two").',
    });
    expect(readBounds({ ...DEFAULT_BOUNDS, budget: '0' }, sc)).toEqual({
      error: 'Budget must be a whole number from 1 to 10000000 (it is "0").',
    });
    expect(readBounds({ ...DEFAULT_BOUNDS, mode: 'random', timeLimit: '' }, sc)).toEqual({
      options: { horizon: 600, maxDeviations: 2, budget: 5000, mode: 'random', samples: 500, seed: 1 },
      timeLimitMs: null,
    });
  });
});
