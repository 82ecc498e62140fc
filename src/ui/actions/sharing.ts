// Sharing the scenario and keeping it: the link and export keys, and the Share and My scenarios
// menus' items — import, picture, moment and violation links, embed code, save.

import { copyEmbedCode, copyLink, exportFile, importFile, momentUrl } from './share';
import { useExportDialog } from '../export/exportDialog';
import { app, mod } from './keys';
import type { ActionSpec } from './registry';

/** Copying a link and exporting a file, with a shortcut. */
export const SHARING_KEYED = [
  {
    name: 'copyLink',
    label: 'Copy link',
    description: 'Copy a link to this scenario',
    keys: 'Ctrl/⌘ + Shift + L',
    keyTest: (e) => mod(e) && e.shiftKey && e.key.toLowerCase() === 'l',
    perform: () => void copyLink(),
    history: 'never',
  },
  {
    name: 'export',
    label: 'Export .json file',
    description: 'Export to a .json file',
    keys: 'Ctrl/⌘ + S',
    keyTest: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 's',
    perform: () => exportFile(),
    history: 'never',
    inFields: true,
  },
] as const satisfies readonly ActionSpec[];

/** The Share and My scenarios menus' items, without a shortcut. */
export const SHARING_MENU = [
  {
    name: 'import',
    label: 'Import .json file…',
    perform: (file: File) => void importFile(file),
    history: 'never',
  },
  {
    name: 'exportImage',
    label: 'Export picture…',
    description: 'Save the canvas at this tick as PNG or SVG, carrying the scenario',
    enabled: (s) => s.scenario !== null,
    perform: () => useExportDialog.getState().setOpen(true),
    history: 'never',
  },
  {
    name: 'copyMomentLink',
    label: 'Link to this moment',
    description: 'Copy a link that opens this scenario at this tick, with this selection',
    perform: () => void copyLink(momentUrl()),
    history: 'never',
  },
  {
    name: 'copyEmbedCode',
    label: 'Copy embed code',
    description: 'Copy an <iframe> that shows this scenario, at this tick, as a player in a design document',
    perform: () => void copyEmbedCode(),
    history: 'never',
  },
  {
    name: 'copyViolationLink',
    label: 'Copy link to this violation',
    perform: (index: number) => {
      const v = app().summary?.violations[index];
      if (v !== undefined) void copyLink(momentUrl({ t: v.t, sel: { kind: 'violation', index } }));
    },
    history: 'never',
  },
  {
    name: 'save',
    label: 'Save current scenario',
    perform: () => app().saveToLibrary(),
    history: 'never',
  },
] as const satisfies readonly ActionSpec[];
