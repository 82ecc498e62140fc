// The FF-A memory operations as Hafnium implements them (src/ffa_memory.c, src/api.c): share / lend /
// donate from an owner-exclusive sender, retrieve by a listed receiver (its mapping appears only
// now), relinquish, and reclaim once every borrower has relinquished — each refusal with the error
// code of the Hafnium path that refuses it. With `dmaCoupled` (pKVM's rule) a page that a device
// table maps may not change hands: not sent, not relinquished, not reclaimed.

import { hex, log } from '../model/log';
import { NOBODY, O, OWNER_EXCLUSIVE, PAGE, R, V, W, X, type ShareState, type SimState } from '../model/state';
import { receiverAccess, receiverId, receiverLabel, type OpOf, type ScriptOp } from '../model/scenario';
import { opError, type OpErrorCode } from '../ops/opLog';
import { cpuMappingsWillChange, regionPages, s2Map, s2RangeFree, s2Unmap, modeName } from './pages';
import { violate } from '../invariants/violate';
import { checkLeaving } from '../invariants/drain';
import { checkIommuAccess } from '../invariants/iommuAccess';

type SendOp = OpOf<'memShare' | 'memLend' | 'memDonate'>;
type Refusal = { code: OpErrorCode; message: string };
type Func = ShareState['func'];

const FUNC = { memShare: 'share', memLend: 'lend', memDonate: 'donate' } as const;

function ep(s: SimState, id: string): number {
  return s.epIndex.get(id) ?? NOBODY;
}

/** How the log names a transaction: the FF-A handle value and the author's name for it. */
export function handleName(h: ShareState): string {
  return `handle ${h.value}(${h.handle})`;
}

/**
 * Does the table `t` serve endpoint `e`: does its DMA act for `e` (its own table), or is its
 * device shared with `e` (P5's shared table)?
 */
function serves(s: SimState, owner: number, device: number, e: number): boolean {
  if (owner === e) return true;
  const d = device >= 0 ? s.devices[device] : undefined;
  return d !== undefined && d.assign === 'shared' && d.pendingFor === e;
}

/**
 * A revocation job that has unmapped pages from a device table but whose SYNC after the unmap has
 * not completed: until then the pages still count as mapped for DMA, because pKVM drops its
 * refcount only after unmap, TLBI and SYNC.
 * source: kvm_iommu_unmap_pages (arch/arm64/kvm/hyp/nvhe/iommu/iommu.c) — IOTLB sync before
 * __pkvm_host_unuse_dma (arch/arm64/kvm/hyp/nvhe/mem_protect.c).
 */
function unmapAwaitingSync(s: SimState): { device: number; pfns: number[] }[] {
  const out: { device: number; pfns: number[] }[] = [];
  for (const j of s.jobs.values()) {
    if (j.revokedIova.length === 0 || j.state === 'done') continue;
    const u = j.steps.findIndex((st) => st.kind === 'tableUnmap');
    const y = j.steps.findIndex((st, k) => k > u && st.kind === 'sync');
    const synced = y >= 0 && j.pc > y && !(j.pc === y + 1 && j.state === 'waiting-sync');
    if (!synced) out.push({ device: j.device, pfns: j.revokedPages });
  }
  return out;
}

/**
 * Pages of `pages` that some live (non-CPU) device table maps, as "T3 maps 0x…" — counting a page
 * unmapped by a revocation whose SYNC has not completed yet. `servingAny`: only tables serving one
 * of these endpoints.
 */
export function dmaMappers(s: SimState, pages: number[], servingAny?: Set<number>): string[] {
  const pfns = new Set(pages.map((i) => s.pages[i].pfn));
  const out: string[] = [];
  const wanted = (owner: number, device: number) => !servingAny || [...servingAny].some((e) => serves(s, owner, device, e));
  for (const t of s.tables.values()) {
    if (t.state === 'freed' || t.cpuOf >= 0 || t.scratch) continue;
    if (!wanted(t.owner, t.device)) continue;
    for (const enc of t.map.values()) {
      const pfn = Math.floor(enc / 4);
      if (pfns.has(pfn)) {
        out.push(`${t.id} maps ${hex(pfn * PAGE)}`);
        break;
      }
    }
  }
  for (const u of unmapAwaitingSync(s)) {
    const d = u.device >= 0 ? s.devices[u.device] : undefined;
    const t = d?.table ? s.tables.get(d.table) : undefined;
    if (t && !wanted(t.owner, t.device)) continue;
    const pfn = u.pfns.find((p) => pfns.has(p));
    if (pfn !== undefined) out.push(`${d?.id ?? 'a device'}'s unmapping of ${hex(pfn * PAGE)} awaits its SYNC`);
  }
  return out;
}

/**
 * Which Hafnium allocates the handle: the SPMC when a secure partition takes part (a VM's send to an
 * SP is forwarded to it), otherwise the hypervisor.
 * source: ffa_memory_get_handle_allocator (src/ffa/spmc/ffa_memory.c, src/ffa/hypervisor/ffa_memory.c);
 * api_ffa_mem_send (src/api.c) forwards sends that target the other world.
 */
