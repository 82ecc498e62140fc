// Gallery 6 — P4, quarantine, replaying Xen's XSA-302 teardown.

import type { GalleryDoc } from './types';

export const quarantine: GalleryDoc = {
  format: 'dma-handoff/scenario',
  version: 1,
  title: 'Quarantine (XSA-302)',
  description:
    "A guest's device goes back to the host VM while the guest's DMA loop still runs — the teardown of Xen's XSA-302. Under P4 the device passes through a quarantine whose STE aborts, is reset there, and reaches the host in one step. Under P0 the guest's writes land in the host's memory. The SMMU is enabled only at tick 10, so boot-time DMA meets GBPA.",
  seed: 6,
  smmu: { enabled: false, gbpa: 'abort', unassigned: 'abort' },
  policy: { id: 'P4', mutations: [], dmaCoupled: false },
  endpoints: [
    { id: 'H', kind: 'vm', name: 'Host VM', vmid: 1 },
    { id: 'G', kind: 'vm', name: 'Guest', vmid: 2 },
  ],
  memory: [
    { id: 'hyp-mem', owner: 'hyp', pa: '0x40000000', pages: 2, kind: 'hypervisor', name: 'Hypervisor' },
    { id: 'h-ram', owner: 'H', pa: '0x80000000', ipa: '0x40000000', pages: 2, secret: true },
    { id: 'g-ram', owner: 'G', pa: '0xa0000000', ipa: '0x40000000', pages: 2 },
  ],
  devices: [{ id: 'NVMe', name: 'NVMe', streams: [33], group: 'g-nvme', owner: 'G', maxOutstanding: 6 }],
  script: [
    { at: 0, op: 'program', device: 'NVMe', by: 'G', dma: [{ iova: '0x40000000', pages: 2, dir: 'write', loop: true, every: 3 }] },
    { at: 10, op: 'smmuEnable' },
    { at: 60, op: 'transfer', device: 'NVMe', to: 'H' },
    { at: 130, op: 'program', device: 'NVMe', by: 'H', dma: [{ iova: '0x40001000', pages: 1, dir: 'write', loop: true, every: 6 }] },
  ],
  captions: [
    { at: 0, text: "At boot the SMMU is off: GBPA aborts the guest's early DMA, without a record." },
    { at: 10, text: 'The SMMU is enabled: the guest writes its own RAM through its table.' },
    { at: 60, text: 'The guest is being torn down while its DMA loop still runs; its NVMe goes back to the host.' },
    { at: 61, text: 'P4: quarantine first — the STE aborts, the device is reset there, then it moves to the host in one step.' },
    {
      at: 120,
      text: 'Nothing of the guest reached the host. Under P0 it would have (XSA-302); with unassigned-bypass the quarantine itself leaks.',
    },
    { at: 130, text: 'The host programs the NVMe for itself: its writes land in its own RAM. Safe, and working.' },
    { at: 130, text: 'The host programs the NVMe for itself: its writes land in its own RAM. Safe, and working.' },
  ],
};
