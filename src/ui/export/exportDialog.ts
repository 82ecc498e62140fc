// Whether the Export dialog is open: its own small store, so opening it touches nothing of the app's.

import { create } from 'zustand';

export const useExportDialog = create<{ open: boolean; setOpen(open: boolean): void }>()((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));
