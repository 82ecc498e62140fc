// The CLI's replay of a counterexample's choice list (`sim run --choices`): the trace hash the app's
// tests hold its own run of the same link to (src/store/counterexample.test.ts,
// src/worker/takenChoices.test.ts, e2e/counterexample.spec.ts), so a change to either side shows.

import { describe, expect, it } from 'vitest';
import { decodeChoices } from '../sim';
import { galleryScenario } from '../testing/scenarios';
import { runReport } from './commands';

describe('sim run --choices', () => {
  it('replays seed-attack’s counterexample of I1 (&x=2-8) with the trace the app shows', () => {
    const d = decodeChoices('2-8');
    if (!d.ok) throw new Error(d.message);
    const r = runReport(galleryScenario('seed-attack'), 600, false, d.deviations);
    expect(r.traceHash).toBe('39f51abee7df2eb9');
    expect(r.violations[0]).toMatchObject({ number: 'I1', t: 47 });
    expect(runReport(galleryScenario('seed-attack'), 600, false).traceHash).toBe('354e568c35d056f6');
  });
});
