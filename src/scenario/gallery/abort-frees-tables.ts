// Gallery 11 — a partition abort frees the DMA tables under a live STE (Hafnium's O3).

import type { GalleryDoc } from './types';

export const abortFreesTables: GalleryDoc = {
  format: 'dma-handoff/scenario',
  version: 1,
  title: 'Partition abort frees tables under a live STE',
  description:
    "A secure partition's crypto engine streams through its own table (P7). The partition aborts: as read in Hafnium's abort path, its memory is reclaimed and its DMA tables freed — with no STE change, no CFGI, no TLBI, no SYNC. The engine's table still maps memory the partition no longer has (I13), and in-flight writes to it have not drained (I3). The STE still points at the freed table (I4); cached translations keep the engine writing memory nobody gave it (I1), and uncached ones walk the freed table, whose memory still holds its old descriptors: they reach the partition's memory too. (With smmu.freedTables set to \"protected\", as a granule check would make it, such a walk aborts with F_WALK_EABT instead.) Switch to P1 for the fixed order.",
  seed: 11,
  policy: { id: 'P7', mutations: [], dmaCoupled: false },
  endpoints: [
    { id: 'S', kind: 'sp', name: 'Crypto SP', vmid: 8 },
    { id: 'N', kind: 'vm', name: 'Normal VM', vmid: 1 },
  ],
  memory: [
    { id: 's-ram', owner: 'S', pa: '0xc0000000', ipa: '0x10000000', pages: 4, secret: true },
    { id: 'n-ram', owner: 'N', pa: '0x80000000', ipa: '0x40000000', pages: 2 },
  ],
  devices: [{ id: 'CE', name: 'Crypto engine', streams: [40], group: 'g-ce', owner: 'S', maxOutstanding: 4 }],
  script: [
    {
      at: 0,
      op: 'program',
      device: 'CE',
      by: 'S',
      dma: [
        { iova: '0x10000000', pages: 2, dir: 'write', loop: true, every: 3 },
        { iova: '0x10002000', pages: 2, dir: 'read', loop: true, every: 70 },
      ],
    },
    { at: 60, op: 'abort', endpoint: 'S' },
  ],
  captions: [
    { at: 0, text: "The crypto engine streams into the secure partition's RAM through a table built at boot." },
    { at: 60, text: 'The partition aborts. Its DMA table is freed — and nothing tells the SMMU (I4).' },
    { at: 62, text: 'Cached TLB entries keep translating: writes land in memory the aborted partition no longer has (I1).' },
    {
      at: 85,
      text: 'A page no TLB entry holds walks the freed table: freeing did not scrub it, so the old descriptors still translate (I4, I1). Switch to P1: STE invalid, CFGI, TLBI, SYNC, then free.',
    },
  ],
};
