// User operations (docs/model.md §10): each checks its preconditions and either proceeds or logs a
// clear operation error. Ownership operations are expanded by the policy into hypervisor steps.

import { hex, log } from '../model/log';
import { HYP, NOBODY, PAGE, QUARANTINE, W, type SimState } from '../model/state';
import type { OpOf, PolicyOp, ScriptOp } from '../model/scenario';
import { openOp, opError } from '../model/opLog';
import { policyFor } from '../policies';
import { expand } from '../policies/expand';
import { newJob, newPolicyJob, resume, unfinishedJobFor, waitingJobFor } from '../hyp/executor';
import { startReset } from '../hyp/steps';
import { descriptorState, wake } from '../device/dma';
import { applyFfa, checkFfa, abortMemory } from '../memory/ffa';
import { regionPages } from '../memory/pages';
import { checkGbpa } from '../invariants/config';
import { mapRegion } from '../smmu/tables';

const VM_STATES_WITH_MMIO = new Set(['assigned', 'shared', 'lent', 'pending-enable', 'offered', 'locked']);

export function handleOp(s: SimState, op: ScriptOp): void {
  const rec = openOp(s, op);
  const i = rec.index;
  const ep = (id: string) => s.epIndex.get(id) ?? NOBODY;
  const dev = (id: string) => s.devIndex.get(id) ?? -1;
  const deny = (m: string) => opError(s, rec, 'FFA_DENIED', m);
  const invalid = (m: string) => opError(s, rec, 'FFA_INVALID_PARAMETERS', m);
  const policy = policyFor(s.scenario.policy);
  const name = (e: number) => (e >= 0 ? s.endpoints[e].id : 'nobody');

  /** Runs the policy's steps for `what` on the device's whole group. */
  const run = (what: PolicyOp, di: number, from: number, to: number): void => {
    const group = s.devices
      .map((_, j) => j)
      .filter(
        (j) =>
          j === di || (policy.id !== 'custom' && s.devices[j].group === s.devices[di].group && s.devices[j].owner === s.devices[di].owner),
      );
    const steps = expand(s, policy, what, group);
    rec.receiver = to;
    if (steps === null) return deny(`${policy.id} (${policy.name}) has no '${what}'`);
    newPolicyJob(s, i, op, what, di, from, to, steps);
  };

  if ('device' in op && dev(op.device) < 0) return invalid(`no device ${op.device}`);
  const di = 'device' in op ? dev(op.device) : -1;
  const d = di >= 0 ? s.devices[di] : undefined;

  switch (op.op) {
    case 'program': {
      const by = ep(op.by);
      if (by < 0) return invalid(`no endpoint ${op.by}`);
      if (s.endpoints[by].lifecycle !== 'running') return deny(`${op.by} is aborted`);
      const mayProgram = (d!.owner === by && VM_STATES_WITH_MMIO.has(d!.assign)) || (d!.assign === 'shared' && d!.pendingFor === by);
      if (!mayProgram) return deny(`${op.by} has no access to ${d!.id}'s registers (owner ${name(d!.owner)}, ${d!.assign})`);
      // A device has a descriptor ring per client: programming replaces this client's descriptors
      // and leaves anyone else's running (which is how an old owner's DMA outlives a hand-over).
      d!.descriptors = [...d!.descriptors.filter((x) => x.programmedBy !== by), ...op.dma.map((x) => descriptorState(x, by, s.now))];
      d!.programmedBy = by;
      if (d!.assign === 'locked') d!.nonce = ++s.nonceCounter;
      log(
        s,
        'note',
        `${d!.id} programmed by ${op.by}: ${op.dma.map((x) => `${x.dir} ${hex(x.iova)}×${x.pages}${x.loop ? ' loop' : ''}`).join(', ')}`,
        i,
      );
      wake(s, di);
      return;
    }
    case 'assign': {
      const to = ep(op.to);
      if (to < 0) return invalid(`no endpoint ${op.to}`);
      if (d!.owner !== NOBODY && d!.owner !== HYP && d!.owner !== QUARANTINE)
        return deny(`${d!.id} belongs to ${name(d!.owner)}; transfer it instead`);
      // Held by the hypervisor in the middle of a hand-over is not free to assign.
      const busy = unfinishedJobFor(s, di);
      if (busy !== undefined)
        return opError(s, rec, 'FFA_BUSY', `${d!.id} is in the middle of ${busy.op.op} (job ${busy.id}); assign it when that has finished`);
      return run('assign', di, d!.owner, to);
    }
    case 'transfer':
    case 'lend': {
      const to = ep(op.to);
      if (to < 0) return invalid(`no endpoint ${op.to}`);
      if (s.endpoints[to].lifecycle !== 'running') return deny(`${op.to} is aborted`);
      if (d!.owner === to) return invalid(`${d!.id} already belongs to ${op.to}`);
      if (d!.assign !== 'assigned') return deny(`${d!.id} is ${d!.assign}, not assigned to an owner`);
      return run(op.op, di, d!.owner, to);
    }
    case 'relinquish': {
      const by = ep(op.by);
      if (d!.assign !== 'lent' || d!.owner !== by) return deny(`${d!.id} is not lent to ${op.by}`);
      return run('relinquish', di, by, d!.lender);
    }
    case 'reclaim': {
      if (d!.assign === 'lent') return deny(`${d!.id} is still lent to ${name(d!.owner)}: reclaim is refused until it is relinquished`);
      if (d!.lender < 0 || d!.assign !== 'held') return deny(`${d!.id} is not a relinquished loan`);
      return run('reclaim', di, d!.owner, d!.lender);
    }
    case 'share': {
      const w = ep(op.with);
      if (w < 0) return invalid(`no endpoint ${op.with}`);
      if (d!.assign !== 'assigned') return deny(`${d!.id} is ${d!.assign}, not assigned to an owner`);
      return run('share', di, d!.owner, w);
    }
    case 'unassign':
      if (d!.owner === NOBODY) return deny(`${d!.id} is already unassigned`);
      return run('unassign', di, d!.owner, NOBODY);
    case 'accept':
    case 'enable':
      return acceptOrEnable(s, op, i, di);
    case 'map': {
      const by = ep(op.by);
      const r = s.regions.findIndex((x) => x.id === op.region);
      if (r < 0) return invalid(`no region ${op.region}`);
      if (d!.owner !== by) return deny(`${op.by} does not own ${d!.id}`);
      const t = d!.table ? s.tables.get(d!.table) : undefined;
      if (!t || t.cpuOf >= 0 || t.state === 'freed') return deny(`${d!.id} has no table of its own to map into under ${policy.id}`);
      const pages = regionPages(s, r);
      if (!pages.every((p) => (s.pages[p].modes[by] & 1) !== 0)) return deny(`${op.by} has no access to ${op.region}`);
      const n = mapRegion(s, t, by, r);
      log(s, 'step', `tableMap(${t.id}, ${op.region}): ${n} page${n === 1 ? '' : 's'}`, i, 'tableMap');
      rec.steps.push({ t: s.now, text: `tableMap(${t.id}, ${op.region})` });
      return;
    }
    case 'pause':
    case 'resume':
      d!.paused = op.op === 'pause';
      if (d!.assign === 'locked') d!.nonce = ++s.nonceCounter;
      if (!d!.paused) wake(s, di);
      return;
    case 'reset':
      if (d!.resetting) return opError(s, rec, 'FFA_BUSY', `${d!.id} is already in reset`);
      startReset(s, di);
      return;
    case 'lock': {
      // P8: the host locks the interface again after a reset unlocked it, and has it measured.
      if (policy.id !== 'P8') return deny(`${policy.id} (${policy.name}) has no device interface lock`);
      if (d!.assign !== 'locked') return deny(`${d!.id} is ${d!.assign}, not in an attested hand-over`);
      if (d!.tdisp !== 'unlocked') return deny(`${d!.id} is already locked`);
      if (d!.resetting) return opError(s, rec, 'FFA_BUSY', `${d!.id} is in reset`);
      newJob(s, i, op, di, NOBODY, d!.owner, [{ kind: 'lock' }, { kind: 'measure' }]);
      return;
    }
    case 'cpuWrite': {
      const e = ep(op.endpoint);
      const r = s.regions.findIndex((x) => x.id === op.region);
      if (e < 0 || r < 0) return invalid('unknown endpoint or region');
      const pages = regionPages(s, r);
      const bad = pages.find((p) => (s.pages[p].modes[e] & (1 | W)) !== (1 | W));
      if (bad !== undefined) return deny(`${op.endpoint} cannot write ${hex(s.pages[bad].pfn * PAGE)}`);
      for (const p of pages) {
        s.pages[p].dataOf = e;
        s.pages[p].secret = op.secret;
      }
      return;
    }
    case 'memShare':
    case 'memLend':
    case 'memDonate':
    case 'memRetrieve':
    case 'memReclaim':
      applyFfa(s, op, i);
      return;
    case 'memRelinquish':
      return relinquishMemory(s, op, i);
    case 'abort': {
      const e = ep(op.endpoint);
      if (e < 0) return invalid(`no endpoint ${op.endpoint}`);
      if (s.endpoints[e].lifecycle === 'aborted') return deny(`${op.endpoint} is already aborted`);
      s.endpoints[e].lifecycle = 'aborted';
      const owned = s.devices.map((_, j) => j).filter((j) => s.devices[j].owner === e);
      const steps = owned.length === 0 ? null : expand(s, policy, 'abort', owned);
      // A policy that revokes memory after stopping the devices says where (ffaCommit); otherwise
      // (P7, as Hafnium does) the memory goes at once, while the devices may still be writing.
      if (steps === null || !steps.some((st) => st.kind === 'ffaCommit')) abortMemory(s, e);
      if (steps !== null) newPolicyJob(s, i, op, 'abort', owned[0], e, NOBODY, steps);
      return;
    }
    case 'smmuEnable':
    case 'smmuDisable':
      s.smmu.enabled = op.op === 'smmuEnable';
      checkGbpa(s);
      return;
  }
}

