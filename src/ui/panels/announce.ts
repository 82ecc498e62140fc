// What the live region says as the run plays: the operations and violations the playhead passed,
// with the scenario's names ("VM A", "NIC") in place of ids, at most a few at a time.

import type { OpRecord, Scenario, Violation } from '../../sim';
import { opText } from './format';

/** At most this many items are read out at once; the rest are counted. */
const MAX_ITEMS = 3;

/** `text` with each endpoint's and device's id replaced by its name. */
export function withNames(text: string, scenario: Scenario): string {
  const names = new Map<string, string>();
  for (const e of scenario.endpoints) if (e.name) names.set(e.id, e.name);
  for (const d of scenario.devices) if (d.name) names.set(d.id, d.name);
  if (names.size === 0) return text;
  const ids = [...names.keys()].sort((a, b) => b.length - a.length).map((id) => id.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&'));
  return text.replace(new RegExp(`(?<![\\w.-])(${ids.join('|')})(?![\\w-]|\\.\\w)`, 'g'), (id) => names.get(id) ?? id);
}

/** The items the playhead passed going from `from` (exclusive) to `to` (inclusive), in words. */
export function passed(from: number, to: number, ops: readonly OpRecord[], violations: readonly Violation[], scenario: Scenario): string[] {
  const items: { t: number; text: string }[] = [];
  for (const o of ops)
    if (o.t > from && o.t <= to)
      items.push({ t: o.t, text: withNames(`${opText(o.op)}${o.status === 'refused' ? ' (refused)' : ''}`, scenario) });
  for (const v of violations)
    if (v.t > from && v.t <= to) items.push({ t: v.t, text: withNames(`${v.number} violated: ${v.message}`, scenario) });
  return items.sort((a, b) => a.t - b.t).map((i) => `t=${i.t}: ${i.text}`);
}

/** One announcement of `items`: the first few, and how many more. */
export function announcement(items: readonly string[]): string {
  if (items.length <= MAX_ITEMS) return items.join('. ');
  return `${items.slice(0, MAX_ITEMS).join('. ')}. And ${items.length - MAX_ITEMS} more.`;
}
