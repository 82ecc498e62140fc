// The starting point for building a scenario of one's own: two VMs with a page range each and one
// NIC that A owns and programs — small enough to read at once, with a hand-over left to script.

import type { GalleryDoc } from './gallery/types';

export const STARTER: GalleryDoc = {
  format: 'dma-handoff/scenario',
  version: 1,
  title: 'My scenario',
  description:
    'A starting point: VM A owns a NIC that writes to its RAM. Add VMs, devices and memory in Edit › System, then script a hand-over in Edit › Script and pick a policy to see what it does.',
  seed: 1,
  policy: { id: 'P1', mutations: [], dmaCoupled: false },
  endpoints: [
    { id: 'A', kind: 'vm', name: 'VM A', vmid: 1 },
    { id: 'B', kind: 'vm', name: 'VM B', vmid: 2 },
  ],
  memory: [
    { id: 'a-ram', owner: 'A', pa: '0x80000000', ipa: '0x40000000', pages: 4 },
    { id: 'b-ram', owner: 'B', pa: '0x90000000', ipa: '0x40000000', pages: 4 },
  ],
  devices: [{ id: 'X', name: 'NIC', streams: [17], group: 'g0', owner: 'A', reset: 'clean', ats: false, maxOutstanding: 4 }],
  script: [{ at: 0, op: 'program', device: 'X', by: 'A', dma: [{ iova: '0x40000000', pages: 1, dir: 'write', loop: true, every: 5 }] }],
  captions: [{ at: 0, text: 'A programs its NIC to write its own RAM. What happens when the NIC goes to B?' }],
};
