// The actions table: names, labels and shortcuts are unique, every key event reaches at most one
// action, and the ones users rely on map to what they say.

import { describe, expect, expectTypeOf, it } from 'vitest';
import { ACTIONS, KEYED, action, perform, tooltip, type ActionArgs, type ActionName } from './registry';
import { useApp } from '../../store/appStore';

type Mods = Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>>;
const key = (k: string, mods: Mods = {}) =>
  ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods }) as KeyboardEvent;
const match = (e: KeyboardEvent) => KEYED.filter((a) => a.keyTest(e)).map((a) => a.name);

/** Every key the app could be sent, as `KeyboardEvent.key` spells it (shifted and not). */
const KEYS = [
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  ...' ?/!@#$%^&*()-_=+[]{};:\'",.<>`~\\|',
  ...['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'],
  ...['Escape', 'Delete', 'Backspace', 'Enter', 'Tab', 'F1'],
];
/** Every set of modifiers. */
const MODS: Mods[] = Array.from({ length: 16 }, (_, i) => ({
  ctrlKey: (i & 1) !== 0,
  metaKey: (i & 2) !== 0,
  shiftKey: (i & 4) !== 0,
  altKey: (i & 8) !== 0,
}));

describe('actions', () => {
  it('each has a unique name and label, a history claim, and a unique written shortcut when it has one', () => {
    const unique = (xs: unknown[]) => expect(new Set(xs).size).toBe(xs.length);
    unique(ACTIONS.map((a) => a.name));
    unique(ACTIONS.map((a) => a.label));
    unique(KEYED.map((a) => a.keys));
    unique(KEYED.map((a) => a.description ?? a.label));
    for (const a of ACTIONS) {
      expect(a.label.length).toBeGreaterThan(2);
      expect(['record', 'never']).toContain(a.history);
      expect(a.keyTest === undefined).toBe(a.keys === undefined);
      if (a.keys !== undefined) expect(a.keys.length).toBeGreaterThan(0);
    }
  });

  it('no key event reaches two actions, with any modifiers, in any mode', () => {
    // The keyboard takes the first action whose keyTest accepts the event, then asks whether it
    // applies here (presenting, typing in a field): with at most one candidate per event, no
    // action hides another in one mode and not the other.
    for (const k of KEYS)
      for (const m of MODS) {
        const hits = match(key(k, m));
        expect(hits.length, `${JSON.stringify(m)} ${k}: ${hits.join(', ')}`).toBeLessThanOrEqual(1);
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
    ['nextOp', key('ArrowRight', { altKey: true, shiftKey: true })],
    ['prevEvent', key('ArrowLeft')],
    ['backTick', key('ArrowLeft', { shiftKey: true })],
    ['prevOp', key('ArrowLeft', { ctrlKey: true })],
    ['prevOp', key('ArrowLeft', { metaKey: true, shiftKey: true })],
    ['home', key('Home')],
    ['end', key('End')],
    ['shortcuts', key('?', { shiftKey: true })],
    ['escape', key('Escape')],
    ['present', key('p')],
    ['export', key('s', { metaKey: true })],
    ['copyLink', key('L', { ctrlKey: true, shiftKey: true })],
    ['addSp', key('S', { shiftKey: true })],
    ['delete', key('Backspace')],
  ])('%s', (name, e) => {
    expect(match(e)).toEqual([name]);
  });

  it('plain typing reaches no action except the documented single keys', () => {
    for (const k of 'abcdefghijklmnoqrstuvwxyz0123456789') expect(match(key(k))).toEqual([]);
  });

  it('a presenter’s keys act only while presenting, each on one action', () => {
    const presenter: [string, ActionName][] = [
      ['PageDown', 'nextCaption'],
      ['PageUp', 'prevCaption'],
      ['.', 'blank'],
      ['b', 'blank'],
      ['+', 'zoomIn'],
      ['-', 'zoomOut'],
      ['0', 'zoomFit'],
      ['[', 'slower'],
      [']', 'faster'],
    ];
    for (const [k] of presenter) expect(match(key(k)), k).toEqual([]);
    useApp.setState({ presenting: true });
    try {
      for (const [k, name] of presenter) expect(match(key(k)), k).toEqual([name]);
      for (const k of KEYS) for (const m of MODS) expect(match(key(k, m)).length, `${k} ${JSON.stringify(m)}`).toBeLessThanOrEqual(1);
    } finally {
      useApp.setState({ presenting: false });
    }
  });

  it('names are checked by the compiler, and an unknown one is refused at run time', () => {
    // @ts-expect-error — not an action
    expect(() => perform('undoo')).toThrow(/no action "undoo"/);
    expectTypeOf<ActionName>().toExtend<string>();
    expectTypeOf<'undoo'>().not.toExtend<ActionName>();
    expectTypeOf<ActionArgs<'speed'>>().toEqualTypeOf<[ticksPerSecond: number]>();
    expectTypeOf<ActionArgs<'undo'>>().toEqualTypeOf<[]>();
  });

  it('a tooltip is the label (or what it does now) and the shortcut as the list writes it', () => {
    const s = { ...useApp.getState(), past: [], future: [{ doc: {}, label: 'Policy P3' }] } as unknown as ReturnType<
      typeof useApp.getState
    >;
    expect(tooltip(action('home'), s)).toBe('Start (Home)');
    expect(tooltip(action('undo'), s)).toBe('Nothing to undo (Ctrl/⌘ + Z)');
    expect(tooltip(action('redo'), s)).toBe('Redo Policy P3 (Shift + Ctrl/⌘ + Z)');
    expect(tooltip(action('save'), s)).toBe('Save current scenario');
  });
});
