// Gallery 10 — P7, lending a page a device can still reach (Hafnium's O1).

import type { GalleryDoc } from './types';
import { twoVms } from './common';

export const lendDmaVisible: GalleryDoc = {
  format: 'dma-handoff/scenario',
  version: 1,
  title: 'Lending a DMA-visible page',
  description:
    "Under static DMA isolation (P7, Hafnium today) the NIC's table is fixed at boot from the manifest and FF-A never touches it. A lends its DMA buffer to P; P retrieves it and writes a secret. The NIC — still A's, still mapping the buffer — keeps writing into memory A no longer has (I1, I3, and I12 once the lend clears the page); the NIC's table mapping a page A may no longer access is itself a breach of pKVM's refcount rule (I13). With dmaCoupled on, the lend itself is refused.",
  seed: 10,
  policy: { id: 'P7', mutations: [], dmaCoupled: false },
  endpoints: twoVms,
  memory: [
    { id: 'a-ram', owner: 'A', pa: '0x80000000', ipa: '0x40000000', pages: 2 },
    { id: 'a-dma', owner: 'A', pa: '0x88000000', ipa: '0x48000000', pages: 2 },
    { id: 'p-ram', owner: 'P', pa: '0x90000000', ipa: '0x40000000', pages: 2 },
  ],
  devices: [{ id: 'X', name: 'NIC', streams: [17], group: 'g0', owner: 'A', maxOutstanding: 4, map: ['a-dma'] }],
  script: [
    { at: 0, op: 'program', device: 'X', by: 'A', dma: [{ iova: '0x48000000', pages: 2, dir: 'write', loop: true, every: 5 }] },
    { at: 40, op: 'memLend', from: 'A', to: ['P'], region: 'a-dma', clear: true, handle: 'loan' },
    { at: 50, op: 'memRetrieve', by: 'P', handle: 'loan' },
    { at: 60, op: 'cpuWrite', endpoint: 'P', region: 'a-dma', secret: true },
    { at: 100, op: 'transfer', device: 'X', to: 'P' },
  ],
  captions: [
    { at: 0, text: "The manifest gives the NIC a table mapping A's DMA buffer only. A streams into it." },
    { at: 40, text: "A lends the buffer to P with CLEAR. FF-A unmaps it from A's stage-2 — but not from the NIC's table (I3, I13)." },
    { at: 50, text: 'P retrieves the buffer and keeps a secret in it.' },
    { at: 60, text: "The NIC, still A's, keeps writing P's borrowed page (I1, I12)." },
    { at: 100, text: 'And the NIC cannot be moved: P7 refuses every transfer. Try dmaCoupled: the lend is refused instead.' },
  ],
};
