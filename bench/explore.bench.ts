// The explorer benchmark: events processed per second inside the explorer (schedules sharing their
// prefixes through state copies, with canonical state hashes at fork points and at every
// schedule's end) against the plain engine running the same scenario from boot, on every
// mutation's gallery scenario and on the scenarios whose violation needs other timing. It prints
// both figures and their ratio per row (target ≥ 50 %); it asserts nothing about time.
//
// `npm run bench:explore` bundles this file first, as `bench:engine` does.

import { createEngine, explore, type Scenario } from '../src/sim';
import { defaultHorizon } from '../src/scenario/horizon';
import { galleryScenario } from '../src/testing/scenarios';
import { MUTATION_CASES } from '../src/testing/mutationCases';

const BOUND = 3;
const BUDGET = 4000;

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const pad = (s: string, n: number) => s.padEnd(n);

/** The plain engine's events per second: the scenario run from boot to the horizon, again and again for about a second. */
function plain(sc: Scenario, horizon: number) {
  let events = 0;
  let runs = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < 1000) {
    const e = createEngine(sc);
    e.runUntil(horizon);
    events += e.state.processed;
    runs++;
  }
  const sec = (performance.now() - t0) / 1000;
  return { rate: events / sec, runs: runs / sec };
}

function explorer(sc: Scenario, horizon: number, budget: number) {
  const t0 = performance.now();
  const r = explore(sc, { horizon, maxDeviations: BOUND, budget });
  const sec = (performance.now() - t0) / 1000;
  return { r, sec, rate: r.events / sec };
}

/** The run with the median rate of three: one slow run (a collection, another process) does not decide. */
function median<T extends { rate: number }>(runs: T[]): T {
  return [...runs].sort((a, b) => a.rate - b.rate)[Math.floor(runs.length / 2)];
}

const ROWS: [label: string, sc: Scenario][] = [
  ...MUTATION_CASES.map(([m, g]) => [`${g} + ${m}`, galleryScenario(g, { mutations: [m] })] as [string, Scenario]),
  ['seed-attack (P1)', galleryScenario('seed-attack', { policy: 'P1' })],
  ['stale-atc', galleryScenario('stale-atc')],
  ['late-atc-ack', galleryScenario('late-atc-ack')],
  ['handover-window', galleryScenario('handover-window')],
];

console.log(`DMA Handoff explorer benchmark — Node ${process.version}`);
console.log(`bound ${BOUND}, budget ${fmt(BUDGET)} schedules, median of 3 (plain and explorer interleaved)\n`);
console.log(
  `${pad('scenario', 42)}${pad('plain events/s', 16)}${pad('explorer events/s', 19)}${pad('ratio', 8)}${pad('schedules/s', 13)}${pad('schedules', 11)}states`,
);
let worst = Infinity;
for (const [label, sc] of ROWS) {
  const horizon = defaultHorizon(sc);
  plain(sc, horizon); // warm-up
  explorer(sc, horizon, 200);
  // Interleaved, so a change in the machine's load falls on both.
  const ps: ReturnType<typeof plain>[] = [];
  const xs: ReturnType<typeof explorer>[] = [];
  for (let i = 0; i < 3; i++) {
    ps.push(plain(sc, horizon));
    xs.push(explorer(sc, horizon, BUDGET));
  }
  const p = median(ps);
  const x = median(xs);
  const ratio = x.rate / p.rate;
  worst = Math.min(worst, ratio);
  console.log(
    `${pad(label, 42)}${pad(fmt(p.rate), 16)}${pad(fmt(x.rate), 19)}${pad(`${(ratio * 100).toFixed(0)} %`, 8)}${pad(fmt(x.r.schedules / x.sec), 13)}${pad(fmt(x.r.schedules), 11)}${fmt(x.r.distinctStates)}`,
  );
}
console.log(`\nlowest ratio ${(worst * 100).toFixed(0)} % (target ≥ 50 % on every row)`);
// A row under the target fails the run, as the sweep benchmark fails on a missed counterexample.
if (worst < 0.5) process.exitCode = 1;
