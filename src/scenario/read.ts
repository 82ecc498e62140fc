// The one way into a scenario: whatever a document comes from — a link, a file or pasted text, the
// autosave, My scenarios, the gallery, the CLI — it is migrated to the current format version
// (migrations.ts), then validated and normalised (parse.ts). Saved work and shared work therefore
// open by the same rules, and a change of format reaches them all at once. Never throws.

import type { Scenario } from '../sim';
import { MIGRATIONS, migrate, type Migration, type MigrateResult } from './migrations';
import { checkDocument } from './parse';
import { VERSION, type ScenarioDocument } from './schema';
import type { FieldError } from './errors';

export { errorText, type FieldError } from './errors';

/**
 * The format documents are read into. Both default to the real ones; a test supplies its own to
 * open documents through a format version that does not exist yet.
 */
export interface ReadOptions {
  migrations?: readonly Migration[];
  /** The current format version: older documents are migrated up to it, newer ones refused. */
  version?: number;
}

export interface ReadOk {
  ok: true;
  scenario: Scenario;
  /** The document after migration, as written (defaults absent, addresses as hex strings). */
  document: ScenarioDocument;
  /** The version the document was written in. */
  from: number;
  warnings: string[];
}

export interface ReadFailure {
  ok: false;
  /** Where reading stopped: the text is not JSON, no migration applies, or the document is invalid. */
  stage: 'json' | 'migrate' | 'validate';
  errors: FieldError[];
}

export type ReadResult = ReadOk | ReadFailure;

/** Reads a parsed JSON value. */
export function readDocument(input: unknown, options: ReadOptions = {}): ReadResult {
  const version = options.version ?? VERSION;
  let m: MigrateResult;
  try {
    m = migrate(input, options.migrations ?? MIGRATIONS, version);
  } catch (e) {
    // A migration meets documents of any shape; one that trips over a malformed one refuses it.
    return { ok: false, stage: 'migrate', errors: [{ path: '', message: `could not migrate the scenario: ${messageOf(e)}` }] };
  }
  if (!m.ok) return { ok: false, stage: 'migrate', errors: [m.error] };
  const r = checkDocument(m.doc, version);
  if (!r.ok) return { ok: false, stage: 'validate', errors: r.errors };
  return { ok: true, scenario: r.scenario, document: r.document, from: m.from, warnings: r.warnings };
}

/** Reads JSON text: a file, a paste, a decompressed link. */
export function readDocumentText(text: string, options: ReadOptions = {}): ReadResult {
  let input: unknown;
  try {
    // A byte-order mark (some editors write one) is not part of the document.
    input = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, stage: 'json', errors: [{ path: '', message: `not JSON: ${messageOf(e)}` }] };
  }
  return readDocument(input, options);
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
