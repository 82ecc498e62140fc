// The explorer benchmark (docs/performance.md, "Explorer"): for each mutation on the gallery
// scenario that shows it, and for the scenarios whose violation depends on timing, how long finding
// the violation takes by sweeping seeds 0…9,999 with the plain engine (stop at the first seed whose
// run breaks the invariant; one that finds none reports the time all 10,000 runs took) against the
// explorer (the default schedule, then deviation bounds 1, 2 and 3 in turn, stop at the first bound
// that breaks it: the time to its first counterexample). Events per second inside the explorer
// are measured by explore.bench.ts. It prints figures; it asserts nothing about
// time, but it fails when the explorer misses a row's violation (every row has one: those the sweep
// finds, and the window's, which no seed draws).
//
// `npm run bench:explore` bundles this file first, as `bench:engine` does.

import { createEngine, explore, INVARIANT_BY_NUMBER, type InvariantNumber, type Scenario } from '../src/sim';
import { defaultHorizon } from '../src/scenario/horizon';
import { galleryDoc, galleryScenario, scenarioOf, type OpDoc } from '../src/testing/scenarios';
import { MUTATION_CASES } from '../src/testing/mutationCases';

const SEEDS = 10_000;
const MAX_BOUND = 3;
const BUDGET = 20_000;

interface Row {
  /** What the row is: a mutation, or the timing the scenario leaves open. */
  label: string;
  scenario: string;
  invariant: string;
  sc: Scenario;
}

/** Seed-attack's read loop and hand-over alone: I1 breaks only when a read's delay carries it past the hand-over. */
function handover(): Scenario {
  const doc = galleryDoc('seed-attack') as { script: OpDoc[] };
  doc.script = doc.script.slice(0, 2);
  return scenarioOf(doc);
}

const ROWS: Row[] = [
  ...MUTATION_CASES.map(([m, g, inv]) => ({ label: m, scenario: g, invariant: inv, sc: galleryScenario(g, { mutations: [m] }) })),
  { label: 'timing', scenario: 'seed-attack, hand-over only', invariant: 'I1', sc: handover() },
  { label: 'timing', scenario: 'late-atc-ack', invariant: 'I2', sc: galleryScenario('late-atc-ack') },
  { label: 'timing', scenario: 'late-atc-ack', invariant: 'I8', sc: galleryScenario('late-atc-ack') },
  { label: 'window', scenario: 'handover-window', invariant: 'I2', sc: galleryScenario('handover-window') },
  { label: 'window', scenario: 'handover-window', invariant: 'I8', sc: galleryScenario('handover-window') },
];

const breaks = (sc: Scenario, invariant: string, horizon: number): { broken: boolean; events: number } => {
  const e = createEngine(sc);
  e.runUntil(horizon);
  return { broken: e.violations.some((v) => v.number === invariant), events: e.state.processed };
};

function sweep(r: Row, horizon: number) {
  const t0 = performance.now();
  for (let seed = 0; seed < SEEDS; seed++)
    if (breaks({ ...r.sc, seed }, r.invariant, horizon).broken) return { seed, ms: performance.now() - t0 };
  return { seed: null, ms: performance.now() - t0 };
}

function search(r: Row, horizon: number) {
  const id = INVARIANT_BY_NUMBER[r.invariant as InvariantNumber].id;
  const t0 = performance.now();
  let schedules = 0;
  for (let bound = 0; bound <= MAX_BOUND; bound++) {
    const x = explore(r.sc, { horizon, maxDeviations: bound, budget: BUDGET });
    schedules += x.schedules;
    const done = { schedules, ms: performance.now() - t0 };
    if (x.defaultViolations.includes(id)) return { ...done, deviations: 0, link: '(default run)' };
    const c = x.counterexamples.find((c) => c.invariant === id);
    if (c !== undefined) return { ...done, deviations: c.deviations.length, link: `&x=${c.choices}` };
  }
  return { schedules, ms: performance.now() - t0, deviations: null, link: '' };
}

const pad = (s: string, n: number) => s.padEnd(n);
const ms = (n: number) => `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

console.log(`DMA Handoff explorer benchmark — Node ${process.version}`);
console.log(`sweep: seeds 0…${fmt(SEEDS - 1)}, plain engine; explorer: bounds 0…${MAX_BOUND}, at most ${fmt(BUDGET)} schedules a bound\n`);
console.log(
  `${pad('mutation', 22)}${pad('scenario', 30)}${pad('inv', 5)}${pad('sweep: seed', 26)}${pad('time', 10)}${pad('explorer: deviations', 22)}${pad('schedules', 11)}time`,
);
let missed = 0;
for (const r of ROWS) {
  const horizon = defaultHorizon(r.sc);
  const s = sweep(r, horizon);
  const x = search(r, horizon);
  // Every row breaks its invariant under some timing: the explorer must find each, the sweep's finds and the rest.
  if (x.deviations === null) missed++;
  console.log(
    `${pad(r.label, 22)}${pad(r.scenario, 30)}${pad(r.invariant, 5)}${pad(s.seed === null ? `not found in ${fmt(SEEDS)} seeds` : String(s.seed), 26)}${pad(ms(s.ms), 10)}${pad(
      x.deviations === null ? 'not found' : `${x.deviations} ${x.link}`,
      22,
    )}${pad(fmt(x.schedules), 11)}${ms(x.ms)}`,
  );
}

if (missed > 0) {
  console.error(`\nthe explorer missed ${missed} violation(s)`);
  process.exitCode = 1;
}
