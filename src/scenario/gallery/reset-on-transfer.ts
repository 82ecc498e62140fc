// Gallery 2 — P1, reset on transfer (pKVM, VFIO).

import type { GalleryDoc } from './types';
import { aReadLoop, twoRams, twoVms } from './common';

export const resetOnTransfer: GalleryDoc = {
  format: 'dma-handoff/scenario',
  version: 1,
  title: 'Reset on transfer',
  description:
    "The seed's attack under P1: the NIC passes through the hypervisor with bus mastering off, its STE invalid + CFGI + TLBI + SYNC, and a reset, before P's table goes live. A's in-flight reads complete into A's own RAM; nothing of A's reaches P.",
  seed: 2,
  policy: { id: 'P1', mutations: [], dmaCoupled: false },
  endpoints: twoVms,
  memory: twoRams,
  devices: [{ id: 'X', name: 'NIC', streams: [17], group: 'g0', owner: 'A', reset: 'clean', maxOutstanding: 4 }],
  script: [
    { at: 0, op: 'program', device: 'X', by: 'A', dma: [aReadLoop] },
    { at: 40, op: 'transfer', device: 'X', to: 'P' },
    { at: 120, op: 'program', device: 'X', by: 'P', dma: [{ iova: '0x40000000', pages: 2, dir: 'write', loop: true, every: 6 }] },
  ],
  captions: [
    { at: 0, text: 'A programs the NIC to read its own RAM in a loop.' },
    { at: 40, text: 'Transfer under P1: the NIC goes to the hypervisor and bus mastering is switched off.' },
    { at: 42, text: "STE invalid, CFGI_STE, TLBI of A's VMID, then SYNC: it waits for A's translated reads to land in A's RAM." },
    { at: 50, text: "The reset clears A's descriptors. Only then does P get a table of its own." },
    { at: 120, text: 'P programs the NIC for itself: its DMA lands in its own RAM. I1 and I1b hold.' },
    { at: 160, text: "Try the device-ignores-reset mutation: A's reads reach P's secret once P's table is live." },
  ],
};
