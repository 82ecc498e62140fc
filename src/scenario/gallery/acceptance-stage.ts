// Gallery 3 — P2, acceptance stage (FF-A send/retrieve applied to a device).

import type { GalleryDoc } from './types';
import { aReadLoop, twoRams, twoVms } from './common';

export const acceptanceStage: GalleryDoc = {
  format: 'dma-handoff/scenario',
  version: 1,
  title: 'Acceptance stage',
  description:
    "Under P2 the NIC is offered to P with its STE set to abort: A's reads are aborted without an event record. P resets the NIC while it has no DMA, and only P's accept points the STE at P's table.",
  seed: 3,
  policy: { id: 'P2', mutations: [], dmaCoupled: false },
  endpoints: twoVms,
  memory: twoRams,
  devices: [{ id: 'X', name: 'NIC', streams: [17], group: 'g0', owner: 'A', reset: 'clean', maxOutstanding: 4 }],
  script: [
    { at: 0, op: 'program', device: 'X', by: 'A', dma: [aReadLoop] },
    { at: 40, op: 'transfer', device: 'X', to: 'P' },
    { at: 80, op: 'reset', device: 'X' },
    { at: 120, op: 'accept', device: 'X', by: 'P' },
    { at: 160, op: 'program', device: 'X', by: 'P', dma: [{ iova: '0x40000000', pages: 1, dir: 'write', loop: true, every: 6 }] },
  ],
  captions: [
    { at: 0, text: 'A programs the NIC to read its own RAM.' },
    { at: 40, text: "Offered to P: the STE says abort (Config=0b000). A's reads are aborted — and no event is recorded." },
    { at: 80, text: "P inspects the device and resets it while nobody has DMA: A's descriptors are gone." },
    { at: 120, text: "P accepts: only now does the STE point at P's table." },
    { at: 160, text: "P programs its own DMA. Remove the reset at 80 and A's reads hit P's secret after the accept." },
  ],
};
