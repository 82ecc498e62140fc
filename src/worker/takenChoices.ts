// What a run's deviations from the default choices are, in words the app can show: for each
// deviated choice, what it decides (a downstream delay, an ATC acknowledgement delay, a cache
// eviction, an operation's tick in its window), the default value, the value taken and the tick at
// which the run made it. Found by a recording run of its own, stopped once every deviated choice
// is made (or the run ends), so the scout that computes the run never records.

import { CHOICE_KINDS, createEngine, type ChoiceKind, type Engine, type Scenario, type Txn } from '../sim';

export interface TakenChoice {
  /** The choice's index in the run (the link's index, in base 10). */
  index: number;
  /** What the choice decides; null when the run never makes this choice (a list for another scenario). */
  kind: ChoiceKind | null;
  /** The seeded run's value and the value taken (clamped into the choice's range by the engine). */
  default: number | null;
  taken: number | null;
  /** The value the link asks for. */
  asked: number;
  /** The tick at which the run makes the choice. */
  t: number | null;
  /** A downstream delay's transaction and its device, when the run names it unambiguously. */
  txn: { id: number; device: string } | null;
}

/** A step is watched for the transaction a downstream choice delays when the next deviated choice is this near. */
const WATCH_WITHIN = 8;

/** The recording run gives up after this many events: a deviation further in is described as not reached. */
const MAX_EVENTS = 500_000;

/** The deviations of a run of `scenario` up to `horizon`, described; [] for none. */
export function takenChoices(scenario: Scenario, deviations: ReadonlyMap<number, number>, horizon: number): TakenChoice[] {
  if (deviations.size === 0) return [];
  const order = [...deviations.keys()].sort((a, b) => a - b);
  const last = order[order.length - 1];
  const e = createEngine(scenario, { deviations, record: true });
  const made = () => e.state.choices.n;
  const at = new Map<number, number>();
  const txnOf = new Map<number, TakenChoice['txn']>();
  let k = 0;
  // Choices made at boot (an operation's tick in its window) are made at tick 0.
  for (; k < order.length && order[k] < made(); k++) at.set(order[k], 0);
  let events = 0;
  while (k < order.length && made() <= last && e.nextEventAt() <= horizon && events < MAX_EVENTS) {
    const from = made();
    const waiting = order[k] - from <= WATCH_WITHIN ? issuedTxns(e.state.txns) : null;
    if (!e.step()) break;
    events++;
    const first = k;
    for (; k < order.length && order[k] < made(); k++) at.set(order[k], e.now);
    if (waiting !== null && k > first) nameTxn(e, waiting, from, order.slice(first, k), txnOf);
  }
  const log = e.choiceRecord();
  return order.map((index) => {
    const t = at.get(index);
    const asked = deviations.get(index)!;
    if (t === undefined || log === null || index >= log.size)
      return { index, kind: null, default: null, taken: null, asked, t: null, txn: null };
    return {
      index,
      kind: CHOICE_KINDS[log.field(index, 0)] ?? null,
      default: log.field(index, 3),
      taken: log.field(index, 4),
      asked,
      t,
      txn: txnOf.get(index) ?? null,
    };
  });
}

/** The ids of the transactions not yet translated. */
function issuedTxns(txns: ReadonlyMap<number, Txn>): Set<number> {
  const ids = new Set<number>();
  for (const t of txns.values()) if (t.phase === 'issued') ids.add(t.id);
  return ids;
}

/**
 * A downstream delay is chosen as a transaction is translated: when the step made exactly one
 * downstream choice and translated exactly one transaction, that transaction is the choice's.
 */
function nameTxn(e: Engine, waiting: Set<number>, from: number, deviated: number[], txnOf: Map<number, TakenChoice['txn']>): void {
  const log = e.choiceRecord();
  const downstream: number[] = [];
  for (let i = from; log !== null && i < log.size; i++) if (CHOICE_KINDS[log.field(i, 0)] === 'downstream') downstream.push(i);
  if (downstream.length !== 1 || !deviated.includes(downstream[0])) return;
  const translated = [...waiting].map((id) => e.state.txns.get(id)).filter((t) => t !== undefined && t.phase === 'translated');
  if (translated.length !== 1) return;
  const t = translated[0]!;
  txnOf.set(downstream[0], { id: t.id, device: e.state.devices[t.device]?.id ?? String(t.device) });
}
