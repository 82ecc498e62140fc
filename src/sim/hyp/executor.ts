// The hypervisor: it runs one operation's steps at a time, in order, each taking its cost in ticks.
// A SYNC step blocks it until the SMMU completes the SYNC; an operation that awaits the receiver is
// parked (other operations go on) until the receiver's accept or enable arrives.

import { log } from '../model/log';
import { EV_HYP, schedule } from '../model/events';
import { NOBODY, type Job, type SimState } from '../model/state';
import { POLICY_OP_PARTIES, type PolicyOp, type ScriptOp } from '../model/scenario';
import { describeStep, execStep, type ExecStep } from './steps';
import { checkGroups } from '../invariants/group';
import { opError } from '../model/opLog';

export function newJob(s: SimState, opIndex: number, op: ScriptOp, device: number, from: number, to: number, steps: ExecStep[]): Job {
  const job: Job = {
    id: s.nextJob++,
    opIndex,
    op,
    device,
    from,
    to,
    steps,
    pc: 0,
    old: {},
    fresh: {},
    state: 'queued',
    handle: '',
    revokedPages: [],
    revokedIova: [],
  };
  for (const st of steps) {
    if (st.device !== undefined && !(st.device in job.old)) {
      job.old[st.device] = s.devices[st.device].table;
      job.fresh[st.device] = null;
    }
  }
  s.jobs.set(job.id, job);
  s.jobQueue.push(job.id);
  s.ops[opIndex].status = 'running';
  startNext(s);
  return job;
}

/**
 * A job for an operation a policy expands: its parties as POLICY_OP_PARTIES has them, so the steps
 * of an operation without a receiver (or a sender) see nobody there, as validation assumes.
 */
export function newPolicyJob(
  s: SimState,
  opIndex: number,
  op: ScriptOp,
  what: PolicyOp,
  device: number,
  from: number,
  to: number,
  steps: ExecStep[],
): Job {
  const p = POLICY_OP_PARTIES[what];
  return newJob(s, opIndex, op, device, p.from ? from : NOBODY, p.to ? to : NOBODY, steps);
}

function startNext(s: SimState): void {
  if (s.runningJob >= 0) return;
  const id = s.jobQueue.shift();
  if (id === undefined) return;
  const job = s.jobs.get(id)!;
  // The device's table is read when the job starts, not when it was queued.
  for (const k of Object.keys(job.old)) {
    const di = Number(k);
    if (job.pc === 0) job.old[di] = s.devices[di].table;
  }
  job.state = 'running';
  s.runningJob = id;
  schedule(s, s.now, EV_HYP, id);
}

export function onHyp(s: SimState, id: number): void {
  const job = s.jobs.get(id);
  if (!job || job.state === 'done') return;
  if (job.state === 'waiting-sync') {
    job.state = 'running';
    handoverMark(s, job, job.steps[job.pc - 1]);
  }
  if (job.pc >= job.steps.length) return finish(s, job);
  const st = job.steps[job.pc++];
  const rec = s.ops[job.opIndex];
  const text = describeStep(s, job, st);
  rec.steps.push({ t: s.now, text });
  log(s, 'step', text, job.opIndex, st.kind);
  const r = execStep(s, job, st);
  if ('stop' in r) {
    opError(s, rec, 'RSI_ERROR_DEVICE', r.stop);
    return finish(s, job);
  }
  if ('wait' in r) {
    if (r.wait === 'sync') {
      job.state = 'waiting-sync';
      return;
    }
    job.state = 'waiting-receiver';
    rec.status = 'waiting';
    s.runningJob = -1;
    startNext(s);
    return;
  }
  handoverMark(s, job, st);
  schedule(s, s.now + r.cost, EV_HYP, id);
}

/** The receiver's accept / enable resumes a parked job. */
export function resume(s: SimState, job: Job): void {
  job.state = 'queued';
  s.ops[job.opIndex].status = 'running';
  s.jobQueue.unshift(job.id);
  startNext(s);
}

/** A hand-over of this device (or one of its group) that has not finished, if any. */
export function unfinishedJobFor(s: SimState, di: number): Job | undefined {
  for (const j of s.jobs.values()) {
    if (j.state === 'done') continue;
    if (j.device === di || j.steps.some((st) => st.device === di)) return j;
  }
  return undefined;
}

export function waitingJobFor(s: SimState, di: number): Job | undefined {
  for (const j of s.jobs.values()) if (j.state === 'waiting-receiver' && j.device === di) return j;
  return undefined;
}

function handoverMark(s: SimState, job: Job, st: ExecStep | undefined): void {
  if (!st?.completesHandover || job.from < 0) return;
  const di = st.device ?? job.device;
  s.devices[di].handovers.push({ from: job.from, completedAt: s.now });
  s.devices[di].dmaOwner = s.devices[di].owner;
  if (s.devices[di].handovers.length > 8) s.devices[di].handovers.shift();
  log(s, 'note', `hand-over of ${s.devices[di].id} away from ${s.endpoints[job.from].id} complete`, job.opIndex);
}

function finish(s: SimState, job: Job): void {
  job.state = 'done';
  const rec = s.ops[job.opIndex];
  if (rec.status !== 'refused') rec.status = 'done';
  rec.doneAt = s.now;
  s.jobs.delete(job.id);
  checkGroups(s, job.device);
  if (s.runningJob === job.id) s.runningJob = -1;
  startNext(s);
}
