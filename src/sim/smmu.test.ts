// The SMMU model (docs/model.md §1–3): which cache each command drops, what a SYNC waits
// for, which aborts are recorded, what a full event queue does, GBPA, and ATS.

import { describe, expect, it } from 'vitest';
import { createEngine, type Engine } from './engine';
import type { Txn } from './model/state';
import {
  A_RAM,
  P_RAM,
  device,
  epIndex,
  firstLogAt,
  galleryScenario,
  handoverAt,
  inRange,
  logWith,
  pageAt,
  program,
  report,
  run,
  runCollecting,
  stepUntil,
  twoVmsOneDevice,
  violated,
  violationsOf,
  writeLoop,
} from '../testing/scenarios';

const transferX = (at: number, to = 'P') => ({ at, op: 'transfer', device: 'X', to });

/** The VMID of the table device X's STE points at now. */
function tableVmid(e: Engine): number {
  const id = device(e, 'X').table!;
  return e.state.tables.get(id)!.vmid;
}

function tlbEntriesOf(e: Engine, vmid: number): number {
  return [...e.state.tlb.values()].filter((x) => x.vmid === vmid).length;
}

describe('configuration cache and TLB are invalidated separately', () => {
  it('CFGI_STE and TLBI_S12_VMALL complete only at the SYNC after them: consumed, they leave the entries usable', () => {
    const e = createEngine(twoVmsOneDevice({ policy: 'P3', script: [program(0, 'A', [writeLoop('0x40000000', 2, 2)]), transferX(40)] }));
    e.runUntil(39);
    const vmid = tableVmid(e);
    expect(tlbEntriesOf(e, vmid)).toBe(2);
    expect(e.state.cfgCache.get(17)?.ste.valid).toBe(true);

    expect(stepUntil(e, () => logWith(e, 'SMMU consumed TLBI_S12_VMALL').length > 0)).toBe(true);
    expect(logWith(e, 'SMMU consumed CFGI_STE(17)').length).toBe(1);
    expect(e.state.cfgCache.get(17)?.ste.valid).toBe(true); // the old, valid STE: still usable
    // All four of A's pages now count as cached: the STE's table was reachable when it was rewritten.
    expect(tlbEntriesOf(e, vmid)).toBe(4);

    expect(stepUntil(e, () => logWith(e, /^CMD_SYNC \d+: CFGI_STE\(17\), TLBI_S12_VMALL/).length > 0)).toBe(true);
    expect(e.state.cfgCache.get(17)).toBeUndefined();
    expect(tlbEntriesOf(e, vmid)).toBe(0);
  });

  it("with skip-tlbi the old VMID's TLB entries outlive the whole hand-over", () => {
    const e = createEngine(
      twoVmsOneDevice({
        policy: 'P3',
        mutations: ['skip-tlbi'],
        script: [program(0, 'A', [writeLoop('0x40000000', 2, 2)]), transferX(40)],
      }),
    );
    e.runUntil(39);
    const vmid = tableVmid(e);
    e.runUntil(150);
    expect(handoverAt(e, 'X', 'A')).toBeLessThan(150);
    expect(logWith(e, 'SMMU consumed CFGI_STE(17)').length).toBe(1);
    expect(e.state.cfgCache.get(17)?.ste.valid ?? false).toBe(false); // CFGI_STE completed at the SYNC…
    expect(tlbEntriesOf(e, vmid)).toBe(4); // …and left the TLB alone (A's four pages, prefetched)
  });
});

describe('a reused VMID hits stale TLB entries', () => {
  it("skip-tlbi: P's new table gets the retired table's VMID and P's write is sent to A's RAM by A's stale entry", () => {
    const e = createEngine(galleryScenario('vmid-reuse'));
    const ended = runCollecting(e, 300);
    expect(violated(e).has('I5')).toBe(true);
    expect(violationsOf(e, 'I5')[0].message).toMatch(/VMID \d+ given to .* while the TLB still holds/);

    const p = epIndex(e, 'P');
    const hits = ended.filter(
      (t) => t.phase === 'committed' && t.programmedBy === p && t.device === e.state.devIndex.get('X') && inRange(t.pfn, A_RAM, 4),
    );
    expect(hits.length).toBeGreaterThan(0);
    // The entry it used was created during A's tenure, from A's table, before the transfer at 60.
    const stale = [...e.state.tlb.values()].find((x) => x.id === hits[0].usedTlb);
    expect(stale).toBeDefined();
    expect(stale!.at).toBeLessThan(60);
    expect(stale!.authority).toBe(epIndex(e, 'A'));
    expect(violated(e).has('I1')).toBe(true);
  });

  it("with the TLBI in place, P's write lands in P's RAM", () => {
    const e = run(galleryScenario('vmid-reuse', { mutations: [] }), 300);
    expect(violated(e).size).toBe(0);
    expect(pageAt(e, P_RAM).lastDmaWriter).toMatchObject({ device: e.state.devIndex.get('X'), by: epIndex(e, 'P') });
  });

  it('reuse-vmid: two live tables of one VM share its VMID (I5)', () => {
    const e = run(galleryScenario('vmid-reuse', { mutations: ['reuse-vmid'] }), 300);
    const v = violationsOf(e, 'I5');
    expect(v.length).toBeGreaterThan(0);
    expect(v[0].message).toMatch(/VMID 2 /);
    // The NIC's new table and P's disk table are both live under P's own VMID.
    const x = e.state.streamTable.get(17)!;
    const d = e.state.streamTable.get(18)!;
    expect(x).toMatchObject({ valid: true, config: 's2', vmid: 2 });
    expect(d).toMatchObject({ valid: true, config: 's2', vmid: 2 });
    expect(x.table).not.toBe(d.table);
  });
});