function allocatorFor(s: SimState, from: number, to: number[]): ShareState['allocator'] {
  const sp = (i: number) => s.endpoints[i].kind === 'sp';
  return sp(from) || to.some(sp) ? 'spmc' : 'hypervisor';
}

/**
 * The lowest free share-state slot, made into a handle with the allocator in bit 63.
 * source: share_state_allocate (src/ffa_memory.c), ffa_memory_handle_make (inc/vmapi/hf/ffa.h).
 */
function allocateHandle(s: SimState, allocator: ShareState['allocator']): { slot: number; value: string } {
  const used = new Set([...s.handles.values()].filter((h) => h.allocator === allocator).map((h) => h.slot));
  let slot = 0;
  while (used.has(slot)) slot++;
  const value = allocator === 'hypervisor' ? '0x8' + slot.toString(16).padStart(15, '0') : '0x' + slot.toString(16);
  return { slot, value };
}

/**
 * The SPMC's rule on which worlds may send memory to which: an SP lends or donates only to SPs,
 * and shares only with SPs; a VM lends or donates only to SPs (through the SPMC), and shares with
 * one SP or with several borrowers of mixed worlds.
 * source: ffa_memory_is_send_valid (src/ffa/spmc/ffa_memory.c), refused with FFA_DENIED by
 * api_ffa_mem_send (src/api.c).
 */
function sendValidAtSpmc(func: Func, senderSp: boolean, receiverSp: boolean, multiple: boolean): boolean {
  if (func === 'donate' || func === 'lend') return receiverSp;
  return (senderSp && receiverSp) || (!senderSp && !multiple && receiverSp) || (!senderSp && multiple);
}

