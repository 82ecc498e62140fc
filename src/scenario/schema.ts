// The scenario document v1 (docs/scenario-format.md) as a schema: shapes, ranges and defaults. References
// between parts of the document (a device's owner, a script's region…) are checked afterwards in
// refs.ts, where the whole document is known. Objects are strict: an unknown field is an error, so
// nothing a user wrote is silently ignored.

import { z } from 'zod';
import { MUTATION_IDS, POLICY_IDS } from '../sim';
import { parseAddress } from './hex';

export const FORMAT = 'dma-handoff/scenario';
export const VERSION = 1;

/**
 * An integer in [min, max], the range docs/scenario-format.md gives the field. Integrality is a
 * refinement rather than zod's `.int()`, which also checks JavaScript's safe-integer range and
 * would name 2^53 − 1 — no limit of the format — for a value like 1e20.
 */
const int = (min: number, max: number) =>
  z
    .number()
    .min(min)
    .max(max)
    .refine(Number.isInteger, { message: 'expected an integer', params: { echo: true }, when: (p) => p.issues.length === 0 });
const tick = int(0, 1e9);
const range = (min: number, max: number) =>
  z
    .tuple([int(min, max), int(min, max)])
    // Only a pair of valid values is compared: one out of range is already the problem to fix.
    .refine(([a, b]) => a <= b, { message: 'the first value must not exceed the second', when: (p) => p.issues.length === 0 });

const address = z.string().transform((text, ctx) => {
  const v = parseAddress(text);
  if (typeof v === 'string') {
    ctx.addIssue({ code: 'custom', message: v });
    return z.NEVER;
  }
  return v;
});

/** Ids name things in links, layout keys and messages: short, no spaces. */
const id = z.string().regex(/^[A-Za-z0-9][\w.-]{0,31}$/, 'an id is 1–32 letters, digits, "_", "-" or "."');
const label = (max: number) => z.string().max(max);

export const timingSchema = z.strictObject({
  issue: int(1, 1000).default(1),
  fabric: int(1, 1000).default(2),
  cfgFetch: int(0, 1000).default(4),
  walkPerLevel: int(0, 1000).default(3),
  walkLevels: int(1, 4).default(3),
  downstream: range(0, 10000).default([2, 8]),
  cmd: int(1, 1000).default(1),
  steWrite: int(0, 1000).default(1),
  // Up to 1e8 ticks: a function-level reset on real PCIe takes 100 ms (10^6 ticks of 100 ns).
  reset: int(0, 1e8).default(20),
  atcInv: range(0, 1e8).default([5, 50]),
  eventDrain: int(1, 100000).default(10),
  atcInvTimeout: int(1, 1e8).default(1000),
  tickNs: int(1, 1e9).default(100),
});

export const smmuSchema = z.strictObject({
  enabled: z.boolean().default(true),
  gbpa: z.enum(['abort', 'bypass']).default('abort'),
  unassigned: z.enum(['abort', 'bypass']).default('abort'),
  atsCheck: z.boolean().default(false),
  recCfgAts: z.boolean().default(false),
  eventQueue: int(1, 65536).default(64),
  cacheRetention: z
    .string()
    .regex(/^(adversarial|lru:[1-9]\d{0,5})$/, 'expected "adversarial" or "lru:N" with N ≥ 1')
    .default('adversarial')
    .transform((v) => v as 'adversarial' | `lru:${number}`),
  freedTables: z.enum(['stale', 'zeroed', 'reused', 'protected']).default('stale'),
});

const tableRef = z.enum(['old', 'new', 'device', 'scratch', 'owner-cpu']);
const whoRef = z.enum(['to', 'from', 'hyp', 'quarantine', 'none']);
const assignState = z.enum(['assigned', 'unassigned', 'held', 'offered', 'quarantined', 'pending-enable', 'lent', 'shared', 'locked']);

