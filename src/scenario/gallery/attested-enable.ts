// Gallery 14 — P8, attested enable (Arm CCA device assignment, TDISP).

import type { GalleryDoc } from './types';
import { aReadLoop, twoRams, twoVms } from './common';

export const attestedEnable: GalleryDoc = {
  format: 'dma-handoff/scenario',
  version: 1,
  title: 'Attested enable',
  description:
    "Under P8 the NIC is disabled, reset, locked and measured before P sees it; P's STE is configured but left invalid. P verifies the report and enables DMA only with the current nonces; the interface is started (TDISP START_INTERFACE) before DMA is enabled. Here the device is reset again after P verified it: the reset unlocks the interface and changes the nonces, so P's enable is refused (RSI_ERROR_DEVICE) until the host locks it again and P verifies again.",
  seed: 14,
  policy: { id: 'P8', mutations: [], dmaCoupled: false },
  endpoints: twoVms,
  memory: twoRams,
  devices: [{ id: 'X', name: 'NIC', streams: [17], group: 'g0', owner: 'A', maxOutstanding: 4 }],
  script: [
    { at: 0, op: 'program', device: 'X', by: 'A', dma: [aReadLoop] },
    { at: 40, op: 'transfer', device: 'X', to: 'P' },
    { at: 100, op: 'accept', device: 'X', by: 'P' },
    { at: 110, op: 'reset', device: 'X' },
    { at: 140, op: 'enable', device: 'X', by: 'P' },
    { at: 145, op: 'lock', device: 'X' },
    { at: 150, op: 'accept', device: 'X', by: 'P' },
    { at: 160, op: 'enable', device: 'X', by: 'P' },
    { at: 180, op: 'program', device: 'X', by: 'P', dma: [{ iova: '0x40000000', pages: 1, dir: 'write', loop: true, every: 6 }] },
  ],
  captions: [
    { at: 0, text: 'A programs the NIC to read in a loop.' },
    { at: 40, text: "P8: STE invalid + CFGI + TLBI + SYNC, reset, lock, measure; P's STE configured but invalid." },
    { at: 100, text: 'P verifies the measured report: no foreign descriptors. It records the nonces.' },
    { at: 110, text: 'The device is reset after the lock: the interface is unlocked and its nonces change.' },
    { at: 140, text: "P's enable with the old nonces is refused: RSI_ERROR_DEVICE." },
    { at: 145, text: 'The host locks the interface again: a fresh lock, a fresh nonce, a new measurement.' },
    { at: 150, text: 'P verifies again and enables with the current nonces: START, then the STE becomes valid.' },
    { at: 180, text: "P programs its own DMA. Try device-ignores-reset: P refuses to accept a device carrying A's descriptors." },
  ],
};
