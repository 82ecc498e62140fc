// Prints links as this build makes them — every gallery scenario in full (`#s=…`) at a moment,
// some under another policy or a mutation, and pinned gallery links — each with the model version
// and the trace it records, as JSON for src/scenario/frozen/links.json. The file is frozen: a
// later build appends the links it makes and never changes those before (frozenLinks.test.ts).

import { GALLERY } from '../src/scenario/gallery';
import { galleryRef } from '../src/scenario/gallery/revisions';
import { parseScenario } from '../src/scenario/parse';
import { scenarioFragment } from '../src/scenario/codec';
import { fingerprintParams } from '../src/scenario/fingerprint';
import { defaultHorizon } from '../src/scenario/horizon';
import { MODEL_VERSION, buildReport, createEngine, type MutationId, type PolicyId, type Scenario } from '../src/sim';

const made = process.argv[2] ?? 'today';

function trace(s: Scenario): string {
  const e = createEngine(s);
  e.runUntil(defaultHorizon(s));
  return buildReport(e).traceHash;
}

const links: { name: string; made: string; link: string; trace: string }[] = [];
const add = (name: string, s: Scenario, fragment: string) => {
  const t = trace(s);
  links.push({ name, made, link: `#${fragment}&${fingerprintParams(MODEL_VERSION, t)}`, trace: t.slice(0, 8) });
};

for (const g of GALLERY) {
  const r = parseScenario(g.doc);
  if (!r.ok) throw new Error(`${g.id}: ${r.errors[0]}`);
  add(`${g.id} in full`, r.scenario, `${scenarioFragment(r.scenario)}&t=40`);
  add(`${g.id} pinned`, r.scenario, `g=${galleryRef(g.id)}`);
}
const variants: [string, PolicyId, MutationId[]][] = [
  ['seed-attack', 'P3', []],
  ['seed-attack', 'P1', ['device-ignores-reset']],
  ['stale-atc', 'P5', ['skip-atc-inv']],
];
for (const [id, policy, mutations] of variants) {
  const r = parseScenario(GALLERY.find((g) => g.id === id)!.doc);
  if (!r.ok) throw new Error(id);
  const s: Scenario = { ...r.scenario, policy: { ...r.scenario.policy, id: policy, mutations } };
  add(`${id} under ${policy}${mutations.length ? ` with ${mutations.join(', ')}` : ''}`, s, `${scenarioFragment(s)}&t=60&sel=v0`);
}
console.log(JSON.stringify(links, null, 2));