export const stepSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('steWrite'),
    valid: z.boolean(),
    config: z.enum(['abort', 'bypass', 's2', 'unassigned']),
    table: tableRef.optional(),
    eats: z.boolean().optional(),
  }),
  z.strictObject({
    kind: z.literal('cmd'),
    // TLBI_ALL is the spelling of documents written before the architecture's CMD_TLBI_NSNH_ALL.
    cmd: z
      .enum(['CFGI_STE', 'CFGI_ALL', 'TLBI_S2_IPA', 'TLBI_S12_VMALL', 'TLBI_NSNH_ALL', 'TLBI_ALL', 'ATC_INV'])
      .transform((c) => (c === 'TLBI_ALL' ? 'TLBI_NSNH_ALL' : c)),
    table: tableRef.optional(),
  }),
  z.strictObject({ kind: z.literal('sync'), completesHandover: z.boolean().optional() }),
  z.strictObject({ kind: z.literal('busMaster'), on: z.boolean() }),
  z.strictObject({ kind: z.literal('reset') }),
  z.strictObject({ kind: z.literal('setOwner'), to: whoRef, state: assignState }),
  z.strictObject({ kind: z.literal('tableCreate'), fill: z.enum(['owner', 'empty', 'shared', 'scratch']), for: whoRef }),
  z.strictObject({ kind: z.literal('tableMap'), region: id, table: tableRef.optional() }),
  z.strictObject({ kind: z.literal('tableUnmap'), pages: z.enum(['revoked', 'all']), table: tableRef.optional() }),
  z.strictObject({ kind: z.literal('tableFree'), table: tableRef }),
  z.strictObject({ kind: z.literal('vmidAlloc'), table: tableRef }),
  z.strictObject({ kind: z.literal('vmidFree'), table: tableRef }),
  z.strictObject({ kind: z.literal('awaitReceiver'), what: z.enum(['accept', 'enable']) }),
  z.strictObject({ kind: z.literal('lock') }),
  z.strictObject({ kind: z.literal('measure') }),
  z.strictObject({ kind: z.literal('start') }),
  z.strictObject({ kind: z.literal('ffaCommit') }),
]);

const policyOp = z.enum([
  'assign',
  'transfer',
  'lend',
  'reclaim',
  'relinquish',
  'share',
  'unassign',
  'abort',
  'accept',
  'enable',
  'revoke',
]);

export const policySchema = z
  .strictObject({
    id: z.enum([...POLICY_IDS, 'custom']).default('P0'),
    mutations: z
      .array(z.enum(MUTATION_IDS))
      .default([])
      .refine((m) => new Set(m).size === m.length, 'a mutation is listed twice'),
    dmaCoupled: z.boolean().default(false),
    custom: z
      .strictObject({ name: label(80), steps: z.partialRecord(policyOp, z.array(stepSchema).max(64)), s2Record: z.boolean().optional() })
      .optional(),
  })
  .refine((p) => p.id !== 'custom' || p.custom !== undefined, {
    message: 'policy "custom" needs a "custom" field with its steps',
    path: ['custom'],
  });

export const endpointSchema = z.strictObject({
  id,
  kind: z.enum(['vm', 'sp']).default('vm'),
  name: label(80).optional(),
  vmid: int(1, 65535),
});

export const regionSchema = z.strictObject({
  id,
  owner: id,
  pa: address,
  ipa: address.optional(),
  pages: int(1, 4096),
  secret: z.boolean().default(false),
  kind: z.enum(['normal', 'hypervisor', 'pagetable', 'stream-table']).default('normal'),
  name: label(80).optional(),
});

export const deviceSchema = z.strictObject({
  id,
  name: label(80).optional(),
  streams: z
    .array(int(0, 2 ** 32 - 1))
    .min(1)
    .max(16),
  group: id.optional(),
  owner: id.nullable().default(null),
  reset: z.enum(['clean', 'ignores-reset', 'retries-after-reset']).default('clean'),
  ats: z.boolean().default(false),
  atcOnReset: z.enum(['flush', 'keep']).default('flush'),
  atsInvalidation: z.enum(['completes', 'times-out']).default('completes'),
  maxOutstanding: int(1, 256).default(4),
  map: z.array(id).default([]),
});

