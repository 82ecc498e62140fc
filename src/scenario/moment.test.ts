// The moment part of a link: read back what was written, and leave out (naming it) what is not one.

import { describe, expect, it } from 'vitest';
import { momentParams, readMoment, selectionText, withoutMoment } from './moment';

describe('a moment in a link', () => {
  it('reads the tick and a violation, an operation or an entity', () => {
    expect(readMoment('#g=seed-attack&t=60&sel=v0')).toEqual({ t: 60, sel: { kind: 'violation', index: 0 }, problems: [] });
    expect(readMoment('#s=2.abc&sel=op12').sel).toEqual({ kind: 'op', index: 12 });
    expect(readMoment('g=x&sel=NIC').sel).toEqual({ kind: 'entity', id: 'NIC' });
    expect(readMoment('#g=x&sel=smmu&present').sel).toEqual({ kind: 'entity', id: 'smmu' });
  });

  it('names no moment when the link carries none', () => {
    expect(readMoment('#g=seed-attack')).toEqual({ t: null, sel: null, problems: [] });
    expect(readMoment('#present')).toEqual({ t: null, sel: null, problems: [] });
  });

  it('leaves out, and names, a part that is not a moment', () => {
    for (const bad of ['t=-4', 't=1e3', 't=', 't=abc', `t=${'9'.repeat(17)}`]) {
      const m = readMoment(`#g=x&${bad}`);
      expect(m.t, bad).toBeNull();
      expect(m.problems[0], bad).toMatch(/is not a tick/);
    }
    const s = readMoment('#g=x&t=5&sel=%3Cscript%3E');
    expect(s).toMatchObject({ t: 5, sel: null });
    expect(s.problems[0]).toMatch(/not a violation, an operation or an id/);
    expect(readMoment(`#g=x&sel=${'a'.repeat(33)}`).sel).toBeNull();
  });

  it('writes what it reads back', () => {
    for (const m of [
      { t: 60, sel: { kind: 'violation' as const, index: 0 } },
      { t: 0, sel: { kind: 'op' as const, index: 7 } },
      { t: null, sel: { kind: 'entity' as const, id: 'P.secret-1' } },
      { t: 12, sel: null },
    ])
      expect(readMoment(`#g=x${momentParams(m)}`)).toEqual({ ...m, problems: [] });
    expect(momentParams({ t: 60.7, sel: null })).toBe('&t=60');
    expect(momentParams({ t: null, sel: null })).toBe('');
    expect(selectionText({ kind: 'violation', index: 3 })).toBe('v3');
  });

  it('takes the moment out of a fragment and keeps the rest', () => {
    expect(withoutMoment('#g=seed-attack&t=60&sel=v0&present')).toBe('#g=seed-attack&present');
    expect(withoutMoment('s=2.ab-c_d')).toBe('s=2.ab-c_d');
  });
});
