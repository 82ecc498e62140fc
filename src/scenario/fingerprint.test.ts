import { describe, expect, it } from 'vitest';
import { fingerprintMessage, fingerprintParams, readFingerprint } from './fingerprint';

describe('a link fingerprint', () => {
  it('round-trips through a fragment', () => {
    const f = `#s=2.abc&${fingerprintParams(3, '354e568c35d056f6')}&t=60`;
    expect(readFingerprint(f)).toEqual({ model: 3, trace: '354e568c' });
    expect(readFingerprint(`#g=x&${fingerprintParams(1, null)}`)).toEqual({ model: 1, trace: null });
    expect(readFingerprint('#g=x')).toBeNull();
    expect(readFingerprint('#g=x&model=abc')).toBeNull();
  });

  it('says nothing when the model and the run are the same', () => {
    expect(fingerprintMessage({ model: 1, trace: '354e568c' }, 1, '354e568c35d056f6')).toBeNull();
    expect(fingerprintMessage({ model: 1, trace: null }, 1, '354e568c35d056f6')).toBeNull();
  });

  it('says when another model made the link, and whether the run is still the same', () => {
    expect(fingerprintMessage({ model: 1, trace: '354e568c' }, 2, '354e568c35d056f6')).toBe(
      'This link was made with model version 1; this is version 2, and the run is the same (trace 354e568c).',
    );
    expect(fingerprintMessage({ model: 1, trace: '354e568c' }, 2, 'aaaaaaaa00000000')).toMatch(
      /model version 1; this is version 2: the run differs from the one the link recorded \(trace 354e568c, now aaaaaaaa\)/,
    );
    expect(fingerprintMessage({ model: 1, trace: 'bbbbbbbb' }, 1, 'aaaaaaaa00000000')).toMatch(
      /^This link was made with this model: the run differs/,
    );
  });
});
