// The FF-A memory operations as Hafnium implements them (src/ffa_memory.c, src/api.c): share / lend /
// donate from an owner-exclusive sender, retrieve by a listed receiver (its mapping appears only
// now), relinquish, and reclaim once every borrower has relinquished — each refusal with the error
// code of the Hafnium path that refuses it. With `dmaCoupled` (pKVM's rule) a page that a device
// table maps may not change hands: not sent, not relinquished, not reclaimed.

import { hex, log } from '../model/log';
import { NOBODY, O, OWNER_EXCLUSIVE, R, V, W, X, type ShareState, type SimState } from '../model/state';
import { receiverAccess, receiverId, receiverLabel, type OpOf, type ScriptOp } from '../model/scenario';
import { opError } from '../model/opLog';
import { cpuMappingsWillChange, regionPages, s2Map, s2RangeFree, s2Unmap, modeName } from './pages';
import { violate } from '../invariants/violate';
import { checkLeaving } from '../invariants/drain';
import { checkIommuAccess } from '../invariants/iommuAccess';
import { FUNC, allocateHandle, allocatorFor, ep, handleName } from './handles';
import { checkFfa } from './ffaChecks';
import { dmaMappers } from './dmaMappings';

type SendOp = OpOf<'memShare' | 'memLend' | 'memDonate'>;

export { checkFfa } from './ffaChecks';
export { dmaMappers } from './dmaMappings';
export { handleName } from './handles';

/** Checks and applies one FF-A memory operation; a refusal becomes an operation error. */
export function applyFfa(s: SimState, op: ScriptOp, opIndex: number): boolean {
  const refusal = checkFfa(s, op);
  if (refusal) {
    opError(s, s.ops[opIndex], refusal.code, refusal.message);
    return false;
  }
  switch (op.op) {
    case 'memShare':
    case 'memLend':
    case 'memDonate':
      send(s, op);
      break;
    case 'memRetrieve':
      retrieve(s, op.handle, ep(s, op.by));
      break;
    case 'memRelinquish':
      relinquish(s, op.handle, ep(s, op.by), op.clear);
      break;
    case 'memReclaim':
      reclaim(s, op.handle, op.clear);
      break;
  }
  return true;
}

function clearPages(s: SimState, pages: number[], from: number[]): void {
  for (const i of pages) {
    const p = s.pages[i];
    p.dataOf = NOBODY;
    p.secret = false;
    p.clearedFrom = from;
    p.clearedAt = s.now;
  }
}

function send(s: SimState, op: SendOp): void {
  const from = ep(s, op.from);
  const region = s.regions.findIndex((r) => r.id === op.region);
  const func = FUNC[op.op];
  const pages = regionPages(s, region);
  const to = op.to.map((r) => ep(s, receiverId(r)));
  if (func !== 'share') {
    checkLeaving(s, from, pages, `${op.op} of ${op.region}`);
    s2Unmap(s, from, region);
  }
  for (const i of pages) {
    const p = s.pages[i];
    // source: ffa_send_check_transition (src/ffa_memory.c): SHARED, INVALID, or INVALID | UNOWNED.
    if (func === 'share') p.modes[from] = V | O | R | W;
    else if (func === 'lend') p.modes[from] = O | X;
    else p.modes[from] = 0;
  }
  // source: ffa_send_check_update (src/ffa_memory.c): cleared after unmapping from the sender and
  // before mapping for any receiver.
  if (op.clear) clearPages(s, pages, [from]);
  const allocator = allocatorFor(s, from, to);
  const { slot, value } = allocateHandle(s, allocator);
  const h: ShareState = {
    handle: op.handle,
    value,
    allocator,
    slot,
    func,
    sender: from,
    receivers: op.to.map((r, k) => ({ ep: to[k], retrieved: false, ipaBase: -1, access: receiverAccess(r) })),
    region,
    clear: op.clear,
    deferredReclaim: false,
  };
  s.handles.set(op.handle, h);
  log(
    s,
    'note',
    `${handleName(h)}: ${op.from} ${func}s ${op.region} with ${op.to.map(receiverLabel).join(', ')}; sender now ${modeName(s.pages[pages[0]].modes[from])}`,
    -1,
  );
  if (func !== 'share') checkIommuAccess(s, pages, `${op.op} of ${op.region}`);
}

