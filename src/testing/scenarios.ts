// Test helpers: small scenario documents built the way a user writes them (JSON with hex addresses,
// defaults filled by the parser), run through the real parser, plus finders over what an engine
// produced (violations, log, operation errors, pages, transactions).
//
// Tests go through src/scenario on purpose: a scenario means what its document says, and the
// gallery is the set of documents reviewers open. The engine itself never imports src/scenario.

import {
  createEngine,
  buildReport,
  type MutationId,
  type PolicyId,
  type Scenario,
  type LogRecord,
  type Page,
  type Txn,
  type Violation,
  type Engine,
  type Report,
} from '../sim';
import { parseScenario } from '../scenario/parse';
import { GALLERY, galleryEntry } from '../scenario/gallery';

export type Doc = Record<string, unknown>;
export type OpDoc = Record<string, unknown> & { at: number; op: string };

// ---- Addresses of the two-VM layout (the seed's discussion) -----------------------------------

export const PAGE = 4096;
/** The IPA both VMs use for their RAM, and the IOVA the seed's descriptors read. */
export const IPA = 0x40000000;
export const A_RAM = 0x80000000;
export const P_RAM = 0x90000000;

/** A's descriptor of the seed's attack: read IPA 0x40000000 every 5 ticks, forever. */
export const readLoop = { iova: '0x40000000', pages: 1, dir: 'read', loop: true, every: 5 };
export const writeLoop = (iova = '0x40000000', pages = 1, every = 4) => ({ iova, pages, dir: 'write', loop: true, every });

export const program = (at: number, by: string, dma: Doc[], device = 'X'): OpDoc => ({ at, op: 'program', device, by, dma });

// ---- Building scenarios ---------------------------------------------------------------------------

/** Parses a document; a test document that does not parse is a bug in the test, so it throws. */
export function scenarioOf(doc: unknown): Scenario {
  const r = parseScenario(doc);
  if (!r.ok) throw new Error(`test scenario does not parse:\n  ${r.errors.join('\n  ')}`);
  return r.scenario;
}

export const GALLERY_IDS: readonly string[] = GALLERY.map((g) => g.id);

/** A deep copy of a gallery document, to edit freely. */
export function galleryDoc(id: string): Doc {
  const g = galleryEntry(id);
  if (!g) throw new Error(`no gallery entry ${id}`);
  return structuredClone(g.doc) as Doc;
}

export interface GalleryOptions {
  policy?: PolicyId;
  /** Replaces the document's own mutations (some gallery documents set them). */
  mutations?: MutationId[];
  /** Edits the document before it is parsed. */
  edit?: (doc: Doc & { script: OpDoc[] }) => void;
}

export function galleryScenario(id: string, o: GalleryOptions = {}): Scenario {
  const doc = galleryDoc(id) as Doc & { script: OpDoc[]; policy?: Doc };
  const policy = { ...(doc.policy ?? {}) } as Doc;
  if (o.policy) policy.id = o.policy;
  if (o.mutations) policy.mutations = o.mutations;
  doc.policy = policy;
  o.edit?.(doc);
  return scenarioOf(doc);
}

export interface TwoVmsOptions {
  policy?: PolicyId;
  mutations?: MutationId[];
  dmaCoupled?: boolean;
  /** The device's reset behaviour. */
  reset?: 'clean' | 'ignores-reset' | 'retries-after-reset';
  ats?: boolean;
  maxOutstanding?: number;
  /** The device's boot owner (default A; null: unassigned). */
  owner?: string | null;
  /** Regions the device's own table maps at boot (default: all its owner's memory). */
  map?: string[];
  streams?: number[];
  smmu?: Doc;
  timing?: Doc;
  seed?: number;
  script?: OpDoc[];
  /** Extra regions, added after a-ram and p-ram. */
  memory?: Doc[];
  /** Extra devices, added after X. */
  devices?: Doc[];
  /** Extra endpoints, added after A and P. */
  endpoints?: Doc[];
}

/**
 * The seed's layout: VM A (VMID 1) and VM P (VMID 2), A's RAM at PA 0x80000000 and P's secret RAM at
 * PA 0x90000000, both at IPA 0x40000000 (4 pages each), and one device X (StreamID 17) owned by A.
 */
export function twoVmsOneDeviceDoc(o: TwoVmsOptions = {}): Doc {
  const device: Doc = {
    id: 'X',
    name: 'NIC',
    streams: o.streams ?? [17],
    group: 'g0',
    owner: o.owner === undefined ? 'A' : o.owner,
    reset: o.reset ?? 'clean',
    ats: o.ats ?? false,
    maxOutstanding: o.maxOutstanding ?? 4,
  };
  if (o.map) device.map = o.map;
  const doc: Doc = {
    format: 'dma-handoff/scenario',
    version: 1,
    title: 'test',
    seed: o.seed ?? 1,
    policy: { id: o.policy ?? 'P0', mutations: o.mutations ?? [], dmaCoupled: o.dmaCoupled ?? false },
    endpoints: [{ id: 'A', kind: 'vm', vmid: 1 }, { id: 'P', kind: 'vm', vmid: 2 }, ...(o.endpoints ?? [])],
    memory: [
      { id: 'a-ram', owner: 'A', pa: '0x80000000', ipa: '0x40000000', pages: 4 },
      { id: 'p-ram', owner: 'P', pa: '0x90000000', ipa: '0x40000000', pages: 4, secret: true },
      ...(o.memory ?? []),
    ],
    devices: [device, ...(o.devices ?? [])],
    script: o.script ?? [],
  };
  if (o.smmu) doc.smmu = o.smmu;
  if (o.timing) doc.timing = o.timing;
  return doc;
}

