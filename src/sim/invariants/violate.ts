// Recording a violation. The same breach repeated (the same invariant, device and page) is one
// entry with a count, so a looping descriptor does not bury the first moment it happened. A breach by
// a transaction records the path it took (path.ts), read once, when the entry is new.

import { mix } from '../core/hash';
import type { SimState, Txn } from '../model/state';
import { INVARIANT_BY_NUMBER, type InvariantNumber } from './catalog';
import { log } from '../model/log';
import { pathOf } from './path';

export function violate(
  s: SimState,
  number: InvariantNumber,
  device: number,
  txn: number,
  pfn: number,
  message: string,
  by: Txn | null = null,
): void {
  const key = `${number}|${device}|${pfn}`;
  const existing = s.violationIndex.get(key);
  mix(s.hash, 0xbad0000 + number.length * 31 + number.charCodeAt(1));
  if (by !== null) by.broke = true;
  if (existing !== undefined) {
    s.violations[existing].count++;
    return;
  }
  const inv = INVARIANT_BY_NUMBER[number];
  s.violationIndex.set(key, s.violations.length);
  s.violations.push({
    invariant: inv.id,
    number,
    t: s.now,
    device: device >= 0 ? s.devices[device].id : null,
    txn: txn >= 0 ? txn : null,
    page: pfn >= 0 ? '0x' + (pfn * 4096).toString(16) : null,
    message,
    count: 1,
    path: by === null ? null : pathOf(s, by),
  });
  log(s, 'violation', `${number} ${inv.id}: ${message}`, -1, number);
}
