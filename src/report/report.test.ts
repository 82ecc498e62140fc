// A run's report: what it says of the seed's attack (verdicts, liveness, each violation with a link
// to its moment, the timeline with hypervisor steps), in Markdown and in HTML, and that the
// scenario's own text cannot break out of either.

import { describe, expect, it } from 'vitest';
import { createEngine, type Scenario } from '../sim';
import { galleryScenario } from '../testing/scenarios';
import { reportOf, systemText } from './model';
import { reportMarkdown } from './markdown';
import { reportHtml } from './html';

const seed = (): Scenario => galleryScenario('seed-attack');

function run(s: Scenario, until = 600) {
  const e = createEngine(s);
  e.runUntil(until);
  return e;
}

describe('reportOf', () => {
  it('gathers the seed attack: its violations in order, each linked to its tick and index', () => {
    const r = reportOf(run(seed()), { galleryId: 'seed-attack', base: 'https://example.org/app/' });
    expect(r.link).toBe('https://example.org/app/#g=seed-attack@1&model=1&trace=354e568c');
    expect(r.violations.map((v) => v.number)).toEqual(['I7', 'I10', 'I1b']);
    expect(r.violations[2].link).toBe('https://example.org/app/#g=seed-attack@1&model=1&trace=354e568c&t=77&sel=v2');
    expect(r.verdicts.find((v) => v.number === 'I1b')).toMatchObject({ violated: true, firstAt: 77, count: 107 });
    expect(r.verdicts.find((v) => v.number === 'I1')).toMatchObject({ violated: false, firstAt: null });
    expect(r.keyMoment).toBe(49);
    expect(r.works).toBe(true);
    expect(systemText(r.system)).toBe('2 endpoints, 1 device, 2 regions (8 pages)');
  });

  it('carries a counterexample’s timing in every link and says so', () => {
    // `&x=2-8`: the CLI explorer's counterexample of I1 in the seed's attack under P0.
    const e = createEngine(seed(), { deviations: new Map([[2, 8]]) });
    e.runUntil(600);
    const r = reportOf(e, { galleryId: 'seed-attack', choices: '2-8' });
    expect(r.link).toBe('#g=seed-attack@1&x=2-8&model=1&trace=39f51abe');
    expect(r.violations[0].link).toBe('#g=seed-attack@1&x=2-8&model=1&trace=39f51abe&t=47&sel=v0');
    expect(reportMarkdown(r)).toContain("trace `39f51abee7df2eb9`; a counterexample's timing, choices `2-8` differ from the default run");
    expect(reportHtml(r)).toContain("a counterexample's timing, choices <code>2-8</code> differ from the default run");
    expect(reportMarkdown(reportOf(run(seed())))).not.toContain('counterexample');
  });

  it('carries an edited scenario in the link, and under P1 finds no I1b', () => {
    const s = seed();
    const p1 = { ...s, policy: { ...s.policy, id: 'P1' as const } };
    const r = reportOf(run(p1));
    expect(r.link.startsWith('#s=') || r.link.startsWith('#z=')).toBe(true);
    expect(r.verdicts.find((v) => v.number === 'I1b')?.violated).toBe(false);
    expect(r.policy.id).toBe('P1');
  });
});

describe('reportMarkdown', () => {
  const md = reportMarkdown(reportOf(run(seed()), { galleryId: 'seed-attack', image: { src: 'moment.png', alt: 'the leak at t=77' } }));

  it('has the sections a design document needs, in order', () => {
    const heads = md.split('\n').filter((l) => l.startsWith('#'));
    expect(heads).toEqual(["# The seed's attack", '## Verdicts', '## Liveness', '## Violations', '## Timeline']);
  });

  it('tables every invariant, marks the violated ones, and links each violation to its moment', () => {
    expect(md).toContain('| I1b | **violated** | t=77 | 107 |');
    expect(md).toContain('| I1 | holds |');
    expect(md).toMatch(
      /- \*\*I1b\*\* at t=77 \(device X, page 0x90000000\), 107 times: .* — \[open this moment\]\(#g=seed-attack@1&model=1&trace=354e568c&t=77&sel=v2\)/,
    );
    expect(md).toContain('| transfer | X | P | t=40 | done t=52');
    expect(md).toContain('![the leak at t=77](moment.png)');
  });

  it('lists the operations with their hypervisor steps', () => {
    expect(md).toContain('- t=40 **transfer X → P** — done t=52');
    expect(md).toContain('  - t=43 sync');
  });

  it('keeps a title or name with pipes and line breaks on its line', () => {
    const s = { ...seed(), title: 'a | b\nc' };
    const text = reportMarkdown(reportOf(run(s)));
    expect(text.split('\n')[0]).toBe('# a \\| b c');
  });
});

describe('reportHtml', () => {
  it('escapes the scenario text and links every violation', () => {
    const s = { ...seed(), title: '<script>alert(1)</script>', description: 'x & "y"' };
    const html = reportHtml(reportOf(run(s), { base: 'https://example.org/' }));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('x &amp; &quot;y&quot;');
    expect(html.match(/&amp;t=\d+&amp;sel=v\d+/g)).toHaveLength(3);
    expect(html.startsWith('<!doctype html>')).toBe(true);
  });
});
