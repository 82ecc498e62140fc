// What the action tables share: the store as a command reads it when performed, and the tests of a
// key event's modifiers.

import { useApp } from '../../store/appStore';

export const app = () => useApp.getState();
export const mod = (e: KeyboardEvent) => e.ctrlKey || e.metaKey;
export const plain = (e: KeyboardEvent) => !mod(e) && !e.altKey;
/** A presenter's key: only while presenting (elsewhere the same key is typing, or nothing). */
export const presenterKey = (e: KeyboardEvent, keys: string[]) => app().presenting && plain(e) && keys.includes(e.key);
