// A caption's camera: optional, so old documents stay valid; checked when present; carried by links
// and files; and no part of the run (the trace hash is the same with or without one).

import { describe, expect, it } from 'vitest';
import { readDocument } from './read';
import { galleryEntry } from './gallery';
import { decodeFragment, scenarioFragment } from './codec';
import { toDocument } from './document';
import { createEngine, type Scenario } from '../sim';

const seed = galleryEntry('seed-attack')!.doc;
const read = (doc: unknown): Scenario => {
  const r = readDocument(doc);
  if (!r.ok) throw new Error(r.errors[0].message);
  return r.scenario;
};
const hashOf = (s: Scenario) => {
  const e = createEngine(s);
  e.runUntil(300);
  return e.traceHash();
};
const camera = { x: 420, y: 180, zoom: 1.6 };
const withCamera = { ...seed, captions: (seed.captions as { at: number; text: string }[]).map((c, i) => (i === 1 ? { ...c, camera } : c)) };

describe('a caption’s camera', () => {
  it('is optional: a caption without one reads as before', () => {
    expect(read(seed).captions.every((c) => c.camera === undefined)).toBe(true);
  });

  it('is read, and travels in links and files', () => {
    const s = read(withCamera);
    expect(s.captions[1].camera).toEqual(camera);
    const d = decodeFragment(`#${scenarioFragment(s)}`);
    expect(d?.ok && d.scenario.captions[1].camera).toEqual(camera);
    expect(read(JSON.parse(JSON.stringify(toDocument(s)))).captions[1].camera).toEqual(camera);
  });

  it('is refused when it is not a view', () => {
    for (const bad of [
      { x: 1, y: 2 },
      { x: 1, y: 2, zoom: 0 },
      { x: 'a', y: 2, zoom: 1 },
      { ...camera, extra: 1 },
    ]) {
      const r = readDocument({ ...seed, captions: [{ at: 1, text: 'x', camera: bad }] });
      expect(r.ok, JSON.stringify(bad)).toBe(false);
    }
  });

  it('does not change the run', () => {
    expect(hashOf(read(withCamera))).toBe(hashOf(read(seed)));
  });
});
