// Gallery 13 — event queue overflow: a fault storm after a hand-over.

import type { GalleryDoc } from './types';
import { twoRams, twoVms } from './common';

const storm = (iova: string) => ({ iova, pages: 2, dir: 'write', loop: true, every: 2 });

export const eventqOverflow: GalleryDoc = {
  format: 'dma-handoff/scenario',
  version: 1,
  title: 'Event queue overflow',
  description:
    "Three of A's devices keep writing after they are handed to P under P3. Every write now aborts with C_BAD_STE, and the hypervisor drains the eight-entry event queue every 10 ticks: most records are lost. The SMMU toggles its overflow flag (OVFLG) and the hypervisor acknowledges it at the next drain, but software never learns which faults it missed: the report counts them as lost records. A full queue losing records is what the architecture specifies, not a broken invariant — I11 checks that every abort is still accounted for. A larger queue (64) holds the storm.",
  seed: 13,
  smmu: { eventQueue: 8 },
  policy: { id: 'P3', mutations: [], dmaCoupled: false },
  endpoints: twoVms,
  memory: twoRams,
  devices: [
    { id: 'X1', name: 'DMA engine 1', streams: [17], group: 'g0', owner: 'A', maxOutstanding: 4 },
    { id: 'X2', name: 'DMA engine 2', streams: [18], group: 'g0', owner: 'A', maxOutstanding: 4 },
    { id: 'X3', name: 'DMA engine 3', streams: [19], group: 'g0', owner: 'A', maxOutstanding: 4 },
  ],
  script: [
    { at: 0, op: 'program', device: 'X1', by: 'A', dma: [storm('0x40000000')] },
    { at: 0, op: 'program', device: 'X2', by: 'A', dma: [storm('0x40001000')] },
    { at: 0, op: 'program', device: 'X3', by: 'A', dma: [storm('0x40002000')] },
    { at: 40, op: 'transfer', device: 'X1', to: 'P' },
    { at: 150, op: 'map', device: 'X1', by: 'P', region: 'p-ram' },
    { at: 160, op: 'reset', device: 'X1' },
    { at: 190, op: 'enable', device: 'X1', by: 'P' },
    { at: 220, op: 'program', device: 'X1', by: 'P', dma: [{ iova: '0x40001000', pages: 1, dir: 'write', loop: true, every: 6 }] },
  ],
  captions: [
    { at: 0, text: "Three DMA engines of one isolation group write A's RAM, one write per engine every 2 ticks." },
    { at: 40, text: 'The group is transferred to P under P3; A does not stop its engines.' },
    { at: 50, text: 'Every write aborts with C_BAD_STE: about 15 records per drain interval, for an 8-entry queue.' },
    { at: 60, text: 'Records are lost: the faults happened and OVFLG says so, but software never sees which (the lost-records figure).' },
    { at: 150, text: "P maps its RAM into engine 1's table, resets it and enables it; its own writes then land in its RAM." },
  ],
};
