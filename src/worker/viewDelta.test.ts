// Views cross from the worker as deltas (viewDelta.ts): the page must end up with exactly the view
// the engine built, keep every unchanged part as the object it already has, and receive much less
// than the whole view while a large system plays.

import { describe, expect, it } from 'vitest';
import { Server } from './serve';
import type { Frame, Response } from './protocol';
import { diff, patch, ViewDecoder, ViewEncoder, type WireFrame } from './viewDelta';
import { parseScenario } from '../scenario/parse';
import { galleryEntry } from '../scenario/gallery';
import { stressDocument } from '../scenario/stress';
import type { Scenario } from '../sim';

function parse(doc: unknown): Scenario {
  const r = parseScenario(doc);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.scenario;
}

/** The frames a server answers to these requests, in order. */
function run(scenario: Scenario, requests: Parameters<Server['handle']>[0][]): Frame[] {
  const server = new Server();
  const out: Response[] = server.handle({ type: 'load', scenario, at: 0, playing: false });
  for (const q of requests) out.push(...server.handle(q));
  return out.filter((r): r is Frame => r.type === 'frame');
}

/** Each response through the worker's encoder, a structured clone (the worker's postMessage) and the page's decoder. */
function transport(rs: Response[]): Response[] {
  const enc = new ViewEncoder();
  const dec = new ViewDecoder();
  return rs.map((r) => dec.decode(structuredClone(enc.encode(r))));
}

describe('views as deltas', () => {
  it('the page rebuilds every view of a run exactly, through seeks, steps and frames without a view', () => {
    const sent = run(parse(galleryEntry('seed-attack')!.doc), [
      { type: 'seek', t: 40 },
      { type: 'step', unit: 'event' },
      { type: 'step', unit: 'tick' },
      { type: 'seek', t: 12 },
      { type: 'play' },
      { type: 'frame', ms: 16 },
      { type: 'pause' },
      { type: 'seek', t: 300 },
      { type: 'seek', t: 300 },
    ]);
    expect(sent.some((f) => f.view === null)).toBe(true); // Play's frame leaves the view out
    const got = transport(sent) as Frame[];
    expect(got.map((f) => f.view)).toEqual(sent.map((f) => f.view));
    expect(got.map((f) => f.clock)).toEqual(sent.map((f) => f.clock));
  });

  it('an unchanged part is the object the page already has; only the path to a change is new', () => {
    const [, before, after] = transport(
      run(parse(galleryEntry('seed-attack')!.doc), [
        { type: 'seek', t: 40 },
        { type: 'seek', t: 41 },
      ]),
    ) as Frame[];
    const a = before.view!;
    const b = after.view!;
    expect(b).not.toBe(a);
    expect(b.endpoints).toBe(a.endpoints);
    expect(b.regions).toBe(a.regions);
    const changed = b.pages.filter((p, i) => p !== a.pages[i]).length;
    expect(changed).toBeLessThan(b.pages.length);
    b.pages.forEach((p, i) => {
      if (p === a.pages[i]) return;
      expect(p).not.toEqual(a.pages[i]); // a new object only where something changed
    });
  });

  it('a frame of the stress scenario while it plays carries a small part of its view', () => {
    const sent = run(parse(stressDocument()), [
      { type: 'seek', t: 300 },
      { type: 'seek', t: 305 },
    ]);
    const enc = new ViewEncoder();
    const sizes = sent.map((f) => JSON.stringify((enc.encode(f) as WireFrame).delta).length);
    const whole = sent.map((f) => JSON.stringify(f.view).length);
    expect(sizes[0]).toBeGreaterThan(whole[0]); // the first view a page gets is whole
    expect(whole[2]).toBeGreaterThan(50_000);
    expect(sizes[2]).toBeLessThan(whole[2] / 20); // five ticks later: outstanding counts and counters
  });

  it('handles a change of shape: longer and shorter arrays, keys added and removed, values replaced', () => {
    const cases: [unknown, unknown][] = [
      [{ a: [1, 2, 3] }, { a: [1, 2, 3, 4] }],
      [{ a: [1, 2, 3] }, { a: [1] }],
      [{ a: [1, 2, 3] }, { a: [] }],
      [{ a: 1 }, { a: 1, b: 2 }],
      [{ a: 1, b: 2 }, { a: 1 }],
      [
        { a: 1, b: 2 },
        { a: 1, c: 2 },
      ],
      [{ a: { x: 1 } }, { a: [1] }],
      [{ a: null }, { a: { x: [1, { y: 2 }] } }],
      [{ a: new Float64Array([1, 2]) }, { a: new Float64Array([1, 3]) }],
      [null, { a: 1 }],
      [
        { t: NaN, z: 0 },
        { t: NaN, z: -0 },
      ],
    ];
    for (const [prev, next] of cases) {
      expect(patch(structuredClone(prev), structuredClone(diff(prev, next)))).toEqual(next);
    }
    expect(diff({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBeNull();
  });
});
