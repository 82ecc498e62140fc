// Prints the share link of every gallery scenario with its length (the budget is 2,000 characters,
// beyond which some chat tools cut links). Exit status 1 if one is over.

import { GALLERY } from '../src/scenario/gallery';
import { parseScenario } from '../src/scenario/parse';
import { encodeScenario, LINK_WARN_CHARS } from '../src/scenario/codec';

let over = 0;
for (const g of GALLERY) {
  const r = parseScenario(g.doc);
  if (!r.ok) throw new Error(`${g.id}: ${r.errors[0]}`);
  const fragment = `#s=${encodeScenario(r.scenario)}`;
  if (fragment.length > LINK_WARN_CHARS) over++;
  console.log(`${g.id.padEnd(20)} ${String(fragment.length).padStart(5)}  (gallery link #g=${g.id}: ${4 + g.id.length})`);
}
console.log(over === 0 ? `all ${GALLERY.length} within ${LINK_WARN_CHARS} characters` : `${over} over ${LINK_WARN_CHARS} characters`);
process.exitCode = over === 0 ? 0 : 1;
