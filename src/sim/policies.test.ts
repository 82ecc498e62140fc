// Each policy's prediction on the seed's attack (docs/model.md §10): A programs X to read IPA
// 0x40000000 in a loop, then X goes to P, whose RAM at that IPA
// holds a secret. Which policies let A's descriptors reach P's memory, and which stop them?

import { describe, expect, it } from 'vitest';
import {
  A_RAM,
  P_RAM,
  device,
  firstLogAt,
  firstViolationAt,
  galleryScenario,
  handoverAt,
  inRange,
  epIndex,
  modeOf,
  opErrors,
  pageAt,
  program,
  run,
  runCollecting,
  seedAttackScript,
  twoVmsOneDevice,
  violated,
  violationsOf,
  report,
} from '../testing/scenarios';
import { createEngine } from './engine';

const UNTIL = 300;

describe("P0 whole-address-space: the seed's attack succeeds", () => {
  it("A's descriptor reads P's secret once the STE points at P's stage-2 (I1b), although I1 holds", () => {
    const e = createEngine(galleryScenario('seed-attack'));
    const ended = runCollecting(e, UNTIL);
    const done = handoverAt(e, 'X', 'A');
    expect(done).toBeLessThan(60);

    const leaks = violationsOf(e, 'I1b');
    expect(leaks.length).toBeGreaterThan(0);
    expect(leaks[0]).toMatchObject({ device: 'X', page: '0x90000000' });
    expect(leaks[0].message).toMatch(/programmed by A .*read .*P's secret/);
    expect(leaks[0].t).toBeGreaterThanOrEqual(done);
    // The owner at issue is P by then, and P may read its own RAM: I1 alone would miss the attack.
    expect(violated(e).has('I1')).toBe(false);

    // The reads really landed: A-programmed reads committed into P's secret page.
    const a = epIndex(e, 'A');
    const intoP = ended.filter((t) => t.phase === 'committed' && t.programmedBy === a && inRange(t.pfn, P_RAM, 4));
    expect(intoP.length).toBe(leaks[0].count);
    expect(pageAt(e, P_RAM).secret).toBe(true);
  });
});

describe('P1 reset-on-transfer', () => {
  it("with a clean reset, A's in-flight reads land in A's RAM and nothing of A's reaches P (I1, I1b hold)", () => {
    const e = createEngine(twoVmsOneDevice({ policy: 'P1', script: seedAttackScript() }));
    const ended = runCollecting(e, UNTIL);
    expect(violated(e).has('I1')).toBe(false);
    expect(violated(e).has('I1b')).toBe(false);
    expect(device(e, 'X')).toMatchObject({ assign: 'assigned', owner: epIndex(e, 'P') });

    const a = epIndex(e, 'A');
    const fromA = ended.filter((t) => t.programmedBy === a);
    expect(fromA.length).toBeGreaterThan(0);
    for (const t of fromA) {
      expect(t.phase).toBe('committed');
      expect(inRange(t.pfn, A_RAM, 4)).toBe(true);
    }
    // The reset cleared A's descriptors: A issues nothing after the reset started.
    const resetAt = firstLogAt(e, 'X reset started');
    expect(resetAt).toBeLessThan(UNTIL);
    expect(fromA.every((t) => t.issuedAt < resetAt)).toBe(true);
  });

  it("gallery: after the hand-over P's own DMA lands in P's RAM", () => {
    const e = run(galleryScenario('reset-on-transfer'), UNTIL);
    expect(violated(e).has('I1')).toBe(false);
    expect(violated(e).has('I1b')).toBe(false);
    const w = pageAt(e, P_RAM).lastDmaWriter;
    expect(w).not.toBeNull();
    expect(w!.by).toBe(epIndex(e, 'P'));
  });

  it("with device-ignores-reset A's descriptors survive and read P's secret once P's table is live (I1b)", () => {
    const e = run(twoVmsOneDevice({ policy: 'P1', mutations: ['device-ignores-reset'], script: seedAttackScript() }), UNTIL);
    expect(violated(e).has('I1b')).toBe(true);
    const leak = violationsOf(e, 'I1b')[0];
    expect(leak).toMatchObject({ device: 'X', page: '0x90000000' });
    // Harmless while the device sits with the hypervisor: the leak starts only after P's STE went
    // valid and bus mastering came back.
    const steToP = firstLogAt(e, /steWrite\(17, V=1 s2/, 'step');
    const busOn = firstLogAt(e, 'busMaster(X, on)', 'step');
    expect(steToP).toBeLessThan(UNTIL);
    expect(leak.t).toBeGreaterThan(Math.max(steToP, busOn));
  });
});

describe('P1: one operation at a time per device', () => {
  // While P1 moves X to P, X is transiently owned by the hypervisor; an assign then must be refused
  // (FFA_BUSY), or it would repoint X's STE from P's live table straight to A's (I10).
  it('an assign issued while a transfer is under way never hands DMA from P straight to A (I10)', () => {
    const e = run(
      twoVmsOneDevice({ policy: 'P1', script: [...seedAttackScript(), { at: 45, op: 'assign', device: 'X', to: 'A' }] }),
      UNTIL,
    );
    expect(violated(e).has('I10')).toBe(false);
  });
});

describe('P2 acceptance stage', () => {
  it("while offered the STE aborts without a record; P resets, accepts, and A's reads never reach P", () => {
    const e = run(galleryScenario('acceptance-stage'), UNTIL);
    expect(violated(e).has('I1')).toBe(false);
    expect(violated(e).has('I1b')).toBe(false);
    const r = report(e);
    // A's reads during the offer abort at the SMMU with config = abort: suppressed, never recorded.
    expect(r.dma.suppressed).toBeGreaterThan(0);
    expect(r.dma.recorded).toBe(0);
    expect(r.final.devices.X).toEqual({ owner: 'P', state: 'assigned' });
    expect(pageAt(e, P_RAM).lastDmaWriter?.by).toBe(epIndex(e, 'P'));
  });

  it("accepting without a reset takes a poisoned device: A reads P's secret after the accept", () => {
    const sc = galleryScenario('acceptance-stage', { edit: (d) => void (d.script = d.script.filter((o) => o.op !== 'reset')) });
    const e = run(sc, UNTIL);
    expect(violated(e).has('I1b')).toBe(true);
    expect(firstViolationAt(e, 'I1b')).toBeGreaterThan(120); // the accept
  });
});

describe('assigning an unowned device to A under P2 and P3', () => {
  // P2 and P3 point the STE at A's table before their final setOwner(assigned) step: from that
  // moment the device's DMA acts for A, so A's writes into A's RAM are not "owned by nobody".
  it.each([
    ['P2', { at: 40, op: 'accept', device: 'X', by: 'A' }],
    ['P3', { at: 40, op: 'enable', device: 'X', by: 'A' }],
  ] as const)("%s: A's writes to its own RAM after its accept/enable are not an I1 breach", (policy, consent) => {
    const script = [
      { at: 10, op: 'assign', device: 'X', to: 'A' },
      program(20, 'A', [{ iova: '0x40000000', pages: 1, dir: 'write', loop: true, every: 1 }]),
      { at: 30, op: 'map', device: 'X', by: 'A', region: 'a-ram' }, // P3 only; refused under P2
      consent,
    ];
    const e = run(twoVmsOneDevice({ policy, owner: null, script }), 100);
    expect(pageAt(e, A_RAM).lastDmaWriter?.by).toBe(epIndex(e, 'A'));
    expect(violated(e).has('I1')).toBe(false);
  });
});

describe('P3 per-VM table with explicit enable', () => {
  it('P resets before it enables: I1, I1b and I10 hold', () => {
    const sc = galleryScenario('per-vm-table', { edit: (d) => void d.script.push({ at: 110, op: 'reset', device: 'X' }) });
    const e = run(sc, UNTIL);
    expect(violated(e).has('I1')).toBe(false);
    expect(violated(e).has('I1b')).toBe(false);
    expect(violated(e).has('I10')).toBe(false);
    expect(report(e).final.devices.X).toEqual({ owner: 'P', state: 'assigned' });
  });

  it("the pitfall: P enables before resetting and A's descriptors read what P mapped (I1b, I10)", () => {
    const e = run(galleryScenario('per-vm-table'), UNTIL);
    expect(violated(e).has('I1b')).toBe(true);
    expect(violated(e).has('I10')).toBe(true);
    // I10 is broken by the enable itself (DMA for P with no reset since A lost it), when its
    // make-valid sets V = 1; the leak follows.
    const valid = firstLogAt(e, /^steWrite\(17, V=1 s2/, 'step');
    expect(valid).toBeGreaterThan(140);
    expect(firstViolationAt(e, 'I10')).toBe(valid);
    expect(firstViolationAt(e, 'I1b')).toBeGreaterThan(valid);
    expect(violationsOf(e, 'I1b')[0].page).toBe('0x90000000');
  });

  it("before the enable, P's table is empty and the STE invalid: every read after the SYNC aborts with C_BAD_STE", () => {
    const e = run(galleryScenario('per-vm-table'), 139);
    expect(violated(e).size).toBe(0);
    const r = report(e, true);
    expect(r.dma.recorded).toBeGreaterThan(0);
    expect(r.events!.every((x) => x.name === 'C_BAD_STE' && x.number === '0x04' && x.sid === 17)).toBe(true);
  });
});

describe('P4 quarantine', () => {
  it("the seed's attack: the quarantine aborts A's reads, the reset clears them, I1 and I1b hold", () => {
    const e = run(twoVmsOneDevice({ policy: 'P4', script: seedAttackScript() }), UNTIL);
    expect(violated(e).has('I1')).toBe(false);
    expect(violated(e).has('I1b')).toBe(false);
    expect(report(e).final.devices.X).toEqual({ owner: 'P', state: 'assigned' });
  });

  it("gallery (XSA-302): nothing of the guest reaches the host, while P0 lets the guest's writes into the host's RAM", () => {
    const e = run(galleryScenario('quarantine'), UNTIL);
    expect(violated(e).size).toBe(0);
    expect(pageAt(e, 0x80000000).lastDmaWriter).toBeNull(); // h-ram

    const p0 = run(galleryScenario('quarantine', { policy: 'P0' }), UNTIL);
    expect(violated(p0).has('I1b')).toBe(true);
    expect(violationsOf(p0, 'I1b').every((v) => v.page === '0x80000000' || v.page === '0x80001000')).toBe(true);
    expect(pageAt(p0, 0x80000000).lastDmaWriter?.by).toBe(epIndex(p0, 'G'));
  });
});

describe('P5 shared table and P6 loan', () => {
  it('P5: a lend is refused with an operation error; the shared table maps only the shared buffer', () => {
    const e = run(galleryScenario('loan-vs-shared'), UNTIL);
    expect(opErrors(e)).toContainEqual(expect.objectContaining({ t: 10, op: 'lend', error: 'FFA_DENIED' }));
    expect(violated(e).size).toBe(0);
    const r = report(e, true);
    expect(r.final.devices.GPU).toEqual({ owner: 'A', state: 'shared' });
    // P's writes landed in the shared buffer; A's read of its secret RAM found no mapping.
    expect(pageAt(e, 0x88000000).lastDmaWriter?.by).toBe(epIndex(e, 'P'));
    expect(r.events!.some((x) => x.name === 'F_TRANSLATION' && x.sid === 20 && x.addr === '0x40000000' && !x.write)).toBe(true);
    // The revocation ran unmap → TLBI → SYNC before the page changed hands: no drain breach, and P
    // no longer maps the buffer; A reclaimed it exclusively.
    expect(modeOf(e, 0x88000000, 'P')).toBe(0);
    expect(modeOf(e, 0x88000000, 'A') & 7).toBe(7);
  });

  it('P6: the share is refused; the loan is retrieved, reclaim is refused while lent and accepted after relinquish', () => {
    const e = run(galleryScenario('loan-vs-shared', { policy: 'P6' }), UNTIL);
    const errs = opErrors(e);
    expect(errs).toContainEqual(expect.objectContaining({ t: 10, op: 'share', error: 'FFA_DENIED' }));
    expect(errs).toContainEqual(expect.objectContaining({ t: 90, op: 'reclaim', error: 'FFA_DENIED' }));
    expect(errs.find((x) => x.t === 90)!.message).toMatch(/still lent/);
    expect(errs.some((x) => x.t === 110 || x.t === 150)).toBe(false); // relinquish, reclaim accepted
    expect(report(e).final.devices.DSP).toEqual({ owner: 'A', state: 'assigned' });
    expect(violated(e).has('I1')).toBe(false);
    expect(violated(e).has('I1b')).toBe(false);
  });
});

describe('P7 static isolation', () => {
  it('refuses every transfer with an operation error; the device stays with A', () => {
    const e = run(twoVmsOneDevice({ policy: 'P7', script: seedAttackScript() }), UNTIL);
    expect(opErrors(e)).toEqual([expect.objectContaining({ t: 40, op: 'transfer', error: 'FFA_DENIED' })]);
    expect(report(e).final.devices.X).toEqual({ owner: 'A', state: 'assigned' });
    expect(violated(e).size).toBe(0);
  });

  it("lending a page the device's table still maps breaks I3 at the lend, then I1 and I12 as A's device writes it", () => {
    const e = run(galleryScenario('lend-dma-visible'), UNTIL);
    const i3 = violationsOf(e, 'I3');
    expect(i3.length).toBeGreaterThan(0);
    expect(i3[0].t).toBe(40);
    expect(i3[0].message).toMatch(/memLend of a-dma/);
    const i1 = violationsOf(e, 'I1');
    expect(i1.length).toBeGreaterThan(0);
    expect(i1.every((v) => v.page === '0x88000000' || v.page === '0x88001000')).toBe(true);
    expect(violated(e).has('I12')).toBe(true);
    expect(opErrors(e)).toContainEqual(expect.objectContaining({ t: 100, op: 'transfer', error: 'FFA_DENIED' }));
  });

  it('with dmaCoupled the lend itself is refused, and nothing breaks', () => {
    const e = run(
      galleryScenario('lend-dma-visible', { edit: (d) => void ((d.policy as Record<string, unknown>).dmaCoupled = true) }),
      UNTIL,
    );
    expect(opErrors(e)).toContainEqual(expect.objectContaining({ t: 40, op: 'memLend', error: 'FFA_DENIED' }));
    expect(violated(e).size).toBe(0);
  });
});

describe('P8 attested enable', () => {
  it('keeps I1/I1b; an enable with stale nonces is refused and the STE goes valid only after a fresh accept + enable', () => {
    const e = run(galleryScenario('attested-enable'), UNTIL);
    expect(violated(e).size).toBe(0);
    const errs = opErrors(e);
    expect(errs).toEqual([expect.objectContaining({ t: 140, op: 'enable', error: 'RSI_ERROR_DEVICE' })]);
    expect(errs[0].message).toMatch(/nonces do not match/);
    expect(firstLogAt(e, /steWrite\(17, V=1 s2/, 'step')).toBeGreaterThanOrEqual(160);
    expect(report(e).final.devices.X).toEqual({ owner: 'P', state: 'assigned' });
    expect(pageAt(e, P_RAM).lastDmaWriter?.by).toBe(epIndex(e, 'P'));
  });

  it("a device that ignores reset still carries A's descriptors: P's accept is refused and it never gets DMA", () => {
    const e = run(galleryScenario('attested-enable', { mutations: ['device-ignores-reset'] }), UNTIL);
    expect(violated(e).size).toBe(0);
    const errs = opErrors(e);
    expect(errs.filter((x) => x.op === 'accept').length).toBe(2);
    expect(errs.every((x) => x.error === 'RSI_ERROR_DEVICE')).toBe(true);
    expect(report(e).final.devices.X.state).toBe('locked');
    expect(pageAt(e, P_RAM).lastDmaWriter).toBeNull();
  });

  it("the seed's attack under P8 without P's consent: the device stays locked and A's reads never reach P", () => {
    const e = run(twoVmsOneDevice({ policy: 'P8', script: seedAttackScript() }), UNTIL);
    expect(violated(e).size).toBe(0);
    expect(report(e).final.devices.X).toEqual({ owner: 'P', state: 'locked' });
  });
});
