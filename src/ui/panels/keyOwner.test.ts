import { describe, expect, it } from 'vitest';
import { claimKeys, keysOwned } from './keyOwner';

const key = (k: string) => {
  const e = { key: k, target: null, defaultPrevented: false, preventDefault: () => (e.defaultPrevented = true) };
  return e as unknown as KeyboardEvent & { defaultPrevented: boolean };
};

describe('the view that owns the keyboard', () => {
  it('is nobody at first: the workbench has the keys', () => {
    expect(keysOwned(key(' '))).toBe(false);
  });

  it('is the last to claim it, until it lets go; a key it acts on does nothing else', () => {
    const seen: string[] = [];
    const releaseA = claimKeys((e) => (seen.push(`A${e.key}`), true));
    const releaseB = claimKeys((e) => (seen.push(`B${e.key}`), e.key === 'x'));
    const x = key('x');
    const y = key('y');
    expect(keysOwned(x)).toBe(true);
    expect(keysOwned(y)).toBe(true);
    expect([x.defaultPrevented, y.defaultPrevented]).toEqual([true, false]);
    releaseB();
    expect(keysOwned(key('z'))).toBe(true);
    releaseA();
    expect(keysOwned(key('w'))).toBe(false);
    expect(seen).toEqual(['Bx', 'By', 'Az']);
  });
});