export function checkFfa(s: SimState, op: ScriptOp, o: { revoking?: boolean } = {}): Refusal | null {
  const deny = (message: string): Refusal => ({ code: 'FFA_DENIED', message });
  const invalid = (message: string): Refusal => ({ code: 'FFA_INVALID_PARAMETERS', message });
  const unknown = (handle: string) =>
    invalid(`${handle} names no live transaction (not sent yet, or already reclaimed or retrieved as a donation)`);
  switch (op.op) {
    case 'memShare':
    case 'memLend':
    case 'memDonate': {
      const func = FUNC[op.op];
      const from = ep(s, op.from);
      const region = s.regions.findIndex((r) => r.id === op.region);
      if (from < 0 || region < 0) return invalid('unknown sender or region');
      // Model: an aborted partition makes no more calls.
      if (s.endpoints[from].lifecycle !== 'running') return deny(`${op.from} is aborted`);
      // source: api_memory_region_check_flags (src/api.c), ffa_memory_send_validate (src/ffa_memory.c).
      if (func === 'share' && op.clear) return invalid('memory that is shared cannot be cleared');
      // source: api_ffa_mem_send (src/api.c).
      if (op.to.length === 0) return invalid('no receiver');
      if (func === 'donate' && op.to.length !== 1) return invalid('donate needs exactly one receiver');
      const to = op.to.map((r) => ep(s, receiverId(r)));
      const spmc =
        allocatorFor(
          s,
          from,
          to.filter((i) => i >= 0),
        ) === 'spmc';
      for (let k = 0; k < to.length; k++) {
        const i = to[k];
        // source: api_ffa_mem_send (src/api.c): the receiver exists and is not the sender.
        if (i < 0 || i === from) return invalid(`receiver ${receiverId(op.to[k])} is not another endpoint`);
        // The receiver's state is not looked at: a send to an aborted partition is accepted.
        if (spmc && !sendValidAtSpmc(func, s.endpoints[from].kind === 'sp', s.endpoints[i].kind === 'sp', to.length > 1)) {
          return deny(
            `the SPMC refuses a ${func} from ${s.endpoints[from].kind === 'sp' ? 'a secure partition' : 'a VM'} to ${s.endpoints[i].kind === 'sp' ? 'secure partition' : 'VM'} ${s.endpoints[i].id}${to.length > 1 ? ' among several borrowers' : ''}`,
          );
        }
      }
      // source: ffa_memory_send_validate (src/ffa_memory.c).
      if (new Set(to).size !== to.length) return invalid('a receiver is listed twice');
      if (func === 'donate' && op.to.some((r) => receiverAccess(r) !== null))
        return invalid('a donation gives no data access: the receiver becomes the owner');
      // source: ffa_send_check_transition (src/ffa_memory.c).
      for (const i of regionPages(s, region)) {
        const m = s.pages[i].modes[from];
        if ((m & (V | O | X)) !== (V | O | X)) {
          return deny(`${op.from} is not owner-exclusive on ${hex(s.pages[i].pfn * PAGE)} (mode ${modeName(m)})`);
        }
        if (op.clear && (m & W) === 0) return deny(`${op.from} cannot write ${hex(s.pages[i].pfn * PAGE)}, so it cannot have it cleared`);
      }
      // source: pKVM's refcount check on donation and sharing, __pkvm_host_use_dma
      // (arch/arm64/kvm/hyp/nvhe/mem_protect.c); its FF-A proxy answers FFA_RET_DENIED
      // (ffa_host_share_ranges, arch/arm64/kvm/hyp/nvhe/ffa.c).
      if (s.scenario.policy.dmaCoupled) {
        const m = dmaMappers(s, regionPages(s, region));
        if (m.length > 0) return deny(`pages are mapped for DMA (${m.join('; ')}): with dmaCoupled they cannot change hands`);
      }
      return null;
    }
    case 'memRetrieve': {
      // source: share_state_get via ffa_memory_retrieve (src/ffa_memory.c).
      const h = s.handles.get(op.handle);
      const by = ep(s, op.by);
      if (!h) return unknown(op.handle);
      if (s.endpoints[by].lifecycle !== 'running') return deny(`${op.by} is aborted`);
      // source: ffa_partition_retrieve_request (src/ffa_memory.c).
      if (h.deferredReclaim) return deny(`${handleName(h)} is marked for reclaim: its sender aborted`);
      // source: ffa_memory_retrieve_validate (src/ffa_memory.c).
      const rc = h.receivers.find((r) => r.ep === by);
      if (!rc) return invalid(`${op.by} is not a receiver of ${handleName(h)}`);
      if (op.clearOnRelinquish && h.func === 'share') return invalid('memory that is shared cannot be cleared after relinquish');
      // source: ffa_memory_retrieve_validate_memory_access_list (src/ffa_memory.c).
      if (op.clearOnRelinquish && rc.access === 'ro') return deny(`${op.by} has read-only access and cannot ask for a clear`);
      // source: ffa_retrieve_check_transition (src/ffa_memory.c): the retriever must not map the pages yet.
      if (rc.retrieved) return deny(`${op.by} already retrieved ${handleName(h)}`);
      for (const i of regionPages(s, h.region)) {
        if (s.pages[i].modes[by] !== 0) return deny(`${op.by} already maps ${hex(s.pages[i].pfn * PAGE)}`);
      }
      return null;
    }
    case 'memRelinquish': {
      // source: ffa_memory_relinquish (src/ffa_memory.c), each refusal below in its order.
      const h = s.handles.get(op.handle);
      const by = ep(s, op.by);
      if (!h) return unknown(op.handle);
      const rc = h.receivers.find((r) => r.ep === by);
      if (!rc) return invalid(`${op.by} is not a borrower of ${handleName(h)}`);
      if (!rc.retrieved) return invalid(`${op.by} has not retrieved ${handleName(h)}`);
      if (op.clear && lastToLeave(h, by)) {
        if (h.func === 'share') return invalid('memory that was shared cannot be cleared: the sender still has access');
        if (rc.access === 'ro') return deny(`${op.by} has read-only access and cannot clear`);
      }
      // source: pKVM — a page mapped for DMA keeps its refcount until unmap + TLBI + SYNC
      // (kvm_iommu_unmap_pages, arch/arm64/kvm/hyp/nvhe/iommu/iommu.c; __pkvm_host_unuse_dma,
      // arch/arm64/kvm/hyp/nvhe/mem_protect.c). A revocation that unmaps first skips this check.
      if (s.scenario.policy.dmaCoupled && !o.revoking) {
        const m = dmaMappers(s, regionPages(s, h.region), new Set([by]));
        if (m.length > 0)
          return deny(`${op.by}'s device still maps the pages (${m.join('; ')}): with dmaCoupled they cannot be relinquished`);
      }
      return null;
    }
    case 'memReclaim': {
      // source: ffa_memory_reclaim and reclaim_shared_state (src/ffa_memory.c).
      const h = s.handles.get(op.handle);
      const by = ep(s, op.by);
      if (!h) return unknown(op.handle);
      if (h.sender !== by) return invalid(`${op.by} did not send ${handleName(h)}`);
      const holding = h.receivers.filter((r) => r.retrieved).map((r) => s.endpoints[r.ep].id);
      if (holding.length > 0) return deny(`not relinquished by all borrowers (${holding.join(', ')} still hold it)`);
      if (s.scenario.policy.dmaCoupled) {
        const m = dmaMappers(s, regionPages(s, h.region), new Set(h.receivers.map((r) => r.ep)));
        if (m.length > 0) return deny(`a borrower's device still maps the pages (${m.join('; ')})`);
      }
      return null;
    }
    default:
      return invalid(`${op.op} is not a memory operation`);
  }
}

/** Whether `by` is the last borrower holding the pages (every other one has relinquished). */
function lastToLeave(h: ShareState, by: number): boolean {
  return !h.receivers.some((r) => r.ep !== by && r.retrieved);
}

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
