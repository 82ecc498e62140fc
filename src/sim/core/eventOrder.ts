// The order of events that fall on one tick, as a choice point. Events come from sources the
// architecture orders among themselves — each device's own transactions and messages, the SMMU's
// command queue, the hypervisor's software — but not against each other: a DMA arrival of one
// stream and the consumption of a command, or two devices' arrivals, may happen either way round.
// The default keeps (tick, sequence) order. A deviation of value k moves the events of the k-th
// source to appear on the tick to the front, each source keeping its own order. The engine asks only
// when the run takes deviations or records its choices, so a plain run does nothing extra.

import { CH_ORDER, chooseFixed, type Choices } from './choice';
import { FIRST } from './timeQueue';

/** The source an event comes from: 0 software, 1 the command queue, 2 + i device i, -1 none left. */
export type SourceOf = (kind: number, arg: number) => number;

// Scratch for orderBucket, which runs at every tick with two or more events while a run records
// its choices: the source of each event, the distinct sources in order of first appearance, and a
// copy of the events being reordered. Nothing in them outlives a call; they are written by index
// and never shortened, so they keep their storage.
const src: number[] = [];
const distinct: number[] = [];
const events: number[] = [];

/** Reorders bucket `b` (`[end, kind, arg, ...]`) in place when a deviation asks for it. */
export function orderBucket(c: Choices, b: number[], sourceOf: SourceOf): void {
  const n = (b[0] - FIRST) / 2;
  if (n < 2) return;
  let sources = 0;
  for (let j = 0; j < n; j++) {
    const x = sourceOf(b[FIRST + 2 * j], b[FIRST + 2 * j + 1]);
    src[j] = x;
    let k = 0;
    while (k < sources && distinct[k] !== x) k++;
    if (k === sources) distinct[sources++] = x;
  }
  if (sources < 2) return;
  const v = chooseFixed(c, CH_ORDER, 0, sources - 1, 0);
  if (v === 0) return;
  const first = distinct[v];
  for (let j = 0; j < 2 * n; j++) events[j] = b[FIRST + j];
  let w = FIRST;
  for (let j = 0; j < n; j++)
    if (src[j] === first) {
      b[w++] = events[2 * j];
      b[w++] = events[2 * j + 1];
    }
  for (let j = 0; j < n; j++)
    if (src[j] !== first) {
      b[w++] = events[2 * j];
      b[w++] = events[2 * j + 1];
    }
}
