// From an untrusted document (a link, a file, a paste, a gallery entry) to the engine's Scenario:
// shape and ranges (schema.ts), references (refs.ts), then the normalisation the engine relies on
// (every field filled, addresses as numbers, the script in time order). Never throws.

import type { z } from 'zod';
import type { Scenario } from '../sim';
import { FORMAT, VERSION, documentSchema, type ParsedDocument } from './schema';
import { checkRefs } from './refs';

export type ParseResult = { ok: true; scenario: Scenario; warnings: string[] } | { ok: false; errors: string[] };

/** More than this many problems are summarised: the first ones are what a user fixes first. */
const MAX_ERRORS = 20;

export function parseScenarioJson(text: string): ParseResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`not JSON: ${(e as Error).message}`] };
  }
  return parseScenario(doc);
}

export function parseScenario(input: unknown): ParseResult {
  try {
    return parseUnsafe(input);
  } catch (e) {
    // The schema and checks are total; this is a last line so that bad input can never crash a caller.
    return { ok: false, errors: [`could not read the scenario: ${(e as Error).message}`] };
  }
}

function parseUnsafe(input: unknown): ParseResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, errors: ['a scenario is a JSON object'] };
  const head = input as Record<string, unknown>;
  if (head.format !== FORMAT) return { ok: false, errors: [`format: expected "${FORMAT}", got ${describe(head.format)}`] };
  if (typeof head.version === 'number' && head.version > VERSION)
    return {
      ok: false,
      errors: [
        `version: this scenario is format version ${head.version}, newer than this app understands (${VERSION}); open it in a newer DMA Handoff`,
      ],
    };
  const r = documentSchema.safeParse(input);
  if (!r.success) return fail(r.error.issues.map((i) => formatIssue(i, input)));
  const doc = structuredClone(r.data);
  const refs = checkRefs(doc);
  if (refs.errors.length > 0) return fail(refs.errors);
  return { ok: true, scenario: normalise(doc), warnings: refs.warnings };
}

function fail(errors: string[]): ParseResult {
  if (errors.length <= MAX_ERRORS) return { ok: false, errors };
  return { ok: false, errors: [...errors.slice(0, MAX_ERRORS), `… and ${errors.length - MAX_ERRORS} more problems`] };
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

function formatIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const path = formatPath(issue.path);
  const prefix = path === '' ? '' : `${path}: `;
  const value = at(input, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return `${prefix}unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_union': {
      // A discriminated union fails on its tag ("op" of a script operation, "kind" of a step).
      const last = issue.path[issue.path.length - 1];
      if (last === 'op' || last === 'kind') return `${prefix}unknown ${last === 'op' ? 'operation' : 'step'} ${describe(value)}`;
      return `${prefix}expected an operation object, got ${describe(value)}`;
    }
    case 'invalid_type':
      if (value === undefined) return `${prefix}required`;
      return `${prefix}expected ${issue.expected}, got ${describe(value)}`;
    case 'invalid_value':
      return `${prefix}expected ${issue.values.map((v) => JSON.stringify(v)).join(' | ')}, got ${describe(value)}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `${prefix}needs at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`
        : `${prefix}must be ≥ ${issue.minimum}, got ${describe(value)}`;
    case 'too_big':
      return issue.origin === 'array' || issue.origin === 'string'
        ? `${prefix}longer than ${issue.maximum} ${issue.origin === 'string' ? 'characters' : 'items'}`
        : `${prefix}must be ≤ ${issue.maximum}, got ${describe(value)}`;
    default:
      return `${prefix}${issue.message}`;
  }
}
