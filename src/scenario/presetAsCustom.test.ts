// A preset converted to a custom policy runs as the preset does: the same trace hash, wherever the
// conversion says it is exact.

import { describe, expect, it } from 'vitest';
import { GALLERY } from './gallery';
import { galleryScenario, run } from '../testing/scenarios';
import { POLICY_IDS, presetAsCustom, type PolicyId } from '../sim';

const UNTIL = 400;

function hashes(id: string, policy: PolicyId) {
  const preset = galleryScenario(id, { policy });
  const conv = presetAsCustom(policy, preset);
  const custom = galleryScenario(id, { edit: (d) => void (d.policy = { ...(d.policy as object), id: 'custom', custom: conv.custom }) });
  return { conv, preset: run(preset, UNTIL).traceHash(), custom: run(custom, UNTIL).traceHash() };
}

describe('presetAsCustom', () => {
  it('gives the same trace hash as the preset for every gallery scenario under its own policy, where exact', () => {
    let exact = 0;
    for (const g of GALLERY) {
      const own = (galleryScenario(g.id).policy.id === 'custom' ? null : galleryScenario(g.id).policy.id) as PolicyId | null;
      if (own === null) continue;
      const h = hashes(g.id, own);
      if (!h.conv.exact) continue;
      exact++;
      expect(h.custom, `${g.id} under ${own}`).toBe(h.preset);
    }
    expect(exact).toBeGreaterThanOrEqual(6);
  });

  it('gives the same trace hash for every exact preset on the reset-on-transfer scenario', () => {
    for (const p of POLICY_IDS) {
      const h = hashes('reset-on-transfer', p);
      if (h.conv.exact) expect(h.custom, p).toBe(h.preset);
    }
  });

  it('says why P0 and P7 are not exact: their boot tables', () => {
    const sc = galleryScenario('seed-attack');
    expect(presetAsCustom('P0', sc).exact).toBe(false);
    expect(presetAsCustom('P0', sc).notes[0]).toMatch(/CPU stage-2/);
    expect(presetAsCustom('P7', sc).notes[0]).toMatch(/VMID/);
    expect(presetAsCustom('P1', sc).exact).toBe(true);
  });

  it('writes completesHandover only on a SYNC, and keeps every step of the preset in order', () => {
    const sc = galleryScenario('loan-vs-shared');
    const { custom } = presetAsCustom('P5', sc);
    const share = custom.steps.share ?? [];
    expect(share.length).toBeGreaterThan(5);
    for (const st of share) if (st.kind !== 'sync') expect('completesHandover' in st).toBe(false);
    expect(custom.steps.transfer).toBeUndefined();
    expect(presetAsCustom('P1', sc).custom.steps.transfer?.map((s) => s.kind)).toContain('reset');
  });
});
