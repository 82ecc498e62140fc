// Gallery 8 — VMID reuse without TLBI: P3 with the `skip-tlbi` mutation.

import type { GalleryDoc } from './types';
import { twoRams, twoVms } from './common';

export const vmidReuse: GalleryDoc = {
  format: 'dma-handoff/scenario',
  version: 1,
  title: 'VMID reuse',
  description:
    "The TLB is tagged by VMID, not by StreamID. A's table for the NIC is retired and its VMID returns to the pool; P's new table gets the same VMID. Without TLBI_S12_VMALL + SYNC, the TLB still holds A's translations under that VMID, and P's own DMA is sent to A's RAM. P's disk (its own table) shows the other hazard: try the reuse-vmid mutation, where every table takes its VM's VMID and P's two tables alias.",
  seed: 8,
  policy: { id: 'P3', mutations: ['skip-tlbi'], dmaCoupled: false },
  endpoints: twoVms,
  memory: [...twoRams, { id: 'p-buf', owner: 'P', pa: '0x98000000', ipa: '0x48000000', pages: 1 }],
  devices: [
    { id: 'X', name: 'NIC', streams: [17], group: 'g0', owner: 'A', maxOutstanding: 4 },
    { id: 'D', name: 'Disk', streams: [18], group: 'g1', owner: 'P', maxOutstanding: 4, map: ['p-ram'] },
  ],
  script: [
    { at: 0, op: 'program', device: 'X', by: 'A', dma: [{ iova: '0x40000000', pages: 2, dir: 'write', loop: true, every: 4 }] },
    { at: 0, op: 'program', device: 'D', by: 'P', dma: [{ iova: '0x40000000', pages: 1, dir: 'read', loop: true, every: 9 }] },
    { at: 40, op: 'pause', device: 'X' },
    { at: 60, op: 'transfer', device: 'X', to: 'P' },
    { at: 100, op: 'reset', device: 'X' },
    { at: 130, op: 'map', device: 'X', by: 'P', region: 'p-buf' },
    { at: 131, op: 'map', device: 'X', by: 'P', region: 'p-ram' },
    { at: 135, op: 'enable', device: 'X', by: 'P' },
    { at: 160, op: 'program', device: 'X', by: 'P', dma: [{ iova: '0x40000000', pages: 1, dir: 'write', loop: true, every: 6 }] },
  ],
  captions: [
    { at: 0, text: "A writes its RAM through the NIC; the TLB caches IOVA 0x40000000 → A's RAM under the NIC's VMID." },
    { at: 40, text: 'A pauses the NIC like a well-behaved owner.' },
    { at: 60, text: "Transfer under P3 — but no TLBI: A's TLB entries stay, tagged with a VMID that is now free." },
    { at: 100, text: 'P resets the NIC, maps its RAM and enables it: its new table gets the freed VMID.' },
    {
      at: 160,
      text: "P writes IPA 0x40000000 — the stale TLB entry sends it to A's RAM (I1, I5). Turn skip-tlbi off: it lands in P's RAM.",
    },
  ],
};
