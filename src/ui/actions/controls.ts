// The toolbar's controls, without a shortcut: each performs its command with the value chosen —
// a gallery scenario, a policy, a mutation, a speed, a tick.

import type { MutationId, PolicyId } from '../../sim';
import { app } from './keys';
import type { ActionSpec } from './registry';

export const CONTROLS = [
  {
    name: 'gallery',
    label: 'Gallery',
    perform: (id: string) => void app().openGallery(id),
    history: 'never',
  },
  {
    name: 'policy',
    label: 'Policy',
    perform: (id: PolicyId) => app().setPolicy(id),
    history: 'record',
  },
  {
    name: 'mutation',
    label: 'Mutations',
    perform: (m: MutationId) => app().toggleMutation(m),
    history: 'record',
  },
  {
    name: 'speed',
    label: 'Speed',
    perform: (ticksPerSecond: number) => app().setSpeed(ticksPerSecond),
    history: 'never',
  },
  {
    name: 'goTo',
    label: 'Go to tick',
    perform: (t: number) => app().seek(t),
    history: 'never',
  },
] as const satisfies readonly ActionSpec[];
