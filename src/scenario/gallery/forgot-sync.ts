// Gallery 7 — forgot the SYNC: P3 with the `skip-sync` mutation.

import type { GalleryDoc } from './types';
import { aWriteLoop, twoRams, twoVms } from './common';

export const forgotSync: GalleryDoc = {
  format: 'dma-handoff/scenario',
  version: 1,
  title: 'Forgot the SYNC',
  description:
    "P3 without CMD_SYNC. The hypervisor writes the STE invalid, queues CFGI and TLBI, and declares the hand-over done at once — while A's translated writes are still downstream and the SMMU has not even consumed the invalidations. A's writes keep landing through A's old configuration after the hand-over (I2), A's table is freed while the TLB still holds its entries (I4), and its VMID goes to P's new table before the TLBI was consumed (I5). An invalidation is complete only at a SYNC: with none, the SMMU may keep using A's configuration for good, and the NIC, now P's, keeps writing A's RAM (I1). Remove the mutation: the SYNC waits for those writes, then every later one aborts.",
  seed: 7,
  timing: { cmd: 3 },
  policy: { id: 'P3', mutations: ['skip-sync'], dmaCoupled: false },
  endpoints: twoVms,
  memory: twoRams,
  devices: [{ id: 'X', name: 'NIC', streams: [17], group: 'g0', owner: 'A', maxOutstanding: 8 }],
  script: [
    { at: 0, op: 'program', device: 'X', by: 'A', dma: [{ ...aWriteLoop, every: 1 }] },
    { at: 40, op: 'transfer', device: 'X', to: 'P' },
    { at: 100, op: 'map', device: 'X', by: 'P', region: 'p-ram' },
    { at: 105, op: 'reset', device: 'X' },
    { at: 110, op: 'enable', device: 'X', by: 'P' },
    { at: 130, op: 'program', device: 'X', by: 'P', dma: [{ iova: '0x40001000', pages: 1, dir: 'write', loop: true, every: 6 }] },
  ],
  captions: [
    { at: 0, text: 'A streams writes into its own RAM, one per tick, up to 8 in flight.' },
    { at: 40, text: 'Transfer under P3 — but the hypervisor never issues CMD_SYNC.' },
    { at: 41, text: 'It declares the hand-over complete right after queueing CFGI and TLBI; the SMMU has not consumed them yet.' },
    { at: 44, text: "A's writes still translate through the cached STE and TLB and commit after the hand-over (I2)." },
    {
      at: 46,
      text: "A's table is freed while the TLB still holds its entries (I4), and its VMID is reused before the TLBI was consumed (I5). With no SYNC the invalidations never complete: the NIC, now P's, keeps writing A's RAM (I1). Turn skip-sync off to see the SYNC drain and the aborts.",
    },
    {
      at: 110,
      text: "P maps its RAM, resets the NIC and enables it. With no SYNC ever, the SMMU may still be using A's configuration (I7, I10).",
    },
    {
      at: 140,
      text: "P's own writes land in A's RAM: P's table got A's old VMID, and A's stale TLB entries under it still translate (I1b).",
    },
  ],
};
