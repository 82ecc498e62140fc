// The workbench's own preferences, kept in the browser apart from the user's work: whether the
// legend is open, whether the side panel is collapsed, whether the welcome card was dismissed. A
// record that cannot be read, or storage that is unavailable, gives the defaults and never throws;
// an unknown or mistyped field takes its default, so an older or newer record still opens.

import { create } from 'zustand';

export const PREFS_KEY = 'dma-handoff/prefs/v1';

export interface Prefs {
  legendOpen: boolean;
  sideCollapsed: boolean;
  welcomeDismissed: boolean;
}

export const DEFAULT_PREFS: Prefs = { legendOpen: false, sideCollapsed: false, welcomeDismissed: false };

/** The preferences a stored text holds: each boolean field as stored, anything else its default. */
export function parsePrefs(raw: string | null): Prefs {
  let value: unknown;
  try {
    value = raw === null ? null : JSON.parse(raw);
  } catch {
    value = null;
  }
  const out = { ...DEFAULT_PREFS };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return out;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(DEFAULT_PREFS) as (keyof Prefs)[]) {
    const v = record[key];
    if (typeof v === 'boolean') out[key] = v;
  }
  return out;
}

const storage = (): Storage | null => {
  try {
    return (globalThis as { localStorage?: Storage }).localStorage ?? null;
  } catch {
    return null;
  }
};

/** The stored preferences, or the defaults. */
export function loadPrefs(): Prefs {
  try {
    return parsePrefs(storage()?.getItem(PREFS_KEY) ?? null);
  } catch {
    return { ...DEFAULT_PREFS };
  }
}

/** Stores the preferences; false when storage refused them (they still hold for this page). */
export function savePrefs(p: Prefs): boolean {
  try {
    const s = storage();
    if (s === null) return false;
    s.setItem(PREFS_KEY, JSON.stringify(p));
    return true;
  } catch {
    return false;
  }
}

interface PrefsStore extends Prefs {
  /** Changes one preference and stores them all. */
  setPref<K extends keyof Prefs>(key: K, value: Prefs[K]): void;
}

/** The preferences as a store: components select one, and a change is stored at once. */
export const usePrefs = create<PrefsStore>()((set, get) => ({
  ...loadPrefs(),
  setPref(key, value) {
    set({ [key]: value } as Pick<Prefs, typeof key>);
    const { legendOpen, sideCollapsed, welcomeDismissed } = get();
    savePrefs({ legendOpen, sideCollapsed, welcomeDismissed });
  },
}));
