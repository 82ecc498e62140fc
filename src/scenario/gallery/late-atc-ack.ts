// Gallery 15 — a late ATC acknowledgement: clean under the seeded timing, broken by one other timing.

import type { GalleryDoc } from './types';
import { twoRams, twoVms } from './common';

export const lateAtcAck: GalleryDoc = {
  format: 'dma-handoff/scenario',
  version: 1,
  title: 'Late ATC acknowledgement',
  description:
    "The NIC has ATS and the SMMU does not check its translated traffic (ATSCHK = 0), so the transfer under P3 must empty the NIC's ATC: ATC_INV, then a SYNC that waits for the NIC's acknowledgement. The NIC acknowledges after 4 to 16 ticks; a SYNC gives up after 12 (atcInvTimeout) and the hypervisor carries on, as Linux does. In the seeded run the acknowledgement comes after 7 ticks, the ATC is empty, every later write of A's aborts, and nothing leaks. The explorer finds the other timing: one acknowledgement at 16 ticks instead of 7, the SYNC fails with CERROR_ATC_INV_SYNC, the ATC still holds A's translations, and A's writes land in A's RAM after the hand-over completed (I2, I8).",
  seed: 1,
  smmu: { atsCheck: false },
  timing: { atcInv: [4, 16], atcInvTimeout: 12 },
  policy: { id: 'P3', mutations: [], dmaCoupled: false },
  endpoints: twoVms,
  memory: twoRams,
  devices: [{ id: 'X', name: 'NIC', streams: [17], group: 'g0', owner: 'A', ats: true, maxOutstanding: 4 }],
  script: [
    { at: 0, op: 'program', device: 'X', by: 'A', dma: [{ iova: '0x40000000', pages: 2, dir: 'write', loop: true, every: 4 }] },
    { at: 40, op: 'transfer', device: 'X', to: 'P' },
    { at: 100, op: 'reset', device: 'X' },
    { at: 130, op: 'map', device: 'X', by: 'P', region: 'p-ram' },
    { at: 140, op: 'enable', device: 'X', by: 'P' },
    { at: 160, op: 'program', device: 'X', by: 'P', dma: [{ iova: '0x40000000', pages: 2, dir: 'write', loop: true, every: 5 }] },
  ],
  captions: [
    { at: 0, text: "A's NIC fills its ATC with translations of A's RAM; the SMMU does not check its translated writes (ATSCHK = 0)." },
    { at: 40, text: 'Transfer under P3: STE invalid, CFGI, TLBI, SYNC — then ATC_INV and a SYNC that waits for the NIC.' },
    {
      at: 46,
      text: 'The NIC may acknowledge after 4 to 16 ticks; the SYNC gives up after 12. In this run it answers after 7: the ATC is empty.',
    },
    {
      at: 60,
      text: "A's writes now need the SMMU and abort (C_BAD_STE). No leak here — but the explorer finds one: an acknowledgement at 16 ticks times the SYNC out, and A's writes land after the hand-over (I2, I8).",
    },
    { at: 140, text: "P resets the NIC, maps its RAM and enables it; P's own writes land in P's RAM." },
  ],
};
