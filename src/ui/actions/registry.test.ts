// The actions table: every shortcut in the list reaches exactly one action, and the ones users
// rely on map to what they say.

import { describe, expect, it } from 'vitest';
import { ACTIONS } from './registry';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) =>
  ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods }) as KeyboardEvent;
const match = (e: KeyboardEvent) => ACTIONS.filter((a) => a.keyTest(e)).map((a) => a.name);

describe('actions', () => {
  it('each has a unique name, a label and a written shortcut', () => {
    expect(new Set(ACTIONS.map((a) => a.name)).size).toBe(ACTIONS.length);
    for (const a of ACTIONS) {
      expect(a.label.length).toBeGreaterThan(3);
      expect(a.keys.length).toBeGreaterThan(0);
    }
  });

  it.each([
    ['undo', key('z', { ctrlKey: true })],
    ['undo', key('z', { metaKey: true })],
    ['redo', key('Z', { ctrlKey: true, shiftKey: true })],
    ['redo', key('y', { ctrlKey: true })],
    ['playPause', key(' ')],
    ['stepEvent', key('ArrowRight')],
    ['stepTick', key('ArrowRight', { shiftKey: true })],
    ['nextOp', key('ArrowRight', { ctrlKey: true })],
    ['home', key('Home')],
    ['end', key('End')],
    ['shortcuts', key('?', { shiftKey: true })],
    ['escape', key('Escape')],
    ['present', key('p')],
    ['export', key('s', { metaKey: true })],
  ])('%s', (name, e) => {
    expect(match(e)[0]).toBe(name);
  });

  it('plain typing reaches no action except the documented single keys', () => {
    for (const k of 'abcdefghijklmnoqrstuvwxyz0123456789') expect(match(key(k))).toEqual([]);
  });
});
