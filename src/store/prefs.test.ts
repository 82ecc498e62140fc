// The workbench's preferences: read with defaults whatever was stored, and stored on each change.

import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PREFS, PREFS_KEY, loadPrefs, parsePrefs, usePrefs } from './prefs';
import { memoryStorage } from '../testing/storage';

const storage = memoryStorage();

beforeEach(() => {
  storage.clear();
  usePrefs.setState({ ...DEFAULT_PREFS });
});

describe('parsePrefs', () => {
  it('gives the defaults for nothing stored, text that is not JSON, and values that are not records', () => {
    for (const raw of [null, '', '{oops', '42', '[true]', 'null']) expect(parsePrefs(raw)).toEqual(DEFAULT_PREFS);
  });

  it('keeps each boolean field and defaults the ones missing, mistyped or unknown', () => {
    expect(parsePrefs(JSON.stringify({ legendOpen: true, sideCollapsed: 'yes', extra: 1 }))).toEqual({
      legendOpen: true,
      sideCollapsed: false,
      welcomeDismissed: false,
    });
  });
});

describe('usePrefs', () => {
  it('stores a change at once, and a later page reads it back', () => {
    usePrefs.getState().setPref('legendOpen', true);
    usePrefs.getState().setPref('welcomeDismissed', true);
    expect(JSON.parse(storage.get(PREFS_KEY)!)).toEqual({ legendOpen: true, sideCollapsed: false, welcomeDismissed: true });
    expect(loadPrefs()).toEqual({ legendOpen: true, sideCollapsed: false, welcomeDismissed: true });
  });

  it('still changes for this page when storage refuses to write', () => {
    const setItem = globalThis.localStorage.setItem;
    globalThis.localStorage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    try {
      usePrefs.getState().setPref('sideCollapsed', true);
      expect(usePrefs.getState().sideCollapsed).toBe(true);
    } finally {
      globalThis.localStorage.setItem = setItem;
    }
  });
});
