// Gallery 1 — the seed's attack (Hafnium tracker, the discussion this product comes from).

import type { GalleryDoc } from './types';

export const seedAttack: GalleryDoc = {
  format: 'dma-handoff/scenario',
  version: 1,
  title: "The seed's attack",
  description:
    "VM A programs the NIC to read IPA 0x40000000 in a loop, then hands it to VM P under P0 (the STE points at the owner's CPU stage-2). A's descriptors now translate through P's stage-2 and read P's secret.",
  seed: 1,
  policy: { id: 'P0', mutations: [], dmaCoupled: false },
  endpoints: [
    { id: 'A', kind: 'vm', name: 'VM A', vmid: 1 },
    { id: 'P', kind: 'vm', name: 'VM P', vmid: 2 },
  ],
  memory: [
    { id: 'a-ram', owner: 'A', pa: '0x80000000', ipa: '0x40000000', pages: 4 },
    { id: 'p-ram', owner: 'P', pa: '0x90000000', ipa: '0x40000000', pages: 4, secret: true },
  ],
  devices: [{ id: 'X', name: 'NIC', streams: [17], group: 'g0', owner: 'A', reset: 'clean', ats: false, maxOutstanding: 4 }],
  script: [
    { at: 0, op: 'program', device: 'X', by: 'A', dma: [{ iova: '0x40000000', pages: 1, dir: 'read', loop: true, every: 5 }] },
    { at: 40, op: 'transfer', device: 'X', to: 'P' },
    { at: 100, op: 'program', device: 'X', by: 'P', dma: [{ iova: '0x40001000', pages: 1, dir: 'write', loop: true, every: 6 }] },
  ],
  captions: [
    { at: 0, text: "A programs the NIC to read IPA 0x40000000 in a loop — A's own RAM." },
    {
      at: 40,
      text: "A hands the NIC to P. Under P0 the STE goes invalid (CFGI, SYNC), then is made valid on P's CPU stage-2 — by the book.",
    },
    {
      at: 46,
      text: "The SYNC completed: A's tenure is over. A's descriptors still run; their reads abort (C_BAD_STE) until P's STE is valid.",
    },
    { at: 49, text: "P's stage-2 is live for the NIC, which still holds A's descriptor (I7) and was never reset (I10)." },
    { at: 77, text: "IPA 0x40000000 now means P's RAM: A's descriptor reads P's secret (I1b)." },
    { at: 100, text: 'P programs the NIC for itself: its own writes work. The hand-over completes — and leaks.' },
  ],
};
