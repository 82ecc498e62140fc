// A violation by a transaction records the path it took (docs/model.md §15): device, stream, what
// in the SMMU translated it, and the page — what the canvas draws as the leak.

import { describe, expect, it } from 'vitest';
import { galleryScenario, run, violationsOf } from '../testing/scenarios';

describe('the path a violating transaction took', () => {
  it("the seed's attack: X's stream 17, a TLB entry of P's stage-2, P's secret page", () => {
    const e = run(galleryScenario('seed-attack'), 300);
    const leak = violationsOf(e, 'I1b')[0];
    expect(leak.path).toEqual({
      device: 'X',
      sid: 17,
      via: 'tlb',
      vmid: 2,
      iovaPage: 0x40000,
      table: 'S2:P',
      staleEntry: false,
      staleSte: false,
      pageIndex: 4,
      pa: '0x90000000',
      write: false,
      programmedBy: 'A',
      dataOf: 'P',
      secret: true,
      summary: "A's descriptor read P's secret",
    });
  });

  it('a stale ATC: the device translated it itself, without the SMMU', () => {
    const e = run(galleryScenario('stale-atc'), 400);
    const path = violationsOf(e, 'I8')[0].path;
    expect(path).toMatchObject({ device: 'X', via: 'atc', table: null, write: true, programmedBy: 'P', dataOf: 'A' });
  });

  it('a forgotten SYNC: the TLB entry and the cached STE it used were stale', () => {
    const e = run(galleryScenario('forgot-sync'), 400);
    const path = violationsOf(e, 'I2')[0].path;
    expect(path).toMatchObject({ via: 'tlb', table: 'T1', staleEntry: true, staleSte: true });
  });

  it('a rule broken by no transaction has no path', () => {
    const e = run(galleryScenario('seed-attack'), 300);
    expect(violationsOf(e, 'I7')[0].path).toBeNull();
  });

  it('the same run gives the same paths', () => {
    const a = run(galleryScenario('seed-attack'), 300).violations;
    const b = run(galleryScenario('seed-attack'), 300).violations;
    expect(b).toEqual(a);
  });
});
