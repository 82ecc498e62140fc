import { describe, expect, it } from 'vitest';
import { ownerMarks } from './ownerMarks';

describe('owner marks', () => {
  it('is the first letter when that tells the owners apart', () => {
    expect(ownerMarks(['hyp', 'quarantine', 'A', 'P'])).toEqual(['h', 'q', 'A', 'P']);
  });
  it('tells apart owners that start alike', () => {
    expect(ownerMarks(['VM1', 'VM2', 'P'])).toEqual(['V1', 'V2', 'P']);
    expect(ownerMarks(['vmA', 'vmA2', 'vmB'])).toEqual(['vA', 'v2', 'vB']);
    expect(ownerMarks(['ab', 'ab'])).toEqual(['ab', 'ab']);
  });
});
