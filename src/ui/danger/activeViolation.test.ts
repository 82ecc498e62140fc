import { describe, expect, it } from 'vitest';
import { passed } from './activeViolation';
import type { Violation, ViolationPath } from '../../sim';

const path = {} as ViolationPath;
const v = (t: number, withPath: boolean): Violation => ({
  invariant: 'x',
  number: 'I1',
  t,
  device: null,
  txn: null,
  page: null,
  message: '',
  count: 1,
  path: withPath ? path : null,
});

describe('the violation the playhead passed', () => {
  const vs = [v(49, false), v(49, false), v(77, true), v(120, false)];

  it('is one later than where the playhead was and no later than where it is', () => {
    expect(passed(vs, 76, 78)).toBe(2);
    expect(passed(vs, 77, 78)).toBe(-1);
    expect(passed(vs, 48, 49)).toBe(1);
  });

  it('prefers one a transaction made (it has a path to draw), the latest of them', () => {
    expect(passed(vs, 0, 200)).toBe(2);
    expect(passed(vs, 100, 200)).toBe(3);
  });

  it('is none when the playhead goes back or stays', () => {
    expect(passed(vs, 78, 76)).toBe(-1);
    expect(passed(vs, 77, 77)).toBe(-1);
  });
});
