// The FF-A memory operations with Hafnium's preconditions (src/ffa_memory.c): share / lend / donate
// from an owner-exclusive sender, retrieve by a listed receiver (its mapping appears only now),
// relinquish, and reclaim once every borrower has relinquished. With `dmaCoupled` (pKVM's rule) a
// page that a device table maps may not change hands, and reclaim waits for the device mappings.

import { hex, log } from '../model/log';
import { NOBODY, O, OWNER_EXCLUSIVE, PAGE, R, V, W, X, type SimState } from '../model/state';
import type { OpOf, ScriptOp } from '../model/scenario';
import { opError, type OpErrorCode } from '../ops/opLog';
import { cpuMappingsWillChange, regionPages, s2Map, s2RangeFree, s2Unmap, modeName } from './pages';
import { violate } from '../invariants/violate';
import { checkLeaving } from '../invariants/drain';

type SendOp = OpOf<'memShare' | 'memLend' | 'memDonate'>;
type Refusal = { code: OpErrorCode; message: string };

const FUNC = { memShare: 'share', memLend: 'lend', memDonate: 'donate' } as const;

function ep(s: SimState, id: string): number {
  return s.epIndex.get(id) ?? NOBODY;
}

/** Pages of `region` that some live (non-CPU) device table maps, as "T3 maps 0x…". */
export function dmaMappers(s: SimState, pages: number[], onlyOwnedBy?: Set<number>): string[] {
  const pfns = new Set(pages.map((i) => s.pages[i].pfn));
  const out: string[] = [];
  for (const t of s.tables.values()) {
    if (t.state === 'freed' || t.cpuOf >= 0 || t.scratch) continue;
    if (onlyOwnedBy && !onlyOwnedBy.has(t.owner)) continue;
    for (const enc of t.map.values()) {
      const pfn = Math.floor(enc / 4);
      if (pfns.has(pfn)) {
        out.push(`${t.id} maps ${hex(pfn * PAGE)}`);
        break;
      }
    }
  }
  return out;
}

export function checkFfa(s: SimState, op: ScriptOp): Refusal | null {
  const deny = (message: string): Refusal => ({ code: 'FFA_DENIED', message });
  const invalid = (message: string): Refusal => ({ code: 'FFA_INVALID_PARAMETERS', message });
  switch (op.op) {
    case 'memShare':
    case 'memLend':
    case 'memDonate': {
      const from = ep(s, op.from);
      const region = s.regions.findIndex((r) => r.id === op.region);
      if (from < 0 || region < 0) return invalid('unknown sender or region');
      if (s.endpoints[from].lifecycle !== 'running') return deny(`${op.from} is aborted`);
      if (op.to.length === 0) return invalid('no receiver');
      if (op.op === 'memDonate' && op.to.length !== 1) return invalid('donate needs exactly one receiver');
      if (op.op === 'memShare' && op.clear) return invalid('memory that is shared cannot be cleared');
      if (s.handles.has(op.handle)) return invalid(`handle ${op.handle} is already in use`);
      for (const r of op.to) {
        const i = ep(s, r);
        if (i < 0 || i === from) return invalid(`receiver ${r} is not another endpoint`);
        if (s.endpoints[i].lifecycle !== 'running') return deny(`receiver ${r} is aborted`);
      }
      for (const i of regionPages(s, region)) {
        const m = s.pages[i].modes[from];
        if ((m & (V | O | X)) !== (V | O | X)) {
          return deny(`${op.from} is not owner-exclusive on ${hex(s.pages[i].pfn * PAGE)} (mode ${modeName(m)})`);
        }
      }
      if (s.scenario.policy.dmaCoupled) {
        const m = dmaMappers(s, regionPages(s, region));
        if (m.length > 0) return deny(`pages are mapped for DMA (${m.join('; ')}): with dmaCoupled they cannot change hands`);
      }
      return null;
    }
    case 'memRetrieve': {
      const h = s.handles.get(op.handle);
      const by = ep(s, op.by);
      if (!h) return invalid(`no handle ${op.handle}`);
      const rc = h.receivers.find((r) => r.ep === by);
      if (!rc) return deny(`${op.by} is not a receiver of ${op.handle}`);
      if (rc.retrieved) return deny(`${op.by} already retrieved ${op.handle}`);
      if (s.endpoints[by].lifecycle !== 'running') return deny(`${op.by} is aborted`);
      for (const i of regionPages(s, h.region)) {
        if (s.pages[i].modes[by] !== 0) return deny(`${op.by} already maps ${hex(s.pages[i].pfn * PAGE)}`);
      }
      return null;
    }
    case 'memRelinquish': {
      const h = s.handles.get(op.handle);
      const by = ep(s, op.by);
      if (!h) return invalid(`no handle ${op.handle}`);
      const rc = h.receivers.find((r) => r.ep === by);
      if (!rc) return deny(`${op.by} is not a receiver of ${op.handle}`);
      if (!rc.retrieved) return deny(`${op.by} has not retrieved ${op.handle}`);
      if (h.func === 'donate') return deny(`${op.handle} was donated: the receiver owns it`);
      return null;
    }
    case 'memReclaim': {
      const h = s.handles.get(op.handle);
      const by = ep(s, op.by);
      if (!h) return invalid(`no handle ${op.handle}`);
      if (h.sender !== by) return deny(`${op.by} did not send ${op.handle}`);
      if (h.func === 'donate') return deny(`${op.handle} was donated and cannot be reclaimed`);
      const holding = h.receivers.filter((r) => r.retrieved).map((r) => s.endpoints[r.ep].id);
      if (holding.length > 0) return deny(`not relinquished by all borrowers (${holding.join(', ')} still hold it)`);
      if (s.scenario.policy.dmaCoupled) {
        const borrowers = new Set(h.receivers.map((r) => r.ep));
        const m = dmaMappers(s, regionPages(s, h.region), borrowers);
        if (m.length > 0) return deny(`a borrower's device still maps the pages (${m.join('; ')})`);
      }
      return null;
    }
    default:
      return invalid(`${op.op} is not a memory operation`);
  }
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
      relinquish(s, op.handle, ep(s, op.by));
      break;
    case 'memReclaim':
      reclaim(s, op.handle);
      break;
  }
  return true;
}

