// readDocument, the one way into a scenario: it reads what validation alone reads, names each
// problem by its field, never throws, and migrates whatever it is given — shown through a made-up
// version 2 for links, files and gallery entries (the autosave and My scenarios: store/library.test.ts).

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readDocument, readDocumentText, type ReadResult } from './read';
import { parseScenario } from './parse';
import { GALLERY } from './gallery';
import { decodeFragment, decodeJson, encodeScenario } from './codec';
import { createEngine, type Scenario } from '../sim';
import { FORMAT_V2, fixtureText } from '../testing/formatV2';

const scenarioOf = (r: ReadResult | ReturnType<typeof decodeJson> | null): Scenario => {
  if (r === null || !r.ok) throw new Error(`not read: ${JSON.stringify(r)}`);
  return r.scenario;
};
const traceHash = (s: Scenario) => {
  const e = createEngine(s);
  e.runUntil(300);
  return e.traceHash();
};
/** What the made-up migration does to a version-1 scenario. */
const migrated = (s: Scenario) => ({ ...s, version: 2, title: `${s.title} (v2)` });

describe('reading a current document', () => {
  it.each(GALLERY.map((g) => [g.id, g.doc]))('gallery %s reads to the scenario validation gives, unmigrated', (_, doc) => {
    const r = readDocument(doc);
    expect(r.ok && { from: r.from, warnings: r.warnings }).toEqual({ from: 1, warnings: [] });
    const p = parseScenario(doc);
    expect(scenarioOf(r)).toEqual(p.ok && p.scenario);
    expect(r.ok && r.document).toBe(doc);
  });

  it('brings a node placed absurdly far back within reach of the canvas, with a warning', () => {
    const doc = { ...GALLERY[0].doc, layout: { A: [1e300, -1e300], X: [-2e6, 40], P: [120, -80] } };
    const r = readDocument(doc);
    expect(r.ok && r.warnings).toEqual([
      'layout.A: [1e+300, -1e+300] is off the canvas; placed at [1000000, -1000000] (coordinates are kept within ±1000000)',
      'layout.X: [-2000000, 40] is off the canvas; placed at [-1000000, 40] (coordinates are kept within ±1000000)',
    ]);
    expect(scenarioOf(r).layout).toEqual({ A: [1e6, -1e6], X: [-1e6, 40], P: [120, -80] });
    // The run is the document's: only where its nodes are drawn changed.
    expect(traceHash(scenarioOf(r))).toBe(traceHash(scenarioOf(readDocument(GALLERY[0].doc))));
  });

  const fixtures = readdirSync(join(import.meta.dirname, 'fixtures/v1'));
  it.each(fixtures)('v1/%s reads as text', (file) => {
    const r = readDocumentText(fixtureText(1, file));
    expect(r.ok ? r.warnings : r.errors).toEqual([]);
  });

  it('names each problem by its field', () => {
    const doc = { ...GALLERY[0].doc, devices: [{ id: 'X', streams: [17], owner: 'Q', colour: 'red' }] };
    expect(readDocument(doc)).toEqual({
      ok: false,
      stage: 'validate',
      errors: [{ path: 'devices[0]', message: 'unknown field "colour"' }],
    });
    expect(readDocument({ ...doc, devices: [{ id: 'X', streams: [17], owner: 'Q' }] })).toEqual({
      ok: false,
      stage: 'validate',
      errors: [{ path: 'devices[0].owner', message: 'no endpoint "Q"' }],
    });
    expect(readDocument([])).toEqual({ ok: false, stage: 'validate', errors: [{ path: '', message: 'a scenario is a JSON object' }] });
    expect(readDocument({ ...GALLERY[0].doc, version: 0 })).toEqual({
      ok: false,
      stage: 'migrate',
      errors: [{ path: 'version', message: 'expected a positive whole number, got 0' }],
    });
    const newer = readDocument({ ...GALLERY[0].doc, version: 2 });
    expect(!newer.ok && newer.errors[0].path).toBe('version');
    expect(!newer.ok && newer.errors[0].message).toMatch(/newer than this app/);
  });

  it('names text that is not JSON', () => {
    const r = readDocumentText('{ broken');
    expect(r.ok ? null : [r.stage, r.errors[0].path]).toEqual(['json', '']);
    expect(r.ok ? '' : r.errors[0].message).toMatch(/^not JSON: /);
  });

  it('reads text that starts with a byte-order mark (pasted from an editor that writes one)', () => {
    const r = readDocumentText('\uFEFF' + JSON.stringify(GALLERY[0].doc));
    expect(r.ok && r.scenario.title).toBe(GALLERY[0].doc.title);
  });

  it('refuses, rather than throws, when a migration trips over a malformed document', () => {
    const trips = () => {
      throw new TypeError("Cannot read properties of undefined (reading 'id')");
    };
    const r = readDocument({ version: 1 }, { version: 2, migrations: [{ from: 1, to: 2, migrate: trips }] });
    expect(r.ok ? null : r.errors).toEqual([
      { path: '', message: "could not migrate the scenario: Cannot read properties of undefined (reading 'id')" },
    ]);
  });

  it('never throws, on any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), (j) => typeof readDocumentText(JSON.stringify(j), FORMAT_V2).ok === 'boolean'));
  });
});

describe('through a made-up version 2, every way in migrates', () => {
  const v1 = scenarioOf(readDocumentText(fixtureText(1, 'seed-attack.full.json')));

  it('readDocument: the document comes out in version 2, saying it was written in version 1', () => {
    const r = readDocumentText(fixtureText(1, 'seed-attack.full.json'), FORMAT_V2);
    expect(r.ok && [r.from, r.document.version, r.document.title]).toEqual([1, 2, "The seed's attack (v2)"]);
    expect(scenarioOf(r)).toEqual(migrated(v1));
    expect(traceHash(scenarioOf(r))).toBe(traceHash(v1));
  });

  it('a link', () => {
    const d = decodeFragment(`#s=${encodeScenario(v1)}&present`, FORMAT_V2);
    expect(d?.ok && d.from).toBe(1);
    expect(scenarioOf(d)).toEqual(migrated(v1));
  });

  it('a file or pasted text', () => {
    const d = decodeJson(fixtureText(1, 'seed-attack.full.json'), FORMAT_V2);
    expect(d.ok && d.document.version).toBe(2);
    expect(scenarioOf(d)).toEqual(migrated(v1));
  });

  it('a gallery link', () => {
    const d = decodeFragment('#g=seed-attack', FORMAT_V2);
    expect(d?.ok && d.galleryId).toBe('seed-attack');
    expect(scenarioOf(d).title).toBe("The seed's attack (v2)");
  });

  it('with no migration from version 1, each is refused with the reason', () => {
    expect(decodeJson(fixtureText(1, 'seed-attack.full.json'), { version: 2, migrations: [] })).toEqual({
      ok: false,
      error: 'Not a valid scenario — version: no migration from version 1',
    });
  });
});
