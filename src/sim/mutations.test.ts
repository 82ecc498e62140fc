// Why every step exists (docs/model.md §11): each mutation drops or changes one step, and in some
// gallery scenario the unmutated policy keeps an invariant that the mutated one breaks. And every
// gallery scenario (§2.9) shows what its captions promise.

import { describe, expect, it } from 'vitest';
import type { MutationId } from './model/scenario';
import { MUTATION_IDS } from './model/scenario';
import { GALLERY_IDS, firstLogAt, galleryScenario, handoverAt, report, run, sorted, violated, violationsOf } from '../testing/scenarios';

const UNTIL = 400;
const broken = (id: string, mutations: MutationId[]) => violated(run(galleryScenario(id, { mutations }), UNTIL));

const TABLE: [gallery: string, mutation: MutationId, invariant: string][] = [
  ['reset-on-transfer', 'skip-cfgi', 'I4'],
  ['forgot-sync', 'skip-sync', 'I2'],
  ['vmid-reuse', 'skip-tlbi', 'I5'],
  ['vmid-reuse', 'reuse-vmid', 'I5'],
  ['stale-atc', 'ats-unchecked', 'I8'],
  ['stale-atc', 'skip-atc-inv', 'I8'],
  ['quarantine', 'unassigned-bypass', 'I6'],
  ['quarantine', 'gbpa-bypass', 'I6'],
  ['reset-on-transfer', 'device-ignores-reset', 'I1b'],
  ['per-vm-table', 'eventq-1', 'lost records'],
];

describe('the mutation table: each mutation breaks the invariant its step protects', () => {
  it('covers all ten mutations', () => {
    expect(new Set(TABLE.map((r) => r[1]))).toEqual(new Set(MUTATION_IDS));
  });

  // A full event queue losing records is architected behaviour, not a broken invariant: eventq-1
  // shows in the report's lost-records figure instead.
  const lost = (gallery: string, mutations: MutationId[]) => report(run(galleryScenario(gallery, { mutations }), UNTIL)).eventQueue.lost;

  it.each(TABLE)('%s + %s → %s', (gallery, mutation, invariant) => {
    if (invariant === 'lost records') {
      expect(lost(gallery, [])).toBe(0);
      expect(lost(gallery, [mutation])).toBeGreaterThan(0);
      return;
    }
    expect(broken(gallery, []).has(invariant)).toBe(false);
    expect(broken(gallery, [mutation]).has(invariant)).toBe(true);
  });
});

describe('what each mutation does, concretely', () => {
  it('skip-cfgi: the SMMU keeps the cached STE, so freeing the old table happens under it (I4)', () => {
    const e = run(galleryScenario('reset-on-transfer', { mutations: ['skip-cfgi'] }), UNTIL);
    expect(firstLogAt(e, 'cmd CFGI_STE', 'step')).toBe(Infinity);
    expect(violationsOf(e, 'I4')[0].message).toMatch(/cached STE 17/);
  });

  it("skip-sync: the hand-over is declared complete before A's writes drained; they commit after it (I2)", () => {
    const e = run(galleryScenario('forgot-sync'), UNTIL);
    expect(firstLogAt(e, /^sync$/, 'step')).toBe(Infinity);
    const done = handoverAt(e, 'X', 'A');
    const i2 = violationsOf(e, 'I2');
    expect(i2.length).toBeGreaterThan(0);
    expect(i2.every((v) => v.t > done)).toBe(true);
  });

  it("unassigned-bypass: the quarantine STE is bypass and the guest's writes go through untranslated (I6)", () => {
    const e = run(galleryScenario('quarantine', { mutations: ['unassigned-bypass'] }), UNTIL);
    expect(violationsOf(e, 'I6').some((v) => /quarantined device NVMe/.test(v.message))).toBe(true);
  });

  it('eventq-1: the C_BAD_STE storm after the hand-over overflows a one-record queue (lost records)', () => {
    const e = run(galleryScenario('per-vm-table', { mutations: ['eventq-1'] }), UNTIL);
    const c = report(e).dma;
    expect(c.dropped).toBeGreaterThan(0);
    expect(c.aborted).toBe(c.recorded + c.suppressed + c.dropped);
  });
});

/**
 * Gallery id → the invariants a default run breaks (to tick 400). Derived by running each scenario
 * and checked against its captions: where a caption names an invariant, it is here; where a caption
 * says a rule holds, it is absent. I7 appears where the new owner's table became usable for a
 * device that may still act for the old owner (its descriptors survive, or it was not reset).
 */
