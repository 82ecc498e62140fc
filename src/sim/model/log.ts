// The engine's log: operations, hypervisor steps, operation errors, SMMU event records and
// violations, in order. Bounded, so that a ten-million-tick run keeps flat memory: the oldest half
// is dropped when it grows past the cap, and the count of dropped records is kept.

import type { LogKind, SimState } from './state';

export const LOG_CAP = 20000;

export function log(s: SimState, kind: LogKind, text: string, op: number, code?: string): void {
  const rec = code === undefined ? { t: s.now, kind, text, op } : { t: s.now, kind, text, op, code };
  s.log.push(rec);
  if (s.log.length > LOG_CAP * 2) {
    s.log.splice(0, LOG_CAP);
    s.logDropped += LOG_CAP;
  }
}

export function hex(n: number): string {
  return '0x' + n.toString(16);
}
