// Gallery 5 — P5 and P6: sharing a device through a shared table versus lending it.

import type { GalleryDoc } from './types';
import { twoVms } from './common';

export const loanVsShared: GalleryDoc = {
  format: 'dma-handoff/scenario',
  version: 1,
  title: 'Loan vs shared table',
  description:
    "Two ways to let P use A's devices. The GPU is shared (P5): its table maps only the buffer A shared with P, so A's programming reaches nothing else; when P gives the buffer back, the page is unmapped, TLBI'd and SYNCed before it changes hands. The DSP is lent (P6, an FF-A-analogous proposal: FF-A has no ABI that lends a device, so P6 applies the rules of LEND to one): P retrieves it, gives it back, and A reclaims it — refused while it is lent. Under P5 the loan is refused, under P6 the share: switch policies to compare.",
  seed: 5,
  policy: { id: 'P5', mutations: [], dmaCoupled: false },
  endpoints: twoVms,
  memory: [
    { id: 'a-ram', owner: 'A', pa: '0x80000000', ipa: '0x40000000', pages: 2, secret: true },
    { id: 'shared-buf', owner: 'A', pa: '0x88000000', ipa: '0x48000000', pages: 2 },
    { id: 'p-ram', owner: 'P', pa: '0x90000000', ipa: '0x40000000', pages: 2, secret: true },
  ],
  devices: [
    { id: 'GPU', name: 'GPU', streams: [20], group: 'g-gpu', owner: 'A', maxOutstanding: 4 },
    { id: 'DSP', name: 'DSP', streams: [21], group: 'g-dsp', owner: 'A', maxOutstanding: 4 },
  ],
  script: [
    { at: 0, op: 'memShare', from: 'A', to: ['P'], region: 'shared-buf', handle: 'buf' },
    { at: 5, op: 'memRetrieve', by: 'P', handle: 'buf' },
    { at: 10, op: 'share', device: 'GPU', with: 'P' },
    { at: 10, op: 'lend', device: 'DSP', to: 'P' },
    { at: 40, op: 'program', device: 'GPU', by: 'P', dma: [{ iova: '0x48000000', pages: 2, dir: 'write', loop: true, every: 4 }] },
    { at: 45, op: 'accept', device: 'DSP', by: 'P' },
    { at: 60, op: 'program', device: 'GPU', by: 'A', dma: [{ iova: '0x40000000', pages: 1, dir: 'read', loop: true, every: 7 }] },
    { at: 90, op: 'reclaim', device: 'DSP' },
    { at: 110, op: 'relinquish', device: 'DSP', by: 'P' },
    { at: 150, op: 'reclaim', device: 'DSP' },
    { at: 160, op: 'memRelinquish', by: 'P', handle: 'buf' },
    { at: 200, op: 'memReclaim', by: 'A', handle: 'buf' },
  ],
  captions: [
    { at: 0, text: 'A shares a buffer with P (FF-A SHARE); P retrieves it.' },
    { at: 10, text: 'P5: the GPU gets a table that maps only the shared buffer. P6 (an FF-A-analogous proposal): the DSP is lent to P.' },
    { at: 40, text: 'P streams into the shared buffer through the GPU.' },
    { at: 60, text: 'A programs the GPU to read its secret RAM: F_TRANSLATION — the shared table does not map it.' },
    { at: 90, text: 'Under P6, reclaiming the lent DSP is refused while P holds it.' },
    { at: 160, text: 'P gives the buffer back: unmap, TLBI_S2_IPA, SYNC — and only then the page changes hands.' },
    { at: 200, text: 'A reclaims the buffer. Switch to P6 to follow the loan instead.' },
  ],
};
