// Sums the unit (Vitest JSON) and browser (Playwright JSON) results into one line,
// `N passed, M failed`. A suite whose result file is missing counts as one failure, so a run
// that executed no test cannot pass unnoticed.

import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
const read = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null);

const unit = read('test-results/unit-results.json');
if (unit === null) {
  console.log('unit: no results (test-results/unit-results.json missing)');
  failed += 1;
} else {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  console.log(`unit: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed`);
}

const e2e = read('test-results/e2e-results.json');
if (e2e === null) {
  console.log('browser: no results (test-results/e2e-results.json missing)');
  failed += 1;
} else {
  const s = e2e.stats;
  const bad = s.unexpected + s.flaky;
  passed += s.expected;
  failed += bad;
  console.log(`browser: ${s.expected} passed, ${bad} failed${s.skipped ? `, ${s.skipped} skipped` : ''}`);
}

console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