function acceptOrEnable(s: SimState, op: OpOf<'accept' | 'enable'>, i: number, di: number): void {
  const rec = s.ops[i];
  const d = s.devices[di];
  const by = s.epIndex.get(op.by) ?? NOBODY;
  const policy = policyFor(s.scenario.policy);
  if (by < 0) return opError(s, rec, 'FFA_INVALID_PARAMETERS', `no endpoint ${op.by}`);
  if (d.owner !== by) return opError(s, rec, 'FFA_DENIED', `${d.id} is not offered, lent or handed to ${op.by}`);

  if (policy.id === 'P8') {
    if (d.assign !== 'locked') return opError(s, rec, 'FFA_DENIED', `${d.id} is not locked for ${op.by}`);
    // TDISP: any reset returns the interface to CONFIG_UNLOCKED; its report and nonces mean nothing
    // until the host locks it again (a fresh lock, a fresh nonce).
    if (d.tdisp === 'unlocked') {
      return opError(
        s,
        rec,
        'RSI_ERROR_DEVICE',
        `${d.id} is not locked (a reset unlocked it): the host must lock it again; nonces do not match: verified ${d.verifiedNonce || 'none'}, device now at ${d.nonce}`,
      );
    }
    if (op.op === 'accept') {
      // The receiver verifies the measured report: a device carrying someone else's DMA programming
      // is not accepted.
      const foreign = d.descriptors.find((x) => x.programmedBy !== by);
      if (foreign)
        return opError(s, rec, 'RSI_ERROR_DEVICE', `report shows DMA descriptors programmed by ${s.endpoints[foreign.programmedBy].id}`);
      d.verifiedNonce = d.nonce;
      log(s, 'note', `${op.by} verified ${d.id}'s report at nonce ${d.nonce}`, i);
      return;
    }
    if (d.verifiedNonce !== d.nonce || d.nonce === 0) {
      return opError(s, rec, 'RSI_ERROR_DEVICE', `nonces do not match: verified ${d.verifiedNonce || 'none'}, device now at ${d.nonce}`);
    }
  }
  const waiting = waitingJobFor(s, di);
  const own = policy.ops[op.op] !== undefined;
  if (!waiting && !own) return opError(s, rec, 'FFA_DENIED', `nothing awaits ${op.op} of ${d.id} under ${policy.id}`);
  // A parked transfer resumes on either accept or enable where the policy has no enable of its own
  // (the retrieve of a loan, the receiver's acceptance).
  d.enabledBy = by;
  if (waiting) {
    rec.steps.push({ t: s.now, text: `resumes ${s.ops[waiting.opIndex].op.op} (operation #${waiting.opIndex})` });
    resume(s, waiting);
  }
  if (own) {
    if (d.assign !== 'pending-enable' && !waiting) return opError(s, rec, 'FFA_DENIED', `${d.id} is ${d.assign}, nothing to ${op.op}`);
    const steps = expand(s, policy, op.op, [di]);
    if (steps) newPolicyJob(s, i, op, op.op, di, NOBODY, by, steps);
  }
}