function send(s: SimState, op: SendOp): void {
  const from = ep(s, op.from);
  const region = s.regions.findIndex((r) => r.id === op.region);
  const func = FUNC[op.op];
  const pages = regionPages(s, region);
  if (func !== 'share') {
    checkLeaving(s, from, pages, `${op.op} of ${op.region}`);
    s2Unmap(s, from, region);
  }
  for (const i of pages) {
    const p = s.pages[i];
    if (func === 'share') p.modes[from] = V | O | R | W;
    else if (func === 'lend') p.modes[from] = O | X;
    else p.modes[from] = 0;
    if (op.clear) {
      // Cleared after unmapping from the sender and before mapping for any receiver.
      p.dataOf = NOBODY;
      p.secret = false;
      p.clearedFrom = [from];
      p.clearedAt = s.now;
    }
  }
  s.handles.set(op.handle, {
    handle: op.handle,
    func,
    sender: from,
    receivers: op.to.map((r) => ({ ep: ep(s, r), retrieved: false, ipaBase: -1 })),
    region,
    clear: op.clear,
    reclaimed: false,
  });
  log(s, 'note', `${op.handle}: ${op.from} ${func}s ${op.region} with ${op.to.join(', ')}; sender now ${modeName(s.pages[pages[0]].modes[from])}`, -1);
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
    } else p.modes[by] = V | R | W | (exclusive ? X : 0);
  }
  // The borrower maps the pages at the owner's IPA when that range is free in its own stage-2,
  // otherwise at the physical address (Hafnium maps VMs' memory identity).
  const ipa = s2RangeFree(s, by, r.ipa, r.pages) ? r.ipa : r.pa;
  s2Map(s, by, h.region, ipa);
  rc.retrieved = true;
  rc.ipaBase = ipa;
  if (h.func === 'donate') s.handles.delete(handle);
  log(s, 'note', `${handle}: ${s.endpoints[by].id} retrieved ${r.id} at IPA ${hex(ipa)} (${modeName(s.pages[r.firstPage].modes[by])})`, -1);
}

function relinquish(s: SimState, handle: string, by: number): void {
  const h = s.handles.get(handle)!;
  const rc = h.receivers.find((r) => r.ep === by)!;
  const pages = regionPages(s, h.region);
  checkLeaving(s, by, pages, `relinquish of ${handle}`);
  for (const i of pages) s.pages[i].modes[by] = 0;
  s2Unmap(s, by, h.region);
  rc.retrieved = false;
  // FF-A: with the clear flag, the memory is zeroed when the last borrower leaves, before the
  // owner can have it back.
  if (h.clear && !h.receivers.some((r) => r.retrieved)) {
    for (const i of pages) {
      const p = s.pages[i];
      p.dataOf = NOBODY;
      p.secret = false;
      p.clearedFrom = [...h.receivers.map((r) => r.ep)];
      p.clearedAt = s.now;
    }
    log(s, 'note', `${handle}: ${s.regions[h.region].id} cleared as the last borrower left`, -1);
  }
  log(s, 'note', `${handle}: ${s.endpoints[by].id} relinquished ${s.regions[h.region].id}`, -1);
}

function reclaim(s: SimState, handle: string): void {
  const h = s.handles.get(handle)!;
  const holding = h.receivers.filter((r) => r.retrieved);
  if (holding.length > 0) {
    violate(s, 'I13', -1, -1, s.pages[s.regions[h.region].firstPage].pfn, `${handle} reclaimed while ${holding.map((r) => s.endpoints[r.ep].id).join(', ')} still hold it`);
  }
  const r = s.regions[h.region];
  for (const i of regionPages(s, h.region)) {
    const p = s.pages[i];
    p.modes[h.sender] = OWNER_EXCLUSIVE;
    p.clearedFrom = p.clearedFrom.filter((e) => e !== h.sender);
  }
  s2Unmap(s, h.sender, h.region);
  s2Map(s, h.sender, h.region, r.ipa);
  s.handles.delete(handle);
  log(s, 'note', `${handle}: ${s.endpoints[h.sender].id} reclaimed ${r.id}`, -1);
}

/** Partition abort: relinquish what it borrowed, reclaim what it lent where nobody holds it. */
export function abortMemory(s: SimState, e: number): void {
  for (const h of [...s.handles.values()]) {
    const rc = h.receivers.find((r) => r.ep === e && r.retrieved);
    if (rc) relinquish(s, h.handle, e);
    if (h.sender === e && !h.receivers.some((r) => r.retrieved)) reclaim(s, h.handle);
  }
  // The aborted endpoint's own stage-2 is torn down: it has access to nothing any more — which is
  // a change of ownership for every page it could still reach (I3: its DMA must be drained first).
  const leaving = s.pages.map((p, i) => ((p.modes[e] & V) !== 0 ? i : -1)).filter((i) => i >= 0);
  if (leaving.length > 0) checkLeaving(s, e, leaving, `abort of ${s.endpoints[e].id}`);
  cpuMappingsWillChange(s, e, () => true);
  for (const p of s.pages) p.modes[e] &= ~(V | R | W);
  s.endpoints[e].s2.clear();
}
