// Which tab of the side panel shows. The panel's own choice, and others ask for one: the welcome's
// "build your own" for Edit, a new selection for Selection (SidePanel.tsx).

import { create } from 'zustand';

export type SideTab = 'verdicts' | 'selection' | 'edit';

export const useSideTab = create<{ tab: SideTab }>(() => ({ tab: 'verdicts' }));

export function showSideTab(tab: SideTab): void {
  useSideTab.setState({ tab });
}
