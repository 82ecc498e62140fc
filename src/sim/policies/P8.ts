// P8 — attested enable (Arm CCA device assignment, TDISP): after the old owner's DMA is disabled and
// the device reset, it is locked and measured; the new owner's STE is configured but left invalid.
// The receiver accepts only a device whose report it verified, and enables DMA only with the
// current nonces — any device change after the lock voids them, and a reset unlocks the interface
// (TDISP CONFIG_UNLOCKED), so the host must lock it again before the receiver can accept or enable.
// The interface is started (TDISP START_INTERFACE → RUN) before DMA is enabled.

import type { Policy } from './policy';
import { build, cfgi, disable, enableOn, lateAtcInv, reset, retireOld, setOwner, sync, teardown, abortTeardown } from './fragments';

export const P8: Policy = {
  id: 'P8',
  name: 'attested-enable',
  summary: 'lock, measure; the receiver enables DMA only with the current nonces, after START; a reset unlocks and needs a fresh lock',
  boot: 'device-table',
  s2Record: true,
  ops: {
    transfer: (c) => [
      setOwner('to', 'locked'),
      ...disable(c),
      ...retireOld,
      reset,
      { kind: 'lock' },
      { kind: 'measure' },
      ...lateAtcInv(c),
      ...build('owner'),
      { kind: 'steWrite', valid: false, config: 's2', table: 'new' },
      cfgi,
      sync,
      { kind: 'awaitReceiver', what: 'enable' },
      { kind: 'start' },
      ...enableOn('new'),
      setOwner('to', 'assigned'),
    ],
    unassign: teardown,
    abort: abortTeardown,
  },
};
