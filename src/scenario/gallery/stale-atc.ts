// Gallery 9 — a stale ATC: an ATS device keeps A's translations (the `skip-atc-inv` mutation).

import type { GalleryDoc } from './types';
import { twoRams, twoVms } from './common';

export const staleAtc: GalleryDoc = {
  format: 'dma-handoff/scenario',
  version: 1,
  title: 'Stale ATC',
  description:
    "The NIC has ATS: it caches translations in its own ATC and sends transactions already translated. The SMMU checks such traffic (ATSCHK = 1), so the hypervisor defers the ATC invalidation until just before P's enable. This NIC is not compliant: its ATC survives a function-level reset (atcOnReset: keep). Without ATC_INV the NIC keeps A's translations across the reset: once P enables it, P's own writes to IPA 0x40000000 go to A's RAM through the stale ATC (I1, I8). With ats-unchecked instead, A's ATS traffic skips the SMMU after the hand-over, while the STE is already invalid.",
  seed: 9,
  smmu: { atsCheck: true },
  policy: { id: 'P3', mutations: ['skip-atc-inv'], dmaCoupled: false },
  endpoints: twoVms,
  memory: twoRams,
  devices: [{ id: 'X', name: 'NIC', streams: [17], group: 'g0', owner: 'A', ats: true, atcOnReset: 'keep', maxOutstanding: 4 }],
  script: [
    { at: 0, op: 'program', device: 'X', by: 'A', dma: [{ iova: '0x40000000', pages: 2, dir: 'write', loop: true, every: 4 }] },
    { at: 40, op: 'transfer', device: 'X', to: 'P' },
    { at: 100, op: 'reset', device: 'X' },
    { at: 130, op: 'map', device: 'X', by: 'P', region: 'p-ram' },
    { at: 140, op: 'enable', device: 'X', by: 'P' },
    { at: 160, op: 'program', device: 'X', by: 'P', dma: [{ iova: '0x40000000', pages: 2, dir: 'write', loop: true, every: 5 }] },
  ],
  captions: [
    { at: 0, text: "A's NIC fills its ATC with translations of A's RAM; its writes skip the SMMU's TLB." },
    { at: 40, text: 'Transfer under P3: STE invalid, CFGI, TLBI, SYNC. The SMMU checks ATS traffic, so it aborts too.' },
    { at: 100, text: "P resets the NIC: A's descriptors are gone, but this non-compliant NIC keeps its ATC. P maps its RAM." },
    { at: 140, text: 'P enables the NIC — without the deferred ATC_INV.' },
    {
      at: 160,
      text: "P writes IPA 0x40000000: the stale ATC entry sends it to A's RAM (I1, I8). Turn skip-atc-inv off: it lands in P's RAM.",
    },
  ],
};
