// What a run's report says, gathered once from the engine after a run and written as Markdown
// (markdown.ts) or printable HTML (html.ts): the scenario and its system, the policy and its
// mutations, every invariant's verdict, each hand-over's liveness, every violation with a link to
// its moment, and the operations with their hypervisor steps.

import {
  INVARIANTS,
  MODEL_VERSION,
  MUTATION_NOTES,
  POLICIES,
  buildReport,
  type Engine,
  type Handover,
  type MutationId,
  type Report,
} from '../sim';
import { scenarioFragment } from '../scenario/codec';
import { fingerprintParams } from '../scenario/fingerprint';
import { galleryRef } from '../scenario/gallery/revisions';
import { duration, opText } from '../scenario/describe';

export interface ReportImage {
  /** Where the image is, as the document will refer to it (a file name beside the report, a data URL). */
  src: string;
  alt: string;
}

export interface ReportOptions {
  /** The app's address, to which links are appended (`https://…/dma-handoff/`); without it, links are bare fragments. */
  base?: string;
  /** A gallery id when the scenario is a gallery scenario as it stands: links then name it (`#g=…`). */
  galleryId?: string | null;
  /** The picture of the key moment (the first violation's tick, or the end of the run). */
  image?: ReportImage;
  /**
   * The run's timing when it is a counterexample's: its choice list (`2-8`), which the engine was
   * created with and every link carries as `&x=`.
   */
  choices?: string;
}

export interface VerdictRow {
  number: string;
  rule: string;
  violated: boolean;
  /** The first violation's tick and how many there were in all. */
  firstAt: number | null;
  count: number;
}

export interface ViolationItem {
  number: string;
  invariant: string;
  t: number;
  device: string | null;
  page: string | null;
  message: string;
  count: number;
  /** A link that opens the scenario paused at the violation, selected. */
  link: string;
}

export interface OpItem {
  t: number;
  text: string;
  status: string;
  steps: { t: number; text: string }[];
}

export interface RunReport {
  title: string;
  description: string;
  system: { endpoints: number; devices: number; regions: number; pages: number };
  policy: { id: string; name: string; summary: string };
  mutations: { id: string; note: string }[];
  /** The run's end, and a tick's length in words. */
  endTime: number;
  endText: string;
  tickText: string;
  traceHash: string;
  /** A counterexample's choice list when the run has its timing, or null for the default timing. */
  choices: string | null;
  link: string;
  verdicts: VerdictRow[];
  handovers: Handover[];
  /** Every hand-over completed and every new owner's DMA then worked. */
  works: boolean;
  violations: ViolationItem[];
  ops: OpItem[];
  dma: Report['dma'];
  eventQueue: Report['eventQueue'];
  /** Hypervisor steps that named nothing (STEP_UNRESOLVED) and refused operations. */
  errors: { t: number; text: string }[];
  keyMoment: number;
  image: ReportImage | null;
}

/** Every invariant's verdict over a run's violations: violated or not, its first tick and its count. */
export function verdictRows(violations: readonly { number: string; t: number; count: number }[]): VerdictRow[] {
  return INVARIANTS.map((inv) => {
    const vs = violations.filter((v) => v.number === inv.number);
    return {
      number: inv.number,
      rule: inv.rule,
      violated: vs.length > 0,
      firstAt: vs.length > 0 ? Math.min(...vs.map((v) => v.t)) : null,
      count: vs.reduce((n, v) => n + v.count, 0),
    };
  });
}

/** The report of an engine that has run to where the report speaks of. */
export function reportOf(e: Engine, options: ReportOptions = {}): RunReport {
  const s = e.scenario;
  const r = buildReport(e);
  const timing = options.choices ? `&x=${options.choices}` : '';
  const fragment = (options.galleryId ? `g=${galleryRef(options.galleryId)}` : scenarioFragment(s)) + timing;
  const link = `${options.base ?? ''}#${fragment}&${fingerprintParams(MODEL_VERSION, r.traceHash)}`;
  const policy = s.policy.id === 'custom' ? null : POLICIES[s.policy.id];
  const verdicts = verdictRows(r.violations);
  const violations = r.violations.map((v, i) => ({
    number: v.number,
    invariant: v.invariant,
    t: v.t,
    device: v.device,
    page: v.page,
    message: v.message,
    count: v.count,
    link: `${link}&t=${v.t}&sel=v${i}`,
  }));
  const ops = e.ops.map((o) => ({
    t: o.t,
    text: opText(o.op),
    status: o.status === 'done' ? `done t=${o.doneAt}` : o.status === 'refused' ? `refused (${o.error ?? ''})` : o.status,
    steps: o.steps.map((st) => ({ ...st })),
  }));
  return {
    title: s.title,
    description: s.description,
    system: {
      endpoints: s.endpoints.length,
      devices: s.devices.length,
      regions: s.memory.length,
      pages: s.memory.reduce((n, m) => n + m.pages, 0),
    },
    policy: {
      id: s.policy.id,
      name: policy?.name ?? s.policy.custom?.name ?? 'custom',
      summary: policy?.summary ?? `custom policy "${s.policy.custom?.name ?? 'custom'}"`,
    },
    mutations: s.policy.mutations.map((m) => ({ id: m, note: MUTATION_NOTES[m as MutationId] })),
    endTime: r.endTime,
    endText: duration(r.endTime, r.tickNs),
    tickText: duration(1, r.tickNs),
    traceHash: r.traceHash,
    choices: options.choices || null,
    link,
    verdicts,
    handovers: r.handovers,
    works: r.handovers.every((h) => handoverOutcome(h).ok),
    violations,
    ops,
    dma: r.dma,
    eventQueue: r.eventQueue,
    errors: [
      ...r.opErrors.map((x) => ({ t: x.t, text: `${x.op} refused: ${x.error}${x.message ? ` — ${x.message}` : ''}` })),
      ...r.stepErrors.map((x) => ({ t: x.t, text: x.message })),
    ].sort((a, b) => a.t - b.t),
    keyMoment: violations[0]?.t ?? r.endTime,
    image: options.image ?? null,
  };
}

const count = (k: number, one: string) => `${k.toLocaleString('en-US')} ${one}${k === 1 ? '' : 's'}`;

/** The system's size in words: "2 endpoints, 1 device, 2 regions (8 pages)". */
export function systemText(s: RunReport['system']): string {
  return `${count(s.endpoints, 'endpoint')}, ${count(s.devices, 'device')}, ${count(s.regions, 'region')} (${count(s.pages, 'page')})`;
}

/** A hand-over's outcome in words, and whether it is a good one (completed, and the new owner's DMA not failing). */
export function handoverOutcome(h: Handover): { text: string; ok: boolean } {
  switch (h.status) {
    case 'completed': {
      const dma = h.newOwnerDma === null ? '' : h.newOwnerDma ? ` · ${h.to}'s own DMA works` : ` · no DMA of ${h.to}'s yet`;
      return { text: `done t=${h.completedAt}${dma}`, ok: h.newOwnerDma !== false };
    }
    case 'refused':
      return { text: `refused${h.error ? ` (${h.error})` : ''}`, ok: false };
    case 'waiting':
      return { text: `waiting for ${h.to ?? 'the receiver'}`, ok: false };
    default:
      return { text: 'not finished', ok: false };
  }
}