const GALLERY_VIOLATIONS: Record<string, string[]> = {
  'seed-attack': ['I1b', 'I7', 'I10'],
  'reset-on-transfer': [],
  'acceptance-stage': [],
  'per-vm-table': ['I1b', 'I7', 'I10'],
  'loan-vs-shared': [],
  quarantine: [],
  'forgot-sync': ['I1', 'I1b', 'I2', 'I4', 'I5', 'I7', 'I10'],
  'vmid-reuse': ['I1', 'I1b', 'I2', 'I4', 'I5'],
  'stale-atc': ['I1', 'I1b', 'I2', 'I8'],
  'lend-dma-visible': ['I1', 'I1b', 'I3', 'I12', 'I13'],
  'abort-frees-tables': ['I1', 'I1b', 'I3', 'I4', 'I13'],
  'ignores-reset': ['I1b', 'I7'],
  'eventq-overflow': [],
  'attested-enable': [],
  'late-atc-ack': [],
  'handover-window': [],
};

/** What the captions and description promise the default run breaks. */
const PROMISED: Record<string, string[]> = {
  'seed-attack': ['I1b'],
  'per-vm-table': ['I1b', 'I10'],
  'forgot-sync': ['I2', 'I4'],
  'vmid-reuse': ['I1', 'I5'],
  'stale-atc': ['I1', 'I8'],
  'lend-dma-visible': ['I1', 'I3', 'I12', 'I13'],
  'abort-frees-tables': ['I4', 'I1'],
  'ignores-reset': ['I1b'],
};
/** What the captions promise holds. */
const HOLDS: Record<string, string[]> = {
  'reset-on-transfer': ['I1', 'I1b', 'I7'],
  'acceptance-stage': ['I1', 'I1b'],
  'loan-vs-shared': ['I1', 'I1b', 'I3', 'I13'],
  quarantine: ['I1', 'I1b', 'I6'],
  'attested-enable': ['I1', 'I1b', 'I7', 'I10'],
  'late-atc-ack': ['I1', 'I1b', 'I2', 'I8'],
  'handover-window': ['I1', 'I1b', 'I2', 'I8'],
};

describe('every gallery scenario shows what it promises', () => {
  it('the table covers the whole gallery', () => {
    expect(Object.keys(GALLERY_VIOLATIONS).sort()).toEqual([...GALLERY_IDS].sort());
  });

  // "Holds" means safe and working: every hand-over a scenario asks for either completes and the new
  // owner's own DMA then commits, or is refused on purpose (the policy has no such operation).
  it.each([...GALLERY_IDS])("%s: every completed hand-over to a new owner ends with that owner's own DMA committing", (id) => {
    const r = report(run(galleryScenario(id), UNTIL));
    for (const h of r.handovers) {
      expect(h.status, `${h.op} of ${h.device}`).not.toBe('running');
      if (h.status === 'completed' && h.to !== null) expect(h.newOwnerDma, `${h.op} of ${h.device} to ${h.to}`).toBe(true);
    }
  });

  const exactly = (id: string, expected: string[]) => expect(sorted(violated(run(galleryScenario(id), UNTIL)))).toEqual(sorted(expected));
  const rows = Object.entries(GALLERY_VIOLATIONS);
  it.each(rows)('%s breaks exactly %j', exactly);

  it.each(Object.entries(PROMISED))('%s breaks what its captions name: %j', (id, names) => {
    const v = violated(run(galleryScenario(id), UNTIL));
    for (const n of names) expect(v.has(n), n).toBe(true);
  });

  it.each(Object.entries(HOLDS))('%s keeps what its captions say holds: %j', (id, names) => {
    const v = violated(run(galleryScenario(id), UNTIL));
    for (const n of names) expect(v.has(n), n).toBe(false);
  });

  it('abort-frees-tables: uncached pages walk the freed table, which still holds its descriptors; protected memory would abort (F_WALK_EABT)', () => {
    const stale = run(galleryScenario('abort-frees-tables'), UNTIL);
    expect(violationsOf(stale, 'I1').some((v) => /read to 0xc0003000/.test(v.message))).toBe(true);
    const edit = (d: Record<string, unknown>) => void (d.smmu = { freedTables: 'protected' });
    const r = report(run(galleryScenario('abort-frees-tables', { edit }), UNTIL), true);
    expect(r.events!.some((x) => x.name === 'F_WALK_EABT' && x.number === '0x0b' && x.t > 60)).toBe(true);
  });

  it('attested-enable: the enable with stale nonces is refused (RSI_ERROR_DEVICE)', () => {
    const r = report(run(galleryScenario('attested-enable'), UNTIL));
    expect(r.opErrors).toEqual([expect.objectContaining({ t: 140, op: 'enable', error: 'RSI_ERROR_DEVICE' })]);
  });

  // The caption says "Switch to P1 for the fixed order": P1's teardown stops and drains the device
  // before the partition's memory is taken back, so nothing lands in memory it lost.
  it('abort-frees-tables under P1 (the fixed order): no DMA lands in memory the partition lost', () => {
    const e = run(galleryScenario('abort-frees-tables', { policy: 'P1' }), UNTIL);
    expect(violated(e).has('I1')).toBe(false);
    expect(violated(e).has('I4')).toBe(false);
  });
});
