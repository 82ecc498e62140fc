// What a run's deviations from the default choices are, in words the app can show: for each
// deviated choice, what it decides (a downstream delay, an ATC acknowledgement delay, a cache
// eviction, an operation's tick in its window), the default value, the value taken and the tick at
// which the run made it. Found by a recording run of its own, stopped once every deviated choice
// is made (or the run ends), so the scout that computes the run never records.

import { CHOICE_KINDS, createEngine, type ChoiceKind, type Scenario } from '../sim';

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
}

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
  let k = 0;
  // Choices made at boot (an operation's tick in its window) are made at tick 0.
  for (; k < order.length && order[k] < made(); k++) at.set(order[k], 0);
  let events = 0;
  while (k < order.length && made() <= last && e.nextEventAt() <= horizon && events < MAX_EVENTS) {
    if (!e.step()) break;
    events++;
    for (; k < order.length && order[k] < made(); k++) at.set(order[k], e.now);
  }
  const log = e.choiceLog();
  return order.map((index) => {
    const t = at.get(index);
    const asked = deviations.get(index)!;
    if (t === undefined || index * 5 + 4 >= log.length) return { index, kind: null, default: null, taken: null, asked, t: null };
    return {
      index,
      kind: CHOICE_KINDS[log[index * 5]] ?? null,
      default: log[index * 5 + 3],
      taken: log[index * 5 + 4],
      asked,
      t,
    };
  });
}