describe('SYNC drains and never cancels', () => {
  // Long downstream latency so that A's translated writes are still in flight when the SYNC arrives.
  const scenario = () =>
    twoVmsOneDevice({
      policy: 'P3',
      maxOutstanding: 8,
      timing: { downstream: [20, 40] },
      script: [program(0, 'A', [writeLoop('0x40000000', 2, 1)]), transferX(40)],
    });

  function observe() {
    const e = createEngine(scenario());
    e.watchEnded(true);
    const ended: Txn[] = [];
    let waitedFrom = -1;
    let awaited: number[] = [];
    while (e.nextEventAt() <= 200) {
      e.step();
      ended.push(...e.takeEnded());
      if (waitedFrom < 0 && e.state.cmdq.waitingSync >= 0) {
        waitedFrom = e.now;
        awaited = [...e.state.cmdq.drain];
      }
    }
    return { e, ended, waitedFrom, awaited, syncDone: handoverAt(e, 'X', 'A') };
  }

  it('completes only after every transaction translated through the invalidated entries has committed', () => {
    const { e, ended, waitedFrom, awaited, syncDone } = observe();
    expect(waitedFrom).toBeGreaterThan(40);
    expect(awaited.length).toBeGreaterThan(0);
    expect(syncDone).toBeGreaterThan(waitedFrom); // it really waited
    const a = epIndex(e, 'A');
    for (const id of awaited) {
      const t = ended.find((x) => x.id === id);
      expect(t, `transaction ${id}`).toBeDefined();
      expect(t!.phase).toBe('committed'); // drained, not cancelled
      expect(t!.programmedBy).toBe(a);
      expect(inRange(t!.pfn, A_RAM, 4)).toBe(true);
      expect(t!.commitAt).toBeLessThanOrEqual(syncDone);
    }
    expect(syncDone).toBe(Math.max(...awaited.map((id) => ended.find((x) => x.id === id)!.commitAt)));
    // Nothing translated was ever aborted, and nothing of A's commits after the SYNC.
    expect(ended.filter((t) => t.phase === 'aborted' && t.translatedAt >= 0)).toEqual([]);
    expect(ended.filter((t) => t.phase === 'committed' && t.commitAt > syncDone)).toEqual([]);
    expect(violated(e).size).toBe(0);
  });

  it('a transaction arriving at the SMMU once the SYNC completed the CFGI of the invalid STE aborts with C_BAD_STE', () => {
    const { e, ended } = observe();
    const syncAt = firstLogAt(e, /^CMD_SYNC \d+: CFGI_STE\(17\)/);
    const late = ended.filter((t) => t.arriveAt >= syncAt);
    expect(late.length).toBeGreaterThan(10);
    for (const t of late) {
      expect(t.phase).toBe('aborted');
      expect(t.fault).toBe('C_BAD_STE');
    }
  });
});

