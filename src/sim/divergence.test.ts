// Where two runs part: the helper's tick is the first at which the runs' traces differ, checked
// against runs stopped just before and at that tick.

import { describe, expect, it } from 'vitest';
import { createEngine } from './engine';
import { firstDivergence } from './divergence';
import type { Scenario } from './model/scenario';
import { galleryScenario } from '../testing/scenarios';

const under = (s: Scenario, id: Scenario['policy']['id'], mutations: Scenario['policy']['mutations'] = []): Scenario => ({
  ...s,
  policy: { ...s.policy, id, mutations, custom: undefined },
});

function hashAt(s: Scenario, t: number): string {
  const e = createEngine(s);
  e.runUntil(t);
  return e.traceHash();
}

describe('firstDivergence', () => {
  const seed = galleryScenario('seed-attack');

  it('finds the tick at which P0 and P1 part on the seed’s attack: the same before, different at it', () => {
    const a = under(seed, 'P0');
    const b = under(seed, 'P1');
    const t = firstDivergence(a, b, 600);
    expect(t).not.toBeNull();
    expect(t).toBe(TICK_P0_P1);
    expect(hashAt(a, t! - 1)).toBe(hashAt(b, t! - 1));
    expect(hashAt(a, t!)).not.toBe(hashAt(b, t!));
  });

  it('says null for a run compared with itself', () => {
    expect(firstDivergence(seed, seed, 600)).toBeNull();
  });

  it('says null when the runs part only after the horizon', () => {
    expect(firstDivergence(under(seed, 'P0'), under(seed, 'P1'), TICK_P0_P1 - 1)).toBeNull();
  });
});

/** The seed's attack under P0 and under P1 first differ here (cross-checked by the hashes above). */
const TICK_P0_P1 = 43;
