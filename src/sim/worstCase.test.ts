// Worst case, not best case: where the architecture permits a behaviour that leaks — a walk through
// freed memory, a prefetched entry, an invalidation not yet complete, a torn STE — the model allows
// it. Each rule here is checked against the run a kinder model would give.

import { describe, expect, it } from 'vitest';
import type { FreedTableMemory } from './model/scenario';
import { galleryScenario, report, run, violated, violationsOf } from '../testing/scenarios';

const UNTIL = 400;
const withFreed = (holds: FreedTableMemory | undefined) => (d: Record<string, unknown>) => {
  if (holds) d.smmu = { ...((d.smmu as object) ?? {}), freedTables: holds };
};
const eventNames = (e: ReturnType<typeof run>) => new Set(report(e, true).events!.map((x) => x.name));

describe('a freed table is RAM with its old contents', () => {
  // The partition aborts at 60 and its table is freed under the live STE. The read of the page at
  // 0xc0003000 comes first at 70: no TLB entry holds it, so it walks the freed table.
  const aborted = (holds?: FreedTableMemory) => run(galleryScenario('abort-frees-tables', { edit: withFreed(holds) }), UNTIL);
  const uncachedReads = (e: ReturnType<typeof run>) =>
    violationsOf(e, 'I1').filter((v) => /committed a read to 0xc0003000/.test(v.message) && v.t > 60);

  it('stale (the default): the walk reads the old descriptors and the DMA lands in the memory the partition lost', () => {
    const e = aborted();
    expect(uncachedReads(e).length).toBeGreaterThan(0);
    expect(eventNames(e).has('F_WALK_EABT')).toBe(false);
    expect(violationsOf(e, 'I4').some((v) => v.count > 1)).toBe(true); // the free, then the walks
  });

  it('protected (a granule the SMMU may not fetch from): the walk is an external abort, F_WALK_EABT', () => {
    const e = aborted('protected');
    expect(uncachedReads(e)).toEqual([]);
    expect(eventNames(e).has('F_WALK_EABT')).toBe(true);
  });

  it('zeroed: the walk finds no valid descriptor, F_TRANSLATION', () => {
    const e = aborted('zeroed');
    expect(uncachedReads(e)).toEqual([]);
    expect(eventNames(e).has('F_TRANSLATION')).toBe(true);
    expect(eventNames(e).has('F_WALK_EABT')).toBe(false);
  });

  it("reused: the walk reads the next table built in that memory — A's descriptor reaches P's secret", () => {
    // P1 without its CFGI: the cached STE still points at A's freed table, whose memory now holds
    // P's new table; A's descriptors survive the reset (device-ignores-reset).
    const sc = (holds: FreedTableMemory) =>
      galleryScenario('reset-on-transfer', { mutations: ['skip-cfgi', 'device-ignores-reset'], edit: withFreed(holds) });
    const reused = run(sc('reused'), UNTIL);
    expect(
      violationsOf(reused, 'I1b').some((v) =>
        /programmed by A committed a read to 0x90000000 \(p-ram\), reading P's secret/.test(v.message),
      ),
    ).toBe(true);
    const stale = run(sc('stale'), UNTIL);
    expect(violationsOf(stale, 'I2').some((v) => /read to 0x80000000 \(a-ram\)/.test(v.message))).toBe(true);
    expect(violated(run(sc('zeroed'), UNTIL)).has('I1b')).toBe(false);
  });
});
