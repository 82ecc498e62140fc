// P7 — static DMA isolation (Hafnium today): per-device tables built at boot from the manifest's
// memory regions, every STE of a partition using the partition's own VMID; FF-A memory operations
// never touch the tables, and devices are never transferred. A partition abort frees the device
// tables with no STE change, CFGI, TLBI or SYNC — as read in Hafnium's abort path.

import type { Policy } from './policy';

export const P7: Policy = {
  id: 'P7',
  name: 'static-isolation',
  summary: 'per-device tables fixed at boot from the manifest; FF-A never touches them; no transfer',
  boot: 'device-table-owner-vmid',
  // Hafnium writes S2S = 0 and S2R = 0 (smmuv3_config_ste_stg2): stage-2 faults abort unrecorded.
  s2Record: false,
  ops: {
    abort: () => [{ kind: 'tableFree', table: 'old' }],
  },
};