describe('fault records', () => {
  it('an invalid STE records C_BAD_STE (0x04) with the stream, address and direction', () => {
    const e = run(twoVmsOneDevice({ policy: 'P3', script: [program(0, 'A', [writeLoop('0x40001000', 1, 5)]), transferX(40)] }), 120);
    const r = report(e, true);
    expect(r.dma.aborted).toBeGreaterThan(0);
    expect(r.dma.recorded).toBe(r.dma.aborted);
    expect(r.dma.suppressed).toBe(0);
    expect(r.events!.length).toBe(r.dma.recorded);
    for (const x of r.events!) expect(x).toMatchObject({ name: 'C_BAD_STE', number: '0x04', sid: 17, addr: '0x40001000', write: true });
  });

  it('an STE with config abort aborts without a record: the suppressed count goes up instead', () => {
    const e = run(twoVmsOneDevice({ policy: 'P2', script: [program(0, 'A', [writeLoop('0x40001000', 1, 5)]), transferX(40)] }), 120);
    const r = report(e, true);
    expect(device(e, 'X').assign).toBe('offered');
    expect(r.dma.aborted).toBeGreaterThan(0);
    expect(r.dma.suppressed).toBe(r.dma.aborted);
    expect(r.dma.recorded).toBe(0);
    expect(r.events).toEqual([]);
  });

  function storm(opts: { eventQueue?: number; mutations?: 'eventq-1'[] }) {
    const sc = twoVmsOneDevice({
      policy: 'P3',
      mutations: opts.mutations,
      maxOutstanding: 8,
      smmu: opts.eventQueue ? { eventQueue: opts.eventQueue } : undefined,
      script: [program(0, 'A', [writeLoop('0x40000000', 2, 1)]), transferX(40)],
    });
    return run(sc, 200);
  }

  function accounted(e: Engine) {
    const c = e.state.counters;
    // Every abort is accounted exactly once: recorded, suppressed or dropped.
    expect(c.aborted).toBe(c.recorded + c.suppressed + c.dropped);
    // What was recorded reached software once (or still waits in the queue for the next drain).
    const seen = [...e.state.events, ...e.state.eventq.records];
    expect(seen.length).toBe(c.recorded);
    expect(new Set(seen.map((x) => x.txn)).size).toBe(seen.length);
  }

  it.each([
    ['smmu.eventQueue = 1', { eventQueue: 1 }],
    ['mutation eventq-1', { mutations: ['eventq-1' as const] }],
  ])('a full event queue (%s) loses records, counts every one and toggles OVFLG — architected, so I11 holds', (_name, opts) => {
    const e = storm(opts);
    const c = e.state.counters;
    expect(e.state.eventq.capacity).toBe(1);
    expect(c.dropped).toBeGreaterThan(0);
    accounted(e);
    expect(violated(e).has('I11')).toBe(false);
    const r = report(e);
    expect(r.eventQueue).toEqual({ capacity: 1, lost: c.dropped, overflows: expect.any(Number) });
    expect(r.eventQueue.overflows).toBeGreaterThan(0);
    expect(r.eventQueue.overflows).toBeLessThanOrEqual(c.dropped); // OVFLG toggles once per unacknowledged overflow
    expect(logWith(e, 'OVFLG toggled', 'note').length).toBe(r.eventQueue.overflows);
    expect(logWith(e, 'event queue overflowed', 'note').length).toBeGreaterThan(0);
  });

  it('a queue large enough for the storm drops nothing and I11 holds', () => {
    const e = storm({ eventQueue: 4096 });
    expect(e.state.counters.dropped).toBe(0);
    expect(e.state.counters.recorded).toBeGreaterThan(50);
    accounted(e);
    expect(violated(e).has('I11')).toBe(false);
  });
});

describe('GBPA while the SMMU is disabled', () => {
  // A's device reads IOVA 0x90000000 — P's secret page if the address goes through untranslated.
  const disabled = (gbpa: 'abort' | 'bypass', extra: object[] = []) =>
    twoVmsOneDevice({
      policy: 'P1',
      smmu: { enabled: false, gbpa },
      script: [program(0, 'A', [{ iova: '0x90000000', pages: 1, dir: 'read', loop: true, every: 5 }]), ...(extra as never[])],
    });

  it('abort: every transaction aborts with no record (suppressed), nothing reaches memory', () => {
    const e = createEngine(disabled('abort'));
    const ended = runCollecting(e, 100);
    expect(ended.length).toBeGreaterThan(10);
    expect(ended.every((t) => t.phase === 'aborted' && t.fault === null)).toBe(true);
    const c = e.state.counters;
    expect(c.suppressed).toBe(c.aborted);
    expect(c.recorded).toBe(0);
    expect(violated(e).size).toBe(0);
  });

  it("bypass: PA = IOVA, A's device reads P's secret page, and the configuration itself breaks I6", () => {
    const e = createEngine(disabled('bypass'));
    const ended = runCollecting(e, 100);
    const committed = ended.filter((t) => t.phase === 'committed');
    expect(committed.length).toBeGreaterThan(10);
    expect(committed.every((t) => t.viaBypass && t.pfn === P_RAM / 4096)).toBe(true);
    expect(violationsOf(e, 'I6')[0]).toMatchObject({ t: 0 });
    expect(violationsOf(e, 'I6')[0].message).toMatch(/GBPA = bypass/);
    expect(violated(e).has('I1')).toBe(true);
    expect(violated(e).has('I1b')).toBe(true);
  });

  it('the gbpa-bypass mutation turns an aborting GBPA into a bypassing one', () => {
    const sc = disabled('abort');
    sc.policy.mutations = ['gbpa-bypass'];
    const e = run(sc, 100);
    expect(e.state.smmu.gbpa).toBe('bypass');
    expect(violated(e).has('I6')).toBe(true);
    expect(violated(e).has('I1b')).toBe(true);
  });

  it("once the SMMU is enabled the STE translates: IOVA 0x90000000 is not in A's table and faults", () => {
    const e = run(disabled('bypass', [{ at: 50, op: 'smmuEnable' }]), 150);
    const r = report(e, true);
    expect(r.events!.length).toBeGreaterThan(0);
    expect(r.events!.every((x) => x.name === 'F_TRANSLATION' && x.addr === '0x90000000' && x.t > 50)).toBe(true);
    // Only the traffic bypassed before the enable broke anything.
    expect(Math.min(...e.violations.map((v) => v.t))).toBe(0);
    expect(Math.max(...e.violations.map((v) => v.t))).toBeLessThan(60);
  });
});

