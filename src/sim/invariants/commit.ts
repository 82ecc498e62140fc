// The checks made when a transaction commits (docs/model.md §15), and the effect of the commit
// on the page's content label.

import { hex } from '../model/log';
import { NOBODY, PAGE, SCRATCH_PFN, type SimState, type Txn } from '../model/state';
import { canAccess } from '../model/pages';
import { violate } from './violate';

const UNTRUSTED = new Set(['unassigned', 'offered', 'quarantined', 'held', 'locked', 'pending-enable']);

export function checkCommit(s: SimState, t: Txn): void {
  const d = s.devices[t.device];
  if (t.programmedBy >= 0) d.lastCommitBy[t.programmedBy] = s.now; // liveness: whose DMA works
  if (t.pfn === SCRATCH_PFN || t.page < 0) return; // scratch, or no memory at this PA: the access goes nowhere
  const page = s.pages[t.page];
  // The common case is a legitimate access: test first, build messages only for a violation.
  if (page.kind !== 'normal') {
    violate(s, 'I1', t.device, t.id, t.pfn, `${d.id} DMA ${what(s, t)} reached ${page.kind} memory`, t);
  } else if (!canAccess(page, t.ownerAtIssue, t.write)) {
    const o = epName(s, t.ownerAtIssue);
    violate(
      s,
      'I1',
      t.device,
      t.id,
      t.pfn,
      `${d.id} (owned by ${o} at issue) committed a ${what(s, t)}, which ${o} may not ${t.write ? 'write' : 'read'}`,
      t,
    );
  }
  if (!canAccess(page, t.programmedBy, t.write)) {
    const by = epName(s, t.programmedBy);
    const secret = page.secret && !t.write ? `, reading ${epName(s, page.dataOf)}'s secret` : '';
    violate(
      s,
      'I1b',
      t.device,
      t.id,
      t.pfn,
      `descriptor programmed by ${by} committed a ${what(s, t)}${secret}; ${by} has no access there`,
      t,
    );
  }

  const auth = t.authority;
  if (auth !== NOBODY) {
    // I2: the translation came from an owner whose hand-over away from this device has completed.
    if (auth !== d.owner) {
      for (const h of d.handovers) {
        if (h.from === auth && h.completedAt <= s.now) {
          const via = t.viaAts ? 'ATC' : 'cached configuration/TLB';
          violate(
            s,
            'I2',
            t.device,
            t.id,
            t.pfn,
            `${what(s, t)} committed at ${s.now} through ${via} entries of ${epName(s, auth)}'s tenure; the hand-over away from ${epName(s, auth)} completed at ${h.completedAt}`,
            t,
          );
          break;
        }
      }
    }
    // I8: ATS-translated traffic using a translation from a tenure that has ended.
    if (t.viaAts && auth !== d.dmaOwner) {
      violate(
        s,
        'I8',
        t.device,
        t.id,
        t.pfn,
        `${d.id}'s ATC still held ${epName(s, auth)}'s translation and the ATS-translated ${what(s, t)} skipped the SMMU`,
        t,
      );
    }
  }
  if (t.viaBypass && UNTRUSTED.has(d.assign)) {
    violate(s, 'I6', t.device, t.id, t.pfn, `${d.assign} device ${d.id} bypassed translation: ${what(s, t)}`, t);
  }
  if (t.write) {
    if (page.clearedAt >= 0 && (page.clearedFrom.includes(t.programmedBy) || page.clearedFrom.includes(t.ownerAtIssue))) {
      violate(
        s,
        'I12',
        t.device,
        t.id,
        t.pfn,
        `${what(s, t)} by ${epName(s, t.programmedBy)}'s descriptor landed after the page was cleared on hand-over at ${page.clearedAt}`,
        t,
      );
    }
    const w = page.lastDmaWriter;
    if (w === null) page.lastDmaWriter = { device: t.device, by: t.programmedBy, t: s.now };
    else {
      w.device = t.device;
      w.by = t.programmedBy;
      w.t = s.now;
    }
  }
}

function epName(s: SimState, i: number): string {
  return i >= 0 ? s.endpoints[i].id : 'nobody';
}

function what(s: SimState, t: Txn): string {
  const page = s.pages[t.page];
  return `${t.write ? 'write' : 'read'} to ${hex(t.pfn * PAGE)} (${s.regions[page.region].id})`;
}
