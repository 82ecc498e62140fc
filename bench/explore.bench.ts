// The explorer benchmark: events processed per second inside the explorer (schedules sharing their
// prefixes through state copies, with canonical state hashes at fork points) against the plain
// engine running the same scenario from boot. It prints both figures and their ratio; it asserts
// nothing about time.
//
// Run: esbuild bench/explore.bench.ts --bundle --platform=node --format=esm
//        --outfile=dist-bench/explore.bench.mjs && node dist-bench/explore.bench.mjs

import { parseScenario } from '../src/scenario/parse';
import { galleryEntry } from '../src/scenario/gallery';
import { createEngine, explore, type Scenario } from '../src/sim';

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function gallery(id: string, policy?: string): Scenario {
  const g = galleryEntry(id);
  if (g === undefined) throw new Error(`no gallery entry ${id}`);
  const doc = structuredClone(g.doc) as unknown as { policy: { id: string } };
  if (policy !== undefined) doc.policy.id = policy;
  const r = parseScenario(doc);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.scenario;
}

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

function explorer(sc: Scenario, horizon: number, bound: number, budget: number) {
  const t0 = performance.now();
  const r = explore(sc, { horizon, maxDeviations: bound, budget });
  const sec = (performance.now() - t0) / 1000;
  return { r, sec, rate: r.events / sec };
}

/** The run with the median rate of three: one slow run (a collection, another process) does not decide. */
function median<T extends { rate: number }>(runs: T[]): T {
  return [...runs].sort((a, b) => a.rate - b.rate)[Math.floor(runs.length / 2)];
}

console.log(`DMA Handoff explorer benchmark — Node ${process.version}\n`);
for (const [id, policy, horizon, bound, budget] of [
  ['seed-attack', 'P1', 600, 3, 4000],
  ['stale-atc', undefined, 600, 3, 4000],
] as const) {
  const sc = gallery(id, policy);
  plain(sc, horizon); // warm-up
  explorer(sc, horizon, bound, 200);
  // Interleaved, so a change in the machine's load falls on both.
  const ps: ReturnType<typeof plain>[] = [];
  const xs: ReturnType<typeof explorer>[] = [];
  for (let i = 0; i < 3; i++) {
    ps.push(plain(sc, horizon));
    xs.push(explorer(sc, horizon, bound, budget));
  }
  const p = median(ps);
  const x = median(xs);
  console.log(`${id}${policy === undefined ? '' : ` (${policy})`}, horizon ${horizon}, bound ${bound}, budget ${budget} (median of 3)`);
  console.log(`  plain engine     ${fmt(p.rate)} events/s   ${fmt(p.runs)} runs/s from boot`);
  console.log(
    `  explorer         ${fmt(x.rate)} events/s   ${fmt(x.r.schedules / x.sec)} schedules/s   (events/s ${((x.rate / p.rate) * 100).toFixed(0)} % of plain; target ≥ 50 %)`,
  );
  console.log(
    `  search           ${x.r.schedules} schedules, ${fmt(x.r.events)} events, ${x.r.distinctStates} states, ${x.sec.toFixed(2)} s\n`,
  );
}
