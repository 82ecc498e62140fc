// Gallery 12 — a device that ignores reset, under P1.

import type { GalleryDoc } from './types';
import { aReadLoop, twoRams, twoVms } from './common';

export const ignoresReset: GalleryDoc = {
  format: 'dma-handoff/scenario',
  version: 1,
  title: 'Device ignores reset',
  description:
    "P1 trusts the reset. This NIC ignores it: A's descriptors survive. While the NIC sits with the hypervisor, bus mastering off and STE invalid, nothing happens. Once P's table is live and bus mastering is back on, A's reads reach P's secret (I1b). Reset alone is not enough: pair it with verification (P8) or accept that the device is only as trustworthy as its reset.",
  seed: 12,
  policy: { id: 'P1', mutations: [], dmaCoupled: false },
  endpoints: twoVms,
  memory: twoRams,
  devices: [{ id: 'X', name: 'NIC', streams: [17], group: 'g0', owner: 'A', reset: 'ignores-reset', maxOutstanding: 4 }],
  script: [
    { at: 0, op: 'program', device: 'X', by: 'A', dma: [aReadLoop] },
    { at: 40, op: 'transfer', device: 'X', to: 'P' },
    { at: 130, op: 'program', device: 'X', by: 'P', dma: [{ iova: '0x40001000', pages: 1, dir: 'write', loop: true, every: 6 }] },
  ],
  captions: [
    { at: 0, text: 'A programs the NIC to read IPA 0x40000000 in a loop.' },
    { at: 40, text: 'P1: bus master off, STE invalid + CFGI + TLBI + SYNC, reset — which this NIC ignores.' },
    {
      at: 77,
      text: "P's table goes live for a NIC that still holds A's descriptor (I7); bus mastering comes back and A's reads hit P's secret (I1b).",
    },
    { at: 130, text: "P programs the NIC for itself: its own DMA works — beside A's." },
  ],
};
