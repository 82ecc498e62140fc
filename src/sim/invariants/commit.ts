// The checks made when a transaction commits (DESIGN.md §2.4 step 4), and the effect of the commit
// on the page's content label.

import { hex } from '../model/log';
import { NOBODY, PAGE, type SimState, type Txn } from '../model/state';
import { canAccess, pageAt } from '../memory/pages';
import { violate } from './violate';
import { SCRATCH_PFN } from '../smmu/translate';

const UNTRUSTED = new Set(['unassigned', 'offered', 'quarantined', 'held', 'locked', 'pending-enable']);

export function checkCommit(s: SimState, t: Txn): void {
  if (t.pfn === SCRATCH_PFN) return;
  const page = pageAt(s, t.pfn);
  if (page === undefined) return; // no memory at this PA: the access goes nowhere
  const d = s.devices[t.device];
  const ep = (i: number) => (i >= 0 ? s.endpoints[i].id : 'nobody');
  const what = `${t.write ? 'write' : 'read'} to ${hex(t.pfn * PAGE)} (${s.regions[page.region].id})`;

  if (page.kind !== 'normal') {
    violate(s, 'I1', t.device, t.id, t.pfn, `${d.id} DMA ${what} reached ${page.kind} memory`);
  } else if (!canAccess(page, t.ownerAtIssue, t.write)) {
    violate(s, 'I1', t.device, t.id, t.pfn, `${d.id} (owned by ${ep(t.ownerAtIssue)} at issue) committed a ${what}, which ${ep(t.ownerAtIssue)} may not ${t.write ? 'write' : 'read'}`);
  }
  if (!canAccess(page, t.programmedBy, t.write)) {
    const secret = page.secret && !t.write ? `, reading ${ep(page.dataOf)}'s secret` : '';
    violate(s, 'I1b', t.device, t.id, t.pfn, `descriptor programmed by ${ep(t.programmedBy)} committed a ${what}${secret}; ${ep(t.programmedBy)} has no access there`);
  }

  const auth = t.authority;
  if (auth !== NOBODY) {
    // I2: the translation came from an owner whose hand-over away from this device has completed.
    for (const h of d.handovers) {
      if (h.from === auth && h.completedAt <= s.now && auth !== d.owner) {
        const via = t.viaAts ? 'ATC' : 'cached configuration/TLB';
        violate(s, 'I2', t.device, t.id, t.pfn, `${what} committed at ${s.now} through ${via} entries of ${ep(auth)}'s tenure; the hand-over away from ${ep(auth)} completed at ${h.completedAt}`);
        break;
      }
    }
    // I7: translating through an endpoint's table requires that endpoint's own enable.
    const ek = s.endpoints[auth].kind;
    if ((ek === 'vm' || ek === 'sp') && auth === d.owner) {
      if (d.enabledBy !== auth) {
        violate(s, 'I7', t.device, t.id, -1, `${d.id} translates through ${ep(auth)}'s table but ${ep(auth)} never enabled or accepted it`);
      } else if (d.changedAfterEnable) {
        violate(s, 'I7', t.device, t.id, -1, `${d.id} changed after ${ep(auth)} enabled it, and still translates through ${ep(auth)}'s table`);
      }
    }
    // I8: ATS-translated traffic using a translation from a tenure that has ended.
    if (t.viaAts && auth !== d.dmaOwner) {
      violate(s, 'I8', t.device, t.id, t.pfn, `${d.id}'s ATC still held ${ep(auth)}'s translation and the ATS-translated ${what} skipped the SMMU`);
    }
  }
  if (t.viaBypass && UNTRUSTED.has(d.assign)) {
    violate(s, 'I6', t.device, t.id, t.pfn, `${d.assign} device ${d.id} bypassed translation: ${what}`);
  }
  if (t.write && page.clearedAt >= 0 && (page.clearedFrom.includes(t.programmedBy) || page.clearedFrom.includes(t.ownerAtIssue))) {
    violate(s, 'I12', t.device, t.id, t.pfn, `${what} by ${ep(t.programmedBy)}'s descriptor landed after the page was cleared on hand-over at ${page.clearedAt}`);
  }
  if (t.write) page.lastDmaWriter = { device: t.device, by: t.programmedBy, t: s.now };
}