export function twoVmsOneDevice(o: TwoVmsOptions = {}): Scenario {
  return scenarioOf(twoVmsOneDeviceDoc(o));
}

/** The seed's attack script: A programs X to read IPA 0x40000000 in a loop, hands X to P at 40. */
export function seedAttackScript(transferAt = 40): OpDoc[] {
  return [program(0, 'A', [readLoop]), { at: transferAt, op: 'transfer', device: 'X', to: 'P' }];
}

// ---- Running ----------------------------------------------------------------------------------------

export function run(sc: Scenario, until: number): Engine {
  const e = createEngine(sc);
  e.runUntil(until);
  return e;
}

export function runTo(e: Engine, t: number): Engine {
  e.runUntil(t);
  return e;
}

/** Steps single events until `done()` holds; false if the engine went idle or `limit` events passed. */
export function stepUntil(e: Engine, done: () => boolean, limit = 1_000_000): boolean {
  for (let i = 0; i < limit; i++) {
    if (done()) return true;
    if (!e.step()) return done();
  }
  return done();
}

/**
 * Runs to `until` collecting every transaction as it ends (committed or aborted), oldest first.
 * The collected objects are the engine's own, in their final phase.
 */
export function runCollecting(e: Engine, until: number): Txn[] {
  e.watchEnded(true);
  const out: Txn[] = [];
  while (e.nextEventAt() <= until) {
    e.step();
    out.push(...e.takeEnded());
  }
  e.runUntil(until);
  out.push(...e.takeEnded());
  return out;
}

// ---- Finders --------------------------------------------------------------------------------------

/** The invariant numbers broken so far ("I1b", "I10", …). */
export function violated(e: Engine): Set<string> {
  return new Set(e.violations.map((v) => v.number));
}

export function sorted(set: Iterable<string>): string[] {
  return [...set].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

export function violationsOf(e: Engine, number: string): Violation[] {
  return e.violations.filter((v) => v.number === number);
}

/** The earliest tick at which `number` was broken, or Infinity. */
export function firstViolationAt(e: Engine, number: string): number {
  return Math.min(Infinity, ...violationsOf(e, number).map((v) => v.t));
}

export function report(e: Engine, events = false): Report {
  return buildReport(e, { events });
}

export function opErrors(e: Engine): Report['opErrors'] {
  return buildReport(e).opErrors;
}

/** Log records whose text contains `text` (optionally of one kind). */
export function logWith(e: Engine, text: string | RegExp, kind?: LogRecord['kind']): LogRecord[] {
  return e.log.filter(
    (l) => (kind === undefined || l.kind === kind) && (typeof text === 'string' ? l.text.includes(text) : text.test(l.text)),
  );
}

/** The tick of the first log record containing `text`, or Infinity. */
export function firstLogAt(e: Engine, text: string | RegExp, kind?: LogRecord['kind']): number {
  const r = logWith(e, text, kind)[0];
  return r ? r.t : Infinity;
}

/** The tick at which the hand-over of `device` away from `from` completed (its disabling SYNC). */
export function handoverAt(e: Engine, device: string, from: string): number {
  return firstLogAt(e, `hand-over of ${device} away from ${from} complete`);
}

export function epIndex(e: Engine, id: string): number {
  const i = e.state.epIndex.get(id);
  if (i === undefined) throw new Error(`no endpoint ${id}`);
  return i;
}

export function pageAt(e: Engine, pa: number): Page {
  const i = e.state.pfnToPage.get(pa / PAGE);
  if (i === undefined) throw new Error(`no page at 0x${pa.toString(16)}`);
  return e.state.pages[i];
}

/** The V/O/X (and R/W) mode bits endpoint `id` holds on the page at `pa`. */
export function modeOf(e: Engine, pa: number, id: string): number {
  return pageAt(e, pa).modes[epIndex(e, id)];
}

export function device(e: Engine, id: string) {
  const i = e.state.devIndex.get(id);
  if (i === undefined) throw new Error(`no device ${id}`);
  return e.state.devices[i];
}

/** True when the PFN lies in [pa, pa + pages pages). */
export function inRange(pfn: number, pa: number, pages: number): boolean {
  return pfn >= pa / PAGE && pfn < pa / PAGE + pages;
}

/** issued = committed + aborted + in flight (every transaction is in exactly one of those). */
export function conserved(e: Engine): boolean {
  const c = e.state.counters;
  return c.issued === c.committed + c.aborted + e.state.txns.size;
}
