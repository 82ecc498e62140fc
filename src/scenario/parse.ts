// The validation step of reading a document (read.ts): from a document in the current format to
// the engine's Scenario — shape and ranges (schema.ts), references (refs.ts), custom policy steps
// that can never act (customPolicy.ts), then the normalisation the engine and the canvas rely on
// (every field filled, addresses as numbers, the script in time order, node positions within
// reach). Never throws. Anything from outside the app reaches this through readDocument, which
// migrates older documents first.

import { z } from 'zod';
import type { Scenario } from '../sim';
import { FORMAT, VERSION, documentSchema, type ParsedDocument, type ScenarioDocument } from './schema';
import { checkRefs } from './refs';
import { checkCustomPolicy } from './customPolicy';
import { errorText, type FieldError } from './errors';

export type Checked =
  { ok: true; scenario: Scenario; document: ScenarioDocument; warnings: string[] } | { ok: false; errors: FieldError[] };
export type ParseResult = { ok: true; scenario: Scenario; warnings: string[] } | { ok: false; errors: string[] };

/** More than this many problems are summarised: the first ones are what a user fixes first. */
const MAX_ERRORS = 20;

/**
 * Validates a document of the current format, whose version number is `version` (a test of
 * migrations stands a later version of this shape in for the current one).
 */
export function checkDocument(input: unknown, version: number = VERSION): Checked {
  try {
    return checkUnsafe(input, version);
  } catch (e) {
    // The schema and checks are total; this is a last line so that bad input can never crash a caller.
    return { ok: false, errors: [{ path: '', message: `could not read the scenario: ${e instanceof Error ? e.message : String(e)}` }] };
  }
}

/**
 * checkDocument with its errors as text, for documents already in the current format: those the
 * app's own edits make, and those tests write.
 */
export function parseScenario(input: unknown): ParseResult {
  const r = checkDocument(input);
  return r.ok ? { ok: true, scenario: r.scenario, warnings: r.warnings } : { ok: false, errors: r.errors.map(errorText) };
}

/** The schema of documents of format version `version`: the current one, or a stand-in with its shape. */
const schemaOf = (version: number): typeof documentSchema =>
  version === VERSION ? documentSchema : (documentSchema.extend({ version: z.literal(version) }) as typeof documentSchema);

function checkUnsafe(input: unknown, version: number): Checked {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return fail([{ path: '', message: 'a scenario is a JSON object' }]);
  const head = input as Record<string, unknown>;
  if (head.format !== FORMAT) return fail([{ path: 'format', message: `expected "${FORMAT}", got ${describe(head.format)}` }]);
  if (typeof head.version === 'number' && head.version > version)
    return fail([
      {
        path: 'version',
        message: `this scenario is format version ${head.version}, newer than this app understands (${version}); open it in a newer DMA Handoff`,
      },
    ]);
  const r = schemaOf(version).safeParse(input);
  if (!r.success) return fail(r.error.issues.map((i) => formatIssue(i, input)));
  const doc = structuredClone(r.data);
  const refs = checkRefs(doc);
  const errors = [...refs.errors, ...checkCustomPolicy(doc.policy)];
  if (errors.length > 0) return fail(errors);
  const warnings = [...refs.warnings, ...clampLayout(doc.layout)];
  // The schema accepted the input: it is a document as written (the schema's input type).
  return { ok: true, scenario: normalise(doc), document: input as ScenarioDocument, warnings };
}

function fail(errors: FieldError[]): Checked {
  if (errors.length <= MAX_ERRORS) return { ok: false, errors };
  return {
    ok: false,
    errors: [...errors.slice(0, MAX_ERRORS), { path: '', message: `… and ${errors.length - MAX_ERRORS} more problems` }],
  };
}

/**
 * How far from the origin a node may sit on the canvas: far beyond any layout a user drags or the
 * app arranges, and well within what a browser can place (its layout positions end near ±3.3e7 px;
 * with a node at ±1e300 the canvas draws nothing).
 */
export const LAYOUT_LIMIT = 1e6;

/** Clamps the layout's coordinates to ±LAYOUT_LIMIT in place; a warning names each position moved. */
function clampLayout(layout: ParsedDocument['layout']): string[] {
  const warnings: string[] = [];
  const clamp = (v: number) => Math.max(-LAYOUT_LIMIT, Math.min(LAYOUT_LIMIT, v));
  for (const [key, [x, y]] of Object.entries(layout)) {
    if (clamp(x) === x && clamp(y) === y) continue;
    layout[key] = [clamp(x), clamp(y)];
    warnings.push(
      `layout.${key}: [${x}, ${y}] is off the canvas; placed at [${clamp(x)}, ${clamp(y)}] (coordinates are kept within ±${LAYOUT_LIMIT})`,
    );
  }
  return warnings;
}

function normalise(doc: ParsedDocument): Scenario {
  return {
    ...doc,
    endpoints: doc.endpoints.map((e) => ({ ...e, name: e.name ?? e.id })),
    memory: doc.memory.map((r) => ({ ...r, ipa: r.ipa ?? r.pa, name: r.name ?? r.id })),
    devices: doc.devices.map((d) => ({ ...d, name: d.name ?? d.id, group: d.group ?? d.id })),
    // Stable: operations at the same tick keep the order the user wrote them in.
    script: doc.script
      .map((o, i) => ({ o, i }))
      .sort((a, b) => a.o.at - b.o.at || a.i - b.i)
      .map((x) => x.o) as Scenario['script'],
    captions: [...doc.captions].sort((a, b) => a.at - b.at),
  };
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const k of path) out += typeof k === 'number' ? `[${k}]` : out === '' ? String(k) : `.${String(k)}`;
  return out;
}

function at(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const k of path) v = typeof v === 'object' && v !== null ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  const s = JSON.stringify(v);
  return s.length > 40 ? s.slice(0, 40) + '…' : s;
}

function formatIssue(issue: z.core.$ZodIssue, input: unknown): FieldError {
  return { path: formatPath(issue.path), message: issueMessage(issue, at(input, issue.path)) };
}

function issueMessage(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'unrecognized_keys': {
      const shown = issue.keys.slice(0, 3).map((k) => describe(k));
      const more = issue.keys.length > 3 ? ` and ${issue.keys.length - 3} more` : '';
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${shown.join(', ')}${more}`;
    }
    case 'invalid_union': {
      // A discriminated union fails on its tag ("op" of a script operation, "kind" of a step).
      const last = issue.path[issue.path.length - 1];
      if (last === 'op' || last === 'kind') return `unknown ${last === 'op' ? 'operation' : 'step'} ${describe(value)}`;
      return `expected an operation object, got ${describe(value)}`;
    }
    case 'invalid_type':
      if (value === undefined) return 'required';
      return `expected ${issue.expected}, got ${describe(value)}`;
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' | ')}, got ${describe(value)}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `needs at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`
        : `must be ≥ ${issue.minimum}, got ${describe(value)}`;
    case 'too_big':
      return issue.origin === 'array' || issue.origin === 'string'
        ? `longer than ${issue.maximum} ${issue.origin === 'string' ? 'characters' : 'items'}`
        : `must be ≤ ${issue.maximum}, got ${describe(value)}`;
    case 'custom':
      return issue.params?.echo === true ? `${issue.message}, got ${describe(value)}` : issue.message;
    default:
      return issue.message;
  }
}
