import { describe, expect, it } from 'vitest';
import { createEngine } from '../../sim';
import { parseScenario } from '../../scenario/parse';
import { galleryEntry } from '../../scenario/gallery';
import { buildView } from '../../worker/view';
import { buildEdges, buildNodes } from '../canvas/graph';
import { captionLines, sceneSvg, THEMES, type SceneInput } from './sceneSvg';
import { readSvgPayload, xmlEscape } from './svgMeta';
import { sceneViolations } from './replay';

function sceneAt(tick: number, theme: 'dark' | 'light'): SceneInput {
  const r = parseScenario(galleryEntry('seed-attack')!.doc);
  if (!r.ok) throw new Error(r.errors.join('; '));
  const e = createEngine(r.scenario);
  e.runUntil(tick);
  const view = buildView(e.state);
  return {
    title: r.scenario.title,
    tick,
    tickNs: 100,
    violations: sceneViolations(e.violations),
    nodes: buildNodes(r.scenario).map((n) => ({ id: n.id, kind: n.type!, index: n.data.index, x: n.position.x, y: n.position.y })),
    edges: buildEdges(view),
    view,
    inflight: new Float64Array(0),
    theme,
    payload: 'g=seed-attack@1&t=' + tick,
  };
}

describe('the scene as SVG', () => {
  it('draws every node with its name, and the caption strip with the title and tick', () => {
    const input = sceneAt(10, 'dark');
    const svg = sceneSvg(input);
    for (const n of input.nodes) expect(svg).toContain(`data-node="${n.id}"`);
    for (const e of input.view.endpoints.slice(2)) expect(svg).toContain(`>${xmlEscape(e.name)}</tspan>`);
    expect(svg).toContain('data-caption');
    expect(svg).toContain(`${xmlEscape(input.title)} — tick 10 (1 µs)`);
    expect(svg).toContain('No invariant violated so far.');
    expect(svg).toContain(`fill="${THEMES.dark.bg}"`);
    expect(readSvgPayload(svg)).toBe('g=seed-attack@1&t=10');
  });

  it('names the violated invariants in the caption, in the light theme’s colours', () => {
    const input = sceneAt(400, 'light');
    expect(input.violations.length).toBeGreaterThan(0);
    const svg = sceneSvg(input, 2);
    expect(svg).toContain(`fill="${THEMES.light.bg}"`);
    expect(svg).toContain(`fill="${THEMES.light.danger}"`);
    expect(svg).not.toContain(`fill="${THEMES.dark.node}"`);
    const first = input.violations[0];
    expect(svg).toContain(`${first.number} at tick ${first.t}`);
    expect(captionLines(input)[1]).toMatch(new RegExp(`^${first.number} at tick ${first.t}: `));
    // 2× doubles the size and keeps the drawing's coordinates.
    const one = /width="(\d+)" height="(\d+)" viewBox="0 0 (\d+) (\d+)"/.exec(sceneSvg(input))!;
    const two = /width="(\d+)" height="(\d+)" viewBox="0 0 (\d+) (\d+)"/.exec(svg)!;
    expect(Number(two[1])).toBe(2 * Number(one[1]));
    expect(two[3]).toBe(one[3]);
  });

  it('draws the latest violation’s path, its page ringed, its reason, and the SMMU entry that let it through', () => {
    expect(sceneSvg(sceneAt(10, 'dark'))).not.toContain('data-danger');
    const input = sceneAt(77, 'dark');
    const leak = input.violations.at(-1)!;
    expect(leak.number).toBe('I1b');
    const svg = sceneSvg(input);
    const danger = /<g data-danger="I1b">([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? '';
    // Device, into the SMMU, out of it, to the page: four points, dashed in the danger colour.
    expect(danger).toMatch(new RegExp(`<path d="M[\\d. ]+( L[\\d. ]+){3}" fill="none" stroke="${THEMES.dark.danger}"`));
    expect(danger).toContain(`<rect x=`);
    expect(danger).toContain(xmlEscape(`⚠ I1b at tick 77 · ${leak.path!.summary}`));
    expect(svg).toContain(`font-weight="600" xml:space="preserve">⚠ via TLB VMID 2 → 0x90000000</text>`);
    // The SMMU lists its TLB by VMID, as the canvas does.
    expect(svg).toMatch(/> {2}VMID 1: 4 entries</);
  });

  it('draws a violation without a path from its device into the SMMU, its message under the device', () => {
    const input = sceneAt(49, 'light');
    const last = input.violations.at(-1)!;
    expect([last.number, last.path]).toEqual(['I10', null]);
    const svg = sceneSvg(input);
    const danger = /<g data-danger="I10">([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? '';
    expect(danger).toMatch(new RegExp(`<path d="M[\\d. ]+ L[\\d. ]+" fill="none" stroke="${THEMES.light.danger}"`));
    expect(danger).toContain('⚠ I10 at tick 49 · ');
    expect(svg).not.toContain('⚠ via');
  });

  it('gives the same text for the same moment', () => {
    expect(sceneSvg(sceneAt(120, 'dark'))).toBe(sceneSvg(sceneAt(120, 'dark')));
  });

  it('draws a transaction in flight in the colour of who programmed it', () => {
    const input = sceneAt(10, 'dark');
    const tx = new Float64Array(11);
    tx[1] = 0; // device 0
    tx[2] = 2; // programmed by the first endpoint
    tx[3] = 0; // issued
    tx[4] = 0;
    tx[5] = 20;
    tx[10] = 1; // a write
    const svg = sceneSvg({ ...input, inflight: tx });
    expect(svg).toMatch(/<circle cx="[\d.]+" cy="[\d.]+" r="5" fill="#4f9dff"\/>/);
    expect(sceneSvg(input)).not.toContain('<circle');
  });
});
