// The explorer's report gives every property a result: the catalogued invariants under
// `invariants`, the liveness findings under `liveness`.

import { describe, expect, it } from 'vitest';
import { exploreReport, type SearchEcho } from './commands';
import type { ExploreResult } from '../sim';

const search: SearchEcho = { policy: 'P1', mutations: [], horizon: 600, maxDeviations: 2, budget: 100, mode: 'systematic' };
const result: ExploreResult = {
  mode: 'systematic',
  schedules: 10,
  sampled: 0,
  distinctTraces: 9,
  distinctStates: 8,
  events: 1000,
  boundReached: 2,
  exhausted: true,
  choicePoints: 5,
  openChoicePoints: 4,
  defaultViolations: ['dma-provenance', 'new-owner-dma'],
  counterexamples: [
    {
      invariant: 'handover-completes',
      number: 'L1',
      kind: 'liveness',
      deviations: [{ index: 3, kind: 'atcInv', value: 9, default: 2 }],
      choices: '3-9',
      tick: 40,
      violation: null,
      message: 'transfer of X to P requested at t=40 has not completed by t=600',
      traceHash: 'abcd',
    },
  ],
};

describe('the explorer report', () => {
  it('lists liveness findings, by default and by counterexample, beside the invariants', () => {
    const r = exploreReport(result, search);
    expect(r.liveness).toEqual([
      expect.objectContaining({ number: 'L1', id: 'handover-completes', result: 'counterexample', kind: 'liveness', link: '&x=3-9' }),
      { number: 'L2', id: 'new-owner-dma', result: 'broken by default' },
    ]);
    expect(r.invariants.find((x) => x.number === 'I1b')?.result).toBe('broken by default');
    expect(r.invariants.map((x) => x.id as string)).not.toContain('handover-completes');
  });

  it('says none found for a liveness finding nothing showed', () => {
    const r = exploreReport({ ...result, defaultViolations: [], counterexamples: [] }, search);
    expect(r.liveness.map((x) => x.result)).toEqual(['none found', 'none found']);
  });
});
