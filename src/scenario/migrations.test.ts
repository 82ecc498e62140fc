// The migration pipeline, and frozen documents of every released format version: each must still
// open, unchanged in meaning, in this version of the app.

import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrate, MIGRATIONS, type Migration } from './migrations';
import { parseScenario } from './parse';
import { VERSION } from './schema';

const FIXTURES = join(import.meta.dirname, 'fixtures');

describe('released versions still open', () => {
  const versions = readdirSync(FIXTURES);
  it('there is a fixture folder for every released version', () => {
    for (let v = 1; v <= VERSION; v++) expect(versions).toContain(`v${v}`);
  });
  for (const v of versions)
    for (const file of readdirSync(join(FIXTURES, v)))
      it(`${v}/${file} migrates and parses`, () => {
        const doc = JSON.parse(readFileSync(join(FIXTURES, v, file), 'utf8'));
        const m = migrate(doc);
        expect(m.ok).toBe(true);
        const r = parseScenario(m.ok ? m.doc : null);
        expect(r.ok ? [] : r.errors).toEqual([]);
      });
});

describe('the pipeline', () => {
  it('every registered migration steps one version up, in a chain ending at the current version', () => {
    MIGRATIONS.forEach((m, i) => {
      expect(m.to).toBe(m.from + 1);
      if (i > 0) expect(m.from).toBe(MIGRATIONS[i - 1].to);
    });
    if (MIGRATIONS.length > 0) expect(MIGRATIONS[MIGRATIONS.length - 1].to).toBe(VERSION);
  });

  // A made-up v1 → v2 → v3 chain exercises the runner itself.
  const chain: Migration[] = [
    { from: 1, to: 2, migrate: (d) => ({ ...d, renamed: d.old, old: undefined }) },
    { from: 2, to: 3, migrate: (d) => ({ ...d, added: true }) },
  ];

  it('runs every step from the document version to the current one', () => {
    const r = migrate({ version: 1, old: 'x' }, chain, 3);
    expect(r).toEqual({ ok: true, from: 1, doc: { version: 3, renamed: 'x', old: undefined, added: true } });
  });

  it('leaves a current document alone and does not mutate its input', () => {
    const input = { version: 2, old: 'y' };
    const r = migrate(input, chain, 3);
    expect(input).toEqual({ version: 2, old: 'y' });
    expect(r.ok && (r.doc as { added: boolean }).added).toBe(true);
    expect(migrate({ version: 3 }, chain, 3)).toEqual({ ok: true, from: 3, doc: { version: 3 } });
  });

  it('names a gap in the chain and a nonsense version', () => {
    expect(migrate({ version: 1 }, [chain[1]], 3)).toEqual({
      ok: false,
      error: { path: 'version', message: 'no migration from version 1' },
    });
    expect(migrate({ version: 0 }, chain, 3)).toEqual({
      ok: false,
      error: { path: 'version', message: 'expected a positive whole number, got 0' },
    });
  });

  it('a newer document passes through, for the parser to refuse with its message', () => {
    const r = migrate({ format: 'dma-handoff/scenario', version: VERSION + 1 });
    expect(r.ok).toBe(true);
    const p = parseScenario(r.ok ? r.doc : null);
    expect(p.ok ? '' : p.errors[0]).toMatch(/newer than this app/);
  });
});
