// Other ways to see the scenario: presenting it, its verdicts under every policy, the search for a
// schedule that breaks it, and two configurations side by side.

import { useMatrix } from '../matrix/matrixStore';
import { useCompare } from '../compare/compareStore';
import { openExplore } from '../explore/exploreOpen';
import { app, plain } from './keys';
import type { ActionSpec } from './registry';

export const VIEWS = [
  {
    name: 'present',
    label: 'Present',
    description: 'Present (captions, large type)',
    keys: 'P',
    keyTest: (e) => e.key.toLowerCase() === 'p' && plain(e),
    perform: () => app().setPresenting(true),
    history: 'never',
  },
  {
    name: 'matrix',
    label: 'Every policy',
    description: 'The scenario under every policy, as a table of verdicts',
    perform: () => useMatrix.getState().setOpen(true, app().scenario),
    history: 'never',
    enabled: (s) => s.scenario !== null,
  },
  {
    name: 'explore',
    label: 'Explore…',
    description: "Search the scenario's other schedules for one that breaks an invariant, for its policy or every policy",
    perform: () => openExplore(),
    history: 'never',
    enabled: (s) => s.scenario !== null,
  },
  {
    name: 'compare',
    label: 'Compare',
    description: 'The scenario under two configurations side by side, on one playhead',
    perform: () => {
      useMatrix.getState().setOpen(false);
      useCompare.getState().setOpen(true, app().scenario);
    },
    history: 'never',
    enabled: (s) => s.scenario !== null,
  },
] as const satisfies readonly ActionSpec[];
