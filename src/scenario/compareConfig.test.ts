// The configuration syntax of the Compare view and of a link's `&vs=`.

import { describe, expect, it } from 'vitest';
import { configOf, configText, readConfig, readVs, underConfig } from './compareConfig';
import { galleryScenario } from '../testing/scenarios';

describe('readConfig', () => {
  it('reads a policy alone, and a policy with mutations in order', () => {
    expect(readConfig('P1')).toEqual({ ok: true, config: { policy: 'P1', mutations: [] } });
    expect(readConfig('P0+skip-sync+skip-tlbi')).toEqual({ ok: true, config: { policy: 'P0', mutations: ['skip-sync', 'skip-tlbi'] } });
  });

  it('names what is wrong: no policy, an unknown mutation, a repeated one', () => {
    const noPolicy = readConfig('P9');
    expect(noPolicy.ok).toBe(false);
    expect(!noPolicy.ok && noPolicy.message).toContain('does not start with a policy');
    const bad = readConfig('P0+skip-lunch');
    expect(!bad.ok && bad.message).toContain('"skip-lunch" in "P0+skip-lunch" is not a mutation');
    const twice = readConfig('P0+skip-sync+skip-sync');
    expect(!twice.ok && twice.message).toContain('"skip-sync" appears twice');
    expect(readConfig('').ok).toBe(false);
  });

  it('writes back what it reads', () => {
    for (const t of ['P3', 'P0+skip-sync', 'P8+reuse-vmid+skip-cfgi']) {
      const r = readConfig(t);
      expect(r.ok && configText(r.config)).toBe(t);
    }
  });
});

describe('readVs', () => {
  it('reads &vs= beside the scenario, keeping the + between parts', () => {
    expect(readVs('#g=seed-attack&vs=P0+skip-sync')).toEqual({ ok: true, config: { policy: 'P0', mutations: ['skip-sync'] } });
    expect(readVs('#g=seed-attack&vs=P0%2Bskip-sync')).toEqual({ ok: true, config: { policy: 'P0', mutations: ['skip-sync'] } });
    expect(readVs('#g=seed-attack&t=5')).toBeNull();
  });

  it('says what is wrong with a bad value, naming it', () => {
    const r = readVs('#g=seed-attack&vs=Q1');
    expect(r?.ok).toBe(false);
    expect(r !== null && !r.ok && r.message).toContain('"vs=Q1" cannot be read');
  });
});

describe('underConfig', () => {
  it('runs the scenario under exactly the configuration', () => {
    const s = galleryScenario('seed-attack');
    const b = underConfig(s, { policy: 'P1', mutations: ['skip-sync'] });
    expect(b.policy.id).toBe('P1');
    expect(b.policy.mutations).toEqual(['skip-sync']);
    expect(configOf(b)).toEqual({ policy: 'P1', mutations: ['skip-sync'] });
    expect(s.policy.mutations).not.toBe(b.policy.mutations);
  });
});
