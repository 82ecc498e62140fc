// Which section of the Edit tab shows, kept outside the editor so that the toolbar's "Edit policy…"
// can open the policy editor: it chooses the Policy section and asks the side panel for its Edit tab.

import { create } from 'zustand';

export type EditSection = 'system' | 'script' | 'policy' | 'settings';

export const useEditSection = create<{ section: EditSection }>(() => ({ section: 'system' }));

const listeners = new Set<() => void>();

/** Calls `f` whenever the policy editor is asked for; returns the unsubscribe. */
export function onPolicyEditorRequest(f: () => void): () => void {
  listeners.add(f);
  return () => void listeners.delete(f);
}

export function requestPolicyEditor(): void {
  useEditSection.setState({ section: 'policy' });
  for (const f of listeners) f();
}
