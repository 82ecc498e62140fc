// The policies × invariants matrix: each violated cell knows its first violation (tick and index in
// that run's violations, which a link's `sel=v<i>` names), and the Markdown table says it all.

import { describe, expect, it } from 'vitest';
import { compare, livenessText, matrixMarkdown, matrixRow } from './matrix';
import { galleryScenario } from '../testing/scenarios';

describe('compare', () => {
  const m = compare(galleryScenario('seed-attack'), 600);

  it('gives each violated cell its first violation, whose index is that run’s', () => {
    const p0 = m.policies.find((r) => r.policy === 'P0')!;
    expect(m.matrix.P0.I1b).toBe('violated');
    expect(p0.first.I1b).toEqual({ t: 77, index: 2 });
    expect(p0.first.I7).toEqual({ t: 49, index: 0 });
    expect(m.policies.find((r) => r.policy === 'P1')!.first).toEqual({});
  });

  it('runs a row with a counterexample’s timing when given one', () => {
    // `&x=2-8`, the CLI explorer's counterexample of I1 under P0 (`sim run --choices 2-8` gives this trace).
    const cx = matrixRow(galleryScenario('seed-attack'), 'P0', 600, new Map([[2, 8]])).row;
    expect(cx.first.I1).toEqual({ t: 47, index: 0 });
    expect(cx.traceHash).toBe('39f51abee7df2eb9');
    expect(m.policies.find((r) => r.policy === 'P0')!.first.I1).toBeUndefined();
  });

  it('says liveness in words', () => {
    expect(livenessText(m.policies.find((r) => r.policy === 'P1')!)).toBe('works');
    expect(livenessText(m.policies.find((r) => r.policy === 'P7')!)).toBe('1 refused');
    expect(livenessText(m.policies.find((r) => r.policy === 'P2')!)).toBe('1 not finished');
  });

  it('writes a Markdown table: a header, a rule and a row per policy', () => {
    const lines = matrixMarkdown(m).split('\n');
    expect(lines[0]).toBe("**The seed's attack** under every policy, run to t=600");
    expect(lines[2]).toBe('| Policy | I1 | I1b | I2 | I3 | I4 | I5 | I6 | I7 | I8 | I9 | I10 | I11 | I12 | I13 | Liveness |');
    expect(lines.filter((l) => /^\| P\d /.test(l))).toHaveLength(9);
    expect(lines.find((l) => l.startsWith('| P0 '))).toContain('| **violated** t=77 |');
    expect(lines.find((l) => l.startsWith('| P7 '))).toContain('| holds (refused) |');
  });
});