/** Under a shared-table policy, revoking a page from a device table comes first (unmap + TLBI + SYNC). */
function relinquishMemory(s: SimState, op: OpOf<'memRelinquish'>, i: number): void {
  const policy = policyFor(s.scenario.policy);
  // The revocation unmaps, TLBIs and SYNCs before the relinquish is applied (and checked again).
  const refusal = checkFfa(s, op, { revoking: policy.ops.revoke !== undefined });
  const h = s.handles.get(op.handle);
  if (refusal || !h || !policy.ops.revoke) {
    applyFfa(s, op, i);
    return;
  }
  const pfns = new Set(regionPages(s, h.region).map((p) => s.pages[p].pfn));
  const users = s.devices
    .map((_, j) => j)
    .filter((j) => {
      const t = s.devices[j].table ? s.tables.get(s.devices[j].table!) : undefined;
      return s.devices[j].assign === 'shared' && t && [...t.map.values()].some((e) => pfns.has(Math.floor(e / 4)));
    });
  if (users.length === 0) {
    applyFfa(s, op, i);
    return;
  }
  const steps = expand(s, policy, 'revoke', [users[0]]);
  if (!steps) return void applyFfa(s, op, i);
  const job = newPolicyJob(s, i, op, 'revoke', users[0], NOBODY, NOBODY, steps);
  job.handle = op.handle;
  job.revokedPages = [...pfns];
}
