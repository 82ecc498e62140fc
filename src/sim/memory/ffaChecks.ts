// The preconditions of the FF-A memory operations, each refusal with the error code of the Hafnium
// path that refuses it.

import { hex } from '../model/log';
import { O, PAGE, V, W, X, type ShareState, type SimState } from '../model/state';
import { receiverAccess, receiverId, type ScriptOp } from '../model/scenario';
import type { OpErrorCode } from '../model/opLog';
import { regionPages, modeName } from './pages';

import { FUNC, allocatorFor, ep, handleName } from './handles';
import { dmaMappers } from './dmaMappings';

type Refusal = { code: OpErrorCode; message: string };
type Func = ShareState['func'];

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
export function lastToLeave(h: ShareState, by: number): boolean {
  return !h.receivers.some((r) => r.ep !== by && r.retrieved);
}
