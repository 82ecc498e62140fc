// Gallery 4 — P3, per-VM table with explicit enable, and its pitfall.

import type { GalleryDoc } from './types';
import { aReadLoop, twoRams, twoVms } from './common';

export const perVmTable: GalleryDoc = {
  format: 'dma-handoff/scenario',
  version: 1,
  title: 'Per-VM table, explicit enable',
  description:
    "The discussion's proposal 4 under P3: A's table is disabled for the NIC (STE invalid + CFGI + SYNC), P's table starts empty, and P must map and enable explicitly. The pitfall: P enables before resetting, and A's descriptors — still running — read what P just mapped.",
  seed: 4,
  policy: { id: 'P3', mutations: [], dmaCoupled: false },
  endpoints: twoVms,
  memory: twoRams,
  devices: [{ id: 'X', name: 'NIC', streams: [17], group: 'g0', owner: 'A', reset: 'clean', maxOutstanding: 4 }],
  script: [
    { at: 0, op: 'program', device: 'X', by: 'A', dma: [aReadLoop] },
    { at: 40, op: 'transfer', device: 'X', to: 'P' },
    { at: 100, op: 'map', device: 'X', by: 'P', region: 'p-ram' },
    { at: 140, op: 'enable', device: 'X', by: 'P' },
    { at: 180, op: 'program', device: 'X', by: 'P', dma: [{ iova: '0x40001000', pages: 1, dir: 'write', loop: true, every: 6 }] },
  ],
  captions: [
    { at: 0, text: 'A programs the NIC and never pauses it — A may be malicious.' },
    { at: 40, text: "Transfer under P3: STE invalid, CFGI, SYNC. Reads translated before the SYNC land in A's RAM." },
    { at: 50, text: 'After the SYNC every read aborts with C_BAD_STE (0x04): the event queue fills with them.' },
    { at: 100, text: 'P maps its RAM into its new, empty table. Nothing translates yet: the STE is still invalid.' },
    { at: 140, text: "P enables without resetting first: its table goes live for a NIC that still holds A's descriptor (I7, I10)." },
    { at: 165, text: "A's descriptor reads P's secret (I1b). Reset before enable and it holds." },
    { at: 180, text: "P's own DMA works too: the hand-over completes — unsafely." },
  ],
};