describe("ATS: the device's ATC", () => {
  const atsTransfer = (mutations: 'skip-atc-inv'[] = []) =>
    twoVmsOneDevice({ policy: 'P3', ats: true, mutations, script: [program(0, 'A', [writeLoop('0x40000000', 2, 2)]), transferX(40)] });

  it('keeps translating after the STE is invalid and the TLB invalidated, until ATC_INV + SYNC', () => {
    const e = createEngine(atsTransfer());
    const ended = runCollecting(e, 200);
    const cfgiAt = firstLogAt(e, 'SMMU consumed CFGI_STE(17)');
    const tlbiAt = firstLogAt(e, 'SMMU consumed TLBI_S12_VMALL');
    const atcInvAt = firstLogAt(e, 'SMMU consumed ATC_INV(17)');
    expect(cfgiAt).toBeLessThan(tlbiAt);
    expect(tlbiAt).toBeLessThan(atcInvAt); // TLBI → SYNC → ATC_INV → SYNC
    const done = handoverAt(e, 'X', 'A');
    expect(done).toBeGreaterThan(atcInvAt);
    // ATS-translated writes arrived after the STE was gone from the SMMU's caches and still
    // committed into A's RAM: they never went through the SMMU.
    const viaAtc = ended.filter((t) => t.viaAts && t.phase === 'committed' && t.arriveAt > tlbiAt);
    expect(viaAtc.length).toBeGreaterThan(0);
    expect(viaAtc.every((t) => inRange(t.pfn, A_RAM, 4))).toBe(true);
    expect(device(e, 'X').atc.size).toBe(0);
  });

  // The ATC stays in use between ATC_INV reaching the device and its acknowledgement; what it
  // translated in that window must be drained before the SYNC completes, or one of A's ATS writes
  // would commit after the hand-over (I2, I8).
  it('with the correct order, no ATS-translated transaction commits after the final SYNC (I2, I8 hold)', () => {
    const e = createEngine(atsTransfer());
    const ended = runCollecting(e, 200);
    const done = handoverAt(e, 'X', 'A');
    expect(ended.filter((t) => t.viaAts && t.phase === 'committed' && t.commitAt > done)).toEqual([]);
    expect(violated(e).has('I8')).toBe(false);
    expect(violated(e).has('I2')).toBe(false);
  });

  it("skip-atc-inv: the ATC is never invalidated and A's ATS writes keep landing after the hand-over (I8)", () => {
    const e = createEngine(atsTransfer(['skip-atc-inv']));
    const ended = runCollecting(e, 200);
    const done = handoverAt(e, 'X', 'A');
    const after = ended.filter((t) => t.viaAts && t.phase === 'committed' && t.commitAt > done + 50);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((t) => inRange(t.pfn, A_RAM, 4))).toBe(true);
    expect(violated(e).has('I8')).toBe(true);
    expect(device(e, 'X').atc.size).toBeGreaterThan(0);
  });

  it("gallery stale-atc: with ATSCHK the deferred ATC_INV + SYNC runs before P's enable, and P's writes land in P's RAM", () => {
    const e = run(galleryScenario('stale-atc', { mutations: [] }), 300);
    expect(violated(e).size).toBe(0);
    expect(pageAt(e, P_RAM).lastDmaWriter?.by).toBe(epIndex(e, 'P'));
    expect(logWith(e, 'cmd ATC_INV(17)', 'step')[0].t).toBeGreaterThanOrEqual(140);
  });

  it("gallery stale-atc with skip-atc-inv: P's writes go to A's RAM through the stale ATC (I1, I8)", () => {
    const e = run(galleryScenario('stale-atc'), 300);
    expect(violated(e).has('I8')).toBe(true);
    expect(violated(e).has('I1')).toBe(true);
    expect(violationsOf(e, 'I8').every((v) => v.page === '0x80000000' || v.page === '0x80001000')).toBe(true);
    expect(pageAt(e, A_RAM).lastDmaWriter?.by).toBe(epIndex(e, 'P'));
  });
});