export const descriptorSchema = z.strictObject({
  iova: address,
  pages: int(1, 4096),
  dir: z.enum(['read', 'write']),
  loop: z.boolean().default(false),
  every: int(1, 100000).default(5),
});

/** An FF-A receiver: an endpoint id (read-write), or an id with the data access the sender grants. */
const receivers = z
  .array(z.union([id, z.strictObject({ id, access: z.enum(['ro', 'rw']) })]))
  .min(1)
  .max(8);

// `window`: the range of ticks the operation may run at, a choice point for the explorer (`at` is the default).
const at = { at: tick, window: z.tuple([tick, tick]).optional() };
const op = <K extends string, S extends z.ZodRawShape>(name: K, shape: S) => z.strictObject({ ...at, op: z.literal(name), ...shape });

export const scriptOpSchema = z.discriminatedUnion('op', [
  op('program', { device: id, by: id, dma: z.array(descriptorSchema).min(1).max(16) }),
  op('assign', { device: id, to: id }),
  op('transfer', { device: id, to: id }),
  op('lend', { device: id, to: id }),
  op('reclaim', { device: id }),
  op('relinquish', { device: id, by: id }),
  op('share', { device: id, with: id }),
  op('unassign', { device: id }),
  op('accept', { device: id, by: id }),
  op('enable', { device: id, by: id }),
  op('map', { device: id, by: id, region: id }),
  op('pause', { device: id }),
  op('resume', { device: id }),
  op('reset', { device: id }),
  op('cpuWrite', { endpoint: id, region: id, secret: z.boolean().default(false) }),
  op('memShare', { from: id, to: receivers, region: id, clear: z.boolean().default(false), handle: id.optional() }),
  op('memLend', { from: id, to: receivers, region: id, clear: z.boolean().default(false), handle: id.optional() }),
  op('memDonate', { from: id, to: receivers, region: id, clear: z.boolean().default(false), handle: id.optional() }),
  op('memRetrieve', { by: id, handle: id, clearOnRelinquish: z.boolean().default(false) }),
  op('memRelinquish', { by: id, handle: id, clear: z.boolean().default(false) }),
  op('memReclaim', { by: id, handle: id, clear: z.boolean().default(false) }),
  op('lock', { device: id }),
  op('abort', { endpoint: id }),
  op('smmuEnable', {}),
  op('smmuDisable', {}),
]);

/**
 * A caption's camera: the view to show at that caption when presenting — the canvas point at the
 * middle of the screen (canvas coordinates, as the layout's) and the zoom.
 */
const cameraSchema = z.strictObject({
  x: z.number().finite().min(-1_000_000).max(1_000_000),
  y: z.number().finite().min(-1_000_000).max(1_000_000),
  zoom: z.number().finite().min(0.05).max(4),
});

export const documentSchema = z.strictObject({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  title: label(120).default('Untitled scenario'),
  description: label(2000).default(''),
  seed: int(0, 2 ** 32 - 1).default(1),
  timing: timingSchema.default(timingSchema.parse({})),
  smmu: smmuSchema.default(smmuSchema.parse({})),
  policy: policySchema.default(policySchema.parse({})),
  endpoints: z.array(endpointSchema).min(1).max(64),
  memory: z.array(regionSchema).max(256).default([]),
  devices: z.array(deviceSchema).max(128).default([]),
  script: z.array(scriptOpSchema).max(4096).default([]),
  layout: z.record(z.string().max(40), z.tuple([z.number().finite(), z.number().finite()])).default({}),
  captions: z
    .array(z.strictObject({ at: tick, text: label(500), camera: cameraSchema.optional() }))
    .max(256)
    .default([]),
});

/**
 * A document as written, stored and edited: what the schema accepts. Fields with a default may be
 * absent; addresses are hex strings. The app's open document (the store's `doc`) is one.
 */
export type ScenarioDocument = z.input<typeof documentSchema>;
/** A document as the schema gives it back: every default filled, addresses as numbers. */
export type ParsedDocument = z.output<typeof documentSchema>;
