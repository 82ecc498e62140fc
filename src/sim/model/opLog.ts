// Operation records: every user operation, when it ran, its hypervisor steps and how it ended.
// A refused operation is an operation error in the log, never an exception.

import { log } from './log';
import type { OpRecord, SimState } from './state';
import { receiverLabel, type Receiver, type ScriptOp } from './scenario';

export type OpErrorCode = 'FFA_DENIED' | 'FFA_INVALID_PARAMETERS' | 'FFA_BUSY' | 'RSI_ERROR_DEVICE';

export function describeOp(op: ScriptOp): string {
  const { at: _at, op: name, ...args } = op as ScriptOp & Record<string, unknown>;
  void _at;
  const parts = Object.entries(args)
    .filter(([k]) => k !== 'dma')
    .map(
      ([k, v]) =>
        `${k}=${Array.isArray(v) ? v.map((x) => (typeof x === 'object' && x !== null ? receiverLabel(x as Receiver) : String(x))).join('+') : String(v)}`,
    );
  if (op.op === 'program') parts.push(`${op.dma.length} descriptor${op.dma.length === 1 ? '' : 's'}`);
  return `${name}(${parts.join(', ')})`;
}

export function openOp(s: SimState, op: ScriptOp): OpRecord {
  const rec: OpRecord = { index: s.ops.length, t: s.now, op, status: 'done', steps: [], doneAt: s.now };
  s.ops.push(rec);
  log(s, 'op', describeOp(op), rec.index);
  return rec;
}

export function opError(s: SimState, rec: OpRecord, code: OpErrorCode, message: string): void {
  rec.status = 'refused';
  rec.error = code;
  rec.doneAt = s.now;
  log(s, 'opError', `${describeOp(rec.op)} refused: ${code}: ${message}`, rec.index, code);
}