function retrieve(s: SimState, handle: string, by: number): void {
  const h = s.handles.get(handle)!;
  const rc = h.receivers.find((r) => r.ep === by)!;
  const r = s.regions[h.region];
  const exclusive = h.func === 'lend' && h.receivers.length === 1;
  for (const i of regionPages(s, h.region)) {
    const p = s.pages[i];
    if (h.func === 'donate') {
      p.modes[by] = OWNER_EXCLUSIVE;
      p.owner = by;
    } else p.modes[by] = V | R | (rc.access === 'ro' ? 0 : W) | (exclusive ? X : 0);
    // The retriever has the page legitimately again: a clear that took it away no longer speaks
    // of its later writes (I12).
    if (p.clearedFrom.includes(by)) p.clearedFrom = p.clearedFrom.filter((e) => e !== by);
  }
  // The borrower maps the pages at the owner's IPA when that range is free in its own stage-2,
  // otherwise at the physical address (Hafnium maps VMs' memory identity).
  const ipa = s2RangeFree(s, by, r.ipa, r.pages) ? r.ipa : r.pa;
  s2Map(s, by, h.region, ipa);
  rc.retrieved = true;
  rc.ipaBase = ipa;
  // source: ffa_memory_retrieve_complete (src/ffa_memory.c): a donation's share state is freed.
  if (h.func === 'donate') s.handles.delete(handle);
  log(
    s,
    'note',
    `${handleName(h)}: ${s.endpoints[by].id} retrieved ${r.id} at IPA ${hex(ipa)} (${modeName(s.pages[r.firstPage].modes[by])}${rc.access === 'ro' ? ', read-only' : ''})`,
    -1,
  );
}

function relinquish(s: SimState, handle: string, by: number, clear: boolean): void {
  const h = s.handles.get(handle)!;
  const rc = h.receivers.find((r) => r.ep === by)!;
  const pages = regionPages(s, h.region);
  checkLeaving(s, by, pages, `relinquish of ${handle}`);
  // Unmapped while the modes still give access, so that a stage-2 the SMMU walks (P0) counts its
  // translations as possibly cached (smmu/prefetch.ts).
  s2Unmap(s, by, h.region);
  for (const i of pages) s.pages[i].modes[by] = 0;
  rc.retrieved = false;
  log(s, 'note', `${handleName(h)}: ${s.endpoints[by].id} relinquished ${s.regions[h.region].id}`, -1);
  checkIommuAccess(s, pages, `relinquish of ${handle} by ${s.endpoints[by].id}`);
  // source: ffa_memory_relinquish (src/ffa_memory.c): the relinquish's clear flag is honoured only
  // when every other borrower has relinquished; FLAG_CLEAR_RELINQUISH of a retrieve is validated
  // there but not kept, so it clears nothing here.
  const last = !h.receivers.some((r) => r.retrieved);
  if (clear && last) {
    clearPages(
      s,
      pages,
      h.receivers.map((r) => r.ep),
    );
    log(s, 'note', `${handleName(h)}: ${s.regions[h.region].id} cleared as the last borrower left`, -1);
  }
  // source: ffa_memory_relinquish (src/ffa_memory.c): a reclaim deferred by the sender's abort
  // happens when the last borrower relinquishes.
  if (last && h.deferredReclaim) reclaim(s, handle, false);
}

