import { describe, expect, it } from 'vitest';
import { FAULT, faultCode, faultName, FLAG, hasFlag, inPhase, PAGE, PHASE, readTxn, TX, txnCount } from './frameFormat';
import { packTxns } from './view';
import { EVENT_NUMBERS, SCRATCH_PFN, type Txn } from '../sim';

/** A transaction as the engine keeps it, with only the fields a frame carries filled in. */
function txn(fields: Partial<Txn>): Txn {
  const t = {
    id: 0,
    device: 0,
    programmedBy: 0,
    phase: 'issued',
    issuedAt: 0,
    arriveAt: 0,
    translatedAt: 0,
    commitAt: 0,
    pfn: -1,
    page: -1,
    fault: null,
    write: false,
    viaAts: false,
    viaBypass: false,
    broke: false,
    ...fields,
  };
  return t as Txn;
}

describe('the packed frame format', () => {
  it('reads back what was packed, field by field', () => {
    const list = [
      txn({ id: 41, device: 3, programmedBy: 2, phase: 'translated', issuedAt: 10, arriveAt: 12, translatedAt: 15, commitAt: 19 }),
      txn({ id: 42, device: 1, phase: 'aborted', fault: 'F_PERMISSION', write: true, viaAts: true, pfn: 77, page: 5 }),
      txn({ id: 43, phase: 'committed', viaBypass: true, pfn: SCRATCH_PFN, page: -1 }),
      txn({ id: 44, phase: 'aborted', fault: null }),
      txn({ id: 45, phase: 'committed', pfn: 90, page: 4, broke: true }),
    ];
    const a = packTxns(list, list.length);
    expect(a.length).toBe(list.length * TX.stride);
    expect(txnCount(a)).toBe(5);
    expect(readTxn(a, 0)).toEqual({
      id: 41,
      device: 3,
      programmedBy: 2,
      phase: 'translated',
      issuedAt: 10,
      arriveAt: 12,
      translatedAt: 15,
      commitAt: 19,
      page: PAGE.none,
      fault: FAULT.none,
      write: false,
      viaAts: false,
      bypass: false,
      leak: false,
    });
    expect(readTxn(a, 1)).toMatchObject({ id: 42, phase: 'aborted', page: 5, write: true, viaAts: true, bypass: false });
    expect(faultName(readTxn(a, 1).fault)).toBe('F_PERMISSION');
    expect(readTxn(a, 2)).toMatchObject({ id: 43, phase: 'committed', page: PAGE.scratch, bypass: true, fault: FAULT.none });
    expect(readTxn(a, 3)).toMatchObject({ id: 44, phase: 'aborted', fault: FAULT.unrecorded });
    expect(readTxn(a, 4)).toMatchObject({ id: 45, phase: 'committed', page: 4, leak: true });
  });

  it('answers the drawing loop’s questions at an offset', () => {
    const a = packTxns([txn({ phase: 'issued' }), txn({ phase: 'committed', write: true })], 2);
    expect(inPhase(a, 0, 'issued')).toBe(true);
    expect(inPhase(a, TX.stride, 'committed')).toBe(true);
    expect(inPhase(a, TX.stride, 'aborted')).toBe(false);
    expect(hasFlag(a, 0, FLAG.write)).toBe(false);
    expect(hasFlag(a, TX.stride, FLAG.write)).toBe(true);
  });

  it('names every SMMU event by its number, and nothing else', () => {
    for (const [name, n] of Object.entries(EVENT_NUMBERS)) {
      expect(faultCode(true, name as keyof typeof EVENT_NUMBERS)).toBe(n);
      expect(faultName(n)).toBe(name);
    }
    expect(faultCode(false, 'C_BAD_STE')).toBe(FAULT.none);
    expect(faultName(FAULT.none)).toBeNull();
    expect(faultName(FAULT.unrecorded)).toBeNull();
  });

  it('keeps its codes distinct and its fields inside the stride', () => {
    const offsets = Object.entries(TX)
      .filter(([k]) => k !== 'stride')
      .map(([, v]) => v);
    expect(new Set(offsets).size).toBe(offsets.length);
    expect(Math.max(...offsets)).toBe(TX.stride - 1);
    expect(new Set(Object.values(PHASE)).size).toBe(4);
    expect(Object.values(FLAG).reduce((m, b) => m | b, 0)).toBe(FLAG.write + FLAG.viaAts + FLAG.bypass + FLAG.leak);
    expect(Object.values(EVENT_NUMBERS)).not.toContain(FAULT.none);
    expect(Object.values(EVENT_NUMBERS)).not.toContain(FAULT.unrecorded);
  });
});
