// Prints the share link of every gallery scenario with its length (the budget is 2,000 characters,
// beyond which some chat tools cut links), and the longest counterexample link the explorer gives
// for it (deviation bound 2, 400 schedules): the scenario's link with `&x=<choices>`. Exit status 1
// if one is over.

import { GALLERY } from '../src/scenario/gallery';
import { parseScenario } from '../src/scenario/parse';
import { encodeScenario, LINK_WARN_CHARS } from '../src/scenario/codec';
import { defaultHorizon } from '../src/scenario/horizon';
import { explore } from '../src/sim';

let over = 0;
for (const g of GALLERY) {
  const r = parseScenario(g.doc);
  if (!r.ok) throw new Error(`${g.id}: ${r.errors[0]}`);
  const fragment = `#s=${encodeScenario(r.scenario)}`;
  const found = explore(r.scenario, { horizon: defaultHorizon(r.scenario), maxDeviations: 2, budget: 400 }).counterexamples;
  const x = found.reduce((a, c) => (c.choices.length > a.length ? c.choices : a), '');
  const cx = x === '' ? '' : `${fragment}&x=${x}`;
  if (fragment.length > LINK_WARN_CHARS || cx.length > LINK_WARN_CHARS) over++;
  const cxText =
    x === '' ? 'no counterexample' : `counterexample ${cx.length} (&x=${x}; #g=${g.id}&x=…: ${4 + g.id.length + 3 + x.length})`;
  console.log(`${g.id.padEnd(20)} ${String(fragment.length).padStart(5)}  (gallery link #g=${g.id}: ${4 + g.id.length})  ${cxText}`);
}
console.log(over === 0 ? `all ${GALLERY.length} within ${LINK_WARN_CHARS} characters` : `${over} over ${LINK_WARN_CHARS} characters`);
process.exitCode = over === 0 ? 0 : 1;
