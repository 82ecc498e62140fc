// Checks made when the hypervisor rewrites an STE: VMID uniqueness (I5), closed-by-default (I6) and
// the reset window between two owners (I10).

import { NOBODY, type SimState } from '../model/state';
import { violate } from './violate';

const UNTRUSTED = new Set(['unassigned', 'offered', 'quarantined', 'held', 'locked', 'pending-enable']);

/** The endpoint whose table the device's streams translate through now (STE in memory), or NOBODY. */
export function dmaAuthority(s: SimState, di: number): number {
  const d = s.devices[di];
  for (const sid of d.streams) {
    const ste = s.streamTable.get(sid);
    if (ste && ste.valid && ste.config === 's2' && ste.table) {
      const t = s.tables.get(ste.table);
      if (t && !t.scratch) return t.owner;
    }
  }
  return NOBODY;
}

export function afterSteWrite(s: SimState, di: number): void {
  const d = s.devices[di];
  const ep = (i: number) => s.endpoints[i].id;

  const auth = dmaAuthority(s, di);
  if (auth !== NOBODY) {
    if (auth !== d.lastDmaOwner) {
      const noReset = d.lastDmaOwner !== NOBODY && (d.hasDma || !d.resetSinceDmaLost);
      // I7: judged once, as the new owner's table becomes usable for the device — the device must
      // act for the new owner only: no descriptors it did not program, a reset since the last owner.
      const foreign = d.descriptors.find((x) => x.programmedBy !== auth);
      if (foreign !== undefined || noReset) {
        const why =
          foreign !== undefined
            ? `still holds DMA descriptors programmed by ${ep(foreign.programmedBy)}`
            : d.hasDma
              ? `may still be translated with ${ep(d.lastDmaOwner)}'s configuration (no SYNC completed the CFGI of its STE)`
              : `was not reset since ${ep(d.lastDmaOwner)} had it`;
        violate(s, 'I7', di, -1, -1, `${ep(auth)}'s table became usable for ${d.id}, which ${why}: it may still act for another endpoint`);
      }
      // I10: DMA moving to a new endpoint needs a window without DMA, with a reset in it.
      if (d.lastDmaOwner !== NOBODY) {
        if (d.hasDma) {
          violate(
            s,
            'I10',
            di,
            -1,
            -1,
            `${d.id}'s DMA moved from ${ep(d.lastDmaOwner)} straight to ${ep(auth)}: the SMMU never stopped using ${ep(d.lastDmaOwner)}'s configuration (no SYNC completed the CFGI of its STE)`,
          );
        } else if (!d.resetSinceDmaLost) {
          violate(s, 'I10', di, -1, -1, `${d.id} got DMA for ${ep(auth)} without a reset since ${ep(d.lastDmaOwner)}'s DMA was disabled`);
        }
      }
    }
    d.lastDmaOwner = auth;
    d.hasDma = true;
    d.resetSinceDmaLost = false;
    d.dmaOffPending = false;
    d.dmaOffInvalidated = false;
  } else if (d.hasDma) {
    // The STE in memory no longer gives DMA, but the SMMU may go on using the cached one until a
    // SYNC completes a CFGI consumed after this write (dmaOffCompleted).
    d.dmaOffPending = true;
    d.dmaOffInvalidated = false;
  }

  // I5: two valid STEs with different tables must not share a VMID.
  for (const sid of d.streams) {
    const ste = s.streamTable.get(sid)!;
    if (!ste.valid || ste.config !== 's2') continue;
    for (const other of s.streamTable.values()) {
      if (other.sid !== sid && other.valid && other.config === 's2' && other.vmid === ste.vmid && other.table !== ste.table) {
        violate(
          s,
          'I5',
          di,
          -1,
          -1,
          `STE ${sid} (${ste.table}) and STE ${other.sid} (${other.table}) share VMID ${ste.vmid}: their TLB entries alias`,
        );
      }
    }
  }
  // I6: an untrusted device's stream must abort.
  for (const sid of d.streams) {
    const ste = s.streamTable.get(sid)!;
    if (ste.valid && ste.config === 'bypass' && UNTRUSTED.has(d.assign)) {
      violate(s, 'I6', di, -1, -1, `${d.assign} device ${d.id}'s stream ${sid} is in bypass`);
    }
  }
}

/**
 * A SYNC completed CFGIs of these streams (`all`: CFGI_ALL): the SMMU no longer uses the STEs they
 * had, so a device whose STE stopped giving DMA has none from here on (I10's window opens).
 */
export function dmaOffCompleted(s: SimState, sids: number[] | 'all'): void {
  const devices = sids === 'all' ? s.devices.map((_, i) => i) : sids.map((sid) => s.sidToDevice.get(sid) ?? -1);
  for (const di of devices) {
    const d = s.devices[di];
    if (d === undefined || !d.dmaOffPending || !d.dmaOffInvalidated || dmaAuthority(s, di) !== NOBODY) continue;
    d.dmaOffPending = false;
    d.dmaOffInvalidated = false;
    d.hasDma = false;
    d.resetSinceDmaLost = false;
  }
}

/** SMMU-wide: while the SMMU is disabled, GBPA must abort if any device could issue DMA. */
export function checkGbpa(s: SimState): void {
  if (!s.smmu.enabled && s.smmu.gbpa === 'bypass' && s.devices.length > 0) {
    violate(s, 'I6', -1, -1, -1, `SMMU disabled with GBPA = bypass while ${s.devices.length} DMA-capable device(s) exist`);
  }
}
