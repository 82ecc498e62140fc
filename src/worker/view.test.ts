import { describe, expect, it } from 'vitest';
import { buildView } from './view';
import { createEngine } from '../sim';
import { parseScenario } from '../scenario/parse';
import { stressDocument } from '../scenario/stress';

describe('the entity view', () => {
  it('counts every stale TLB entry of a VMID, not only the entries it lists', () => {
    // Two VMs, 32 pages each; at t=200 VM 0's device moves to VM 1 and, with skip-tlbi, none of
    // the 32 TLB entries under VM 0's VMID is invalidated.
    const doc = stressDocument({ vms: 2, devicesPerVm: 1, regionsPerVm: 2, pages: 16, policy: 'P1' });
    const r = parseScenario({ ...doc, policy: { id: 'P1', mutations: ['skip-tlbi'], dmaCoupled: false } });
    if (!r.ok) throw new Error(r.errors.join('; '));
    const e = createEngine(r.scenario);
    e.runUntil(150);
    expect(buildView(e.state).smmu.tlb.every((g) => g.stale === 0)).toBe(true);
    e.runUntil(300);
    const group = buildView(e.state).smmu.tlb.find((g) => g.count > g.entries.length)!;
    expect(group.count).toBe(32);
    expect(group.entries.filter((x) => x.stale).length).toBe(group.entries.length);
    expect(group.stale).toBe(32);
  });
});
