// The engine's choice points. Wherever the model leaves a value open — a transaction's downstream
// delay, an ATC acknowledgement delay, which cache entry an `lru:N` cache evicts, the tick of an
// operation given a window, which of a tick's unordered event sources goes first — the engine asks
// `choose`. The default answer is the seeded generator's
// (or the fixed default, for choices the generator never made), so a run without deviations is
// exactly the seeded run. A deviation list overrides chosen choices by their index; the generator
// still advances at every choice, so one deviation leaves every later default unchanged.

import { nextInt, type RngState } from './rng';
import { ChoiceRecord } from './choiceRecord';

/** What a choice decides (recorded with it, for reports and the explorer). */
export const CH_DOWNSTREAM = 0;
export const CH_ATC_ACK = 1;
export const CH_EVICT_CFG = 2;
export const CH_EVICT_TLB = 3;
export const CH_WINDOW = 4;
export const CH_ORDER = 5;
export const CHOICE_KINDS = ['downstream', 'atc-ack', 'evict-cfg', 'evict-tlb', 'window', 'order'] as const;
export type ChoiceKind = (typeof CHOICE_KINDS)[number];

export interface Choices {
  /** How many choices the run has made so far (the index of the next one). */
  n: number;
  /** Deviations: choice index → the value taken instead of the default. null: none. */
  over: Map<number, number> | null;
  /**
   * When recording, each choice's kind, range, default and value taken, and the tick it was made
   * on (-1: at boot), where a schedule deviating there forks. null: not recording.
   */
  record: ChoiceRecord | null;
  /** The tick the engine is processing (-1 while booting): what the record's ticks are. */
  at: number;
}

export function newChoices(deviations: ReadonlyMap<number, number> | null, record: boolean): Choices {
  return {
    n: 0,
    over: deviations !== null && deviations.size > 0 ? new Map(deviations) : null,
    record: record ? new ChoiceRecord() : null,
    at: -1,
  };
}

/** A random choice in [lo, hi]: the seeded generator's value unless a deviation overrides it. */
export function chooseInt(c: Choices, rng: RngState, kind: number, lo: number, hi: number): number {
  const d = nextInt(rng, lo, hi);
  const i = c.n++;
  if (c.over === null && c.record === null) return d;
  return settle(c, i, kind, lo, hi, d);
}

/** A choice in [lo, hi] whose default is fixed (`def`), not drawn: the generator does not advance. */
export function chooseFixed(c: Choices, kind: number, lo: number, hi: number, def: number): number {
  const i = c.n++;
  if (c.over === null && c.record === null) return def;
  return settle(c, i, kind, lo, hi, def);
}

function settle(c: Choices, i: number, kind: number, lo: number, hi: number, d: number): number {
  let v = d;
  const o = c.over?.get(i);
  // A deviation outside the range (from a list made for another scenario) is clamped into it.
  if (o !== undefined) v = hi <= lo ? lo : Math.min(hi, Math.max(lo, o));
  c.record?.push(kind, lo, hi, d, v, c.at);
  return v;
}