function reclaim(s: SimState, handle: string, clear: boolean): void {
  const h = s.handles.get(handle)!;
  const r = s.regions[h.region];
  const pages = regionPages(s, h.region);
  const borrowers = h.receivers.map((x) => x.ep);
  // I13: without dmaCoupled nothing stops a reclaim while a borrower's device table still maps
  // the pages (or its unmapping has not been SYNCed): that is the breach, at this moment.
  if (!s.scenario.policy.dmaCoupled) {
    const m = dmaMappers(s, pages, new Set(borrowers));
    if (m.length > 0)
      violate(
        s,
        'I13',
        -1,
        -1,
        s.pages[r.firstPage].pfn,
        `${handleName(h)} reclaimed by ${s.endpoints[h.sender].id} while ${m.join('; ')}`,
      );
  }
  const aborted = s.endpoints[h.sender].lifecycle === 'aborted';
  for (const i of pages) {
    const p = s.pages[i];
    // An aborted sender owns its pages again but has no stage-2 left to reach them.
    p.modes[h.sender] = aborted ? O | X : OWNER_EXCLUSIVE;
    p.clearedFrom = p.clearedFrom.filter((e) => e !== h.sender);
  }
  s2Unmap(s, h.sender, h.region);
  if (!aborted) s2Map(s, h.sender, h.region, r.ipa);
  // source: reclaim_shared_state → ffa_retrieve_check_update (src/ffa_memory.c): FFA_MEM_RECLAIM_CLEAR
  // is honoured for any transaction (all borrowers have left); shared memory included.
  if (clear) clearPages(s, pages, borrowers);
  s.handles.delete(handle);
  log(
    s,
    'note',
    `${handleName(h)}: ${s.endpoints[h.sender].id} reclaimed ${r.id}${clear ? ', cleared' : ''}${aborted ? ' (deferred from its abort)' : ''}`,
    -1,
  );
}

/**
 * Partition abort: relinquish what it borrowed, reclaim what it lent — at once where nobody holds
 * it, otherwise when its last borrower relinquishes.
 * source: ffa_memory_reclaim_relinquish_vm_regions, ffa_memory_relinquish_from_partition,
 * ffa_memory_reclaim_from_partition (src/ffa_memory.c). A borrower's own abort relinquishes without
 * triggering a deferred reclaim, as there.
 */
export function abortMemory(s: SimState, e: number): void {
  for (const h of [...s.handles.values()]) {
    if (h.sender !== e) {
      const rc = h.receivers.find((r) => r.ep === e && r.retrieved);
      if (rc) {
        const pages = regionPages(s, h.region);
        checkLeaving(s, e, pages, `relinquish of ${h.handle} on ${s.endpoints[e].id}'s abort`);
        s2Unmap(s, e, h.region);
        for (const i of pages) s.pages[i].modes[e] = 0;
        rc.retrieved = false;
        log(s, 'note', `${handleName(h)}: relinquished on behalf of aborted ${s.endpoints[e].id}`, -1);
        checkIommuAccess(s, pages, `relinquish of ${h.handle} on ${s.endpoints[e].id}'s abort`);
      }
    } else if (h.receivers.some((r) => r.retrieved)) {
      h.deferredReclaim = true;
      log(
        s,
        'note',
        `${handleName(h)}: reclaim deferred until ${h.receivers
          .filter((r) => r.retrieved)
          .map((r) => s.endpoints[r.ep].id)
          .join(', ')} relinquish`,
        -1,
      );
    } else reclaim(s, h.handle, false);
  }
  // The aborted endpoint's own stage-2 is torn down: it has access to nothing any more — which is
  // a change of ownership for every page it could still reach (I3: its DMA must be drained first).
  const leaving = s.pages.map((p, i) => ((p.modes[e] & V) !== 0 ? i : -1)).filter((i) => i >= 0);
  if (leaving.length > 0) checkLeaving(s, e, leaving, `abort of ${s.endpoints[e].id}`);
  cpuMappingsWillChange(s, e, () => true);
  for (const p of s.pages) p.modes[e] &= ~(V | R | W);
  s.endpoints[e].s2.clear();
  if (leaving.length > 0) checkIommuAccess(s, leaving, `abort of ${s.endpoints[e].id}`);
}
