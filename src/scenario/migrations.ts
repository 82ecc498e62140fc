// Scenario documents are versioned. A document of an older version is brought up to date by the
// migrations, one version step each, when it is read (read.ts, before validation); a newer one is
// refused by the parser.
// Version 1 is the first released version, so the list is empty: the next change to the format
// adds `{ from: 1, to: 2, migrate }` here, a frozen fixture of a v1 document, and a test that the
// fixture migrates and parses (src/scenario/migrations.test.ts).

import { VERSION } from './schema';
import type { FieldError } from './errors';

export interface Migration {
  from: number;
  to: number;
  /** Returns the document in the next version's shape; never mutates its input. */
  migrate(doc: Record<string, unknown>): Record<string, unknown>;
}

export const MIGRATIONS: Migration[] = [];

export type MigrateResult = { ok: true; doc: unknown; from: number } | { ok: false; error: FieldError };

/**
 * Runs the migrations a document needs to reach version `current`; anything that is not an
 * older-version document passes through. A test passes a table and a version of its own.
 */
export function migrate(input: unknown, migrations: readonly Migration[] = MIGRATIONS, current: number = VERSION): MigrateResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: true, doc: input, from: current };
  let doc = input as Record<string, unknown>;
  const from = typeof doc.version === 'number' ? doc.version : current;
  if (!Number.isInteger(from) || from < 1)
    return { ok: false, error: { path: 'version', message: `expected a positive whole number, got ${JSON.stringify(doc.version)}` } };
  let v = from;
  while (v < current) {
    const m = migrations.find((x) => x.from === v);
    if (m === undefined) return { ok: false, error: { path: 'version', message: `no migration from version ${v}` } };
    doc = { ...m.migrate(doc), version: m.to };
    v = m.to;
  }
  return { ok: true, doc, from };
}
