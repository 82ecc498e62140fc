// The picture of the canvas at the playhead, as an SVG document built from the app's own model of
// the scene: the canvas graph (nodes where the layout puts them, edges with their labels), the
// engine's view at that tick, the transactions in flight, the path of the latest violation a
// transaction made (device, SMMU, the page ringed, its reason beside it, the SMMU's entry that let it
// through), and a caption strip with the scenario's title, the tick and the invariants violated so
// far. The same inputs give the same text.

import type { Edge } from '@xyflow/react';
import type { SimView } from '../../worker/view';
import type { ViolationPath } from '../../sim';
import { PAGE, PHASE, TX } from '../../worker/frameFormat';
import { endpointColour, hexAddr, SECRET_COLOUR, textOn } from '../theme';
import { cellCentre, gridSize, PAGE_CELL } from '../nodes/pageGrid';
import { metadataElement, xmlEscape as esc } from './svgMeta';
import type { NodeKind } from '../canvas/graph';

export type Theme = 'dark' | 'light';

export const THEMES = {
  dark: {
    bg: '#0d0f12',
    node: '#14171c',
    border: '#3a3f47',
    text: '#e8eaed',
    dim: '#9aa1ab',
    strip: '#1b1f26',
    stream: '#5b6270',
    iommu: '#7d8594',
    danger: '#ff2d55',
  },
  light: {
    bg: '#ffffff',
    node: '#f5f6f8',
    border: '#b9bec6',
    text: '#15181d',
    dim: '#4d5560',
    strip: '#eceef1',
    stream: '#5b6270',
    iommu: '#4d5560',
    danger: '#c8102e',
  },
} as const;

export interface SceneNode {
  id: string;
  kind: NodeKind;
  /** The view index (endpoints offset by the two built-ins), as the canvas graph gives it. */
  index: number;
  x: number;
  y: number;
}

export interface SceneInput {
  title: string;
  tick: number;
  /** Nanoseconds per tick, for the caption's time. */
  tickNs: number;
  /** The invariants violated up to the tick, in the order they happened. */
  violations: { number: string; invariant: string; t: number; message: string; device?: string | null; path?: ViolationPath | null }[];
  nodes: SceneNode[];
  edges: Edge[];
  view: SimView;
  /** Transactions in flight at the tick, packed (frameFormat.ts); empty when there are none. */
  inflight: Float64Array;
  theme: Theme;
  /** What the picture carries in its <metadata>: the moment's link fragment. */
  payload: string;
  /** Room for at least this many caption lines: an animation's frames keep one size as violations add lines. */
  captionRows?: number;
}

const W = { endpoint: 150, device: 200, smmu: 240, region: 200 } as const;
const HEAD = 26;
const ROW = 18;
const PAD = 40;
const FONT = `font-family="system-ui, -apple-system, 'Segoe UI', sans-serif"`;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A node's rows of text and its size: what the node components show, in short. */
function nodeBody(
  n: SceneNode,
  v: SimView,
  danger: Danger | null,
): { head: string; kind: string; colour: string; rows: string[]; dangerRow?: number; pages?: { first: number; count: number } } {
  const name = (i: number) => (i < 0 ? 'nobody' : (v.endpoints[i]?.name ?? '?'));
  switch (n.kind) {
    case 'endpoint': {
      const e = v.endpoints[n.index];
      return { head: e.name, kind: e.kind.toUpperCase(), colour: endpointColour(n.index), rows: [`VMID ${e.vmid}`, e.lifecycle] };
    }
    case 'device': {
      const d = v.devices[n.index];
      const rows = [`owner ${name(d.owner)}`, d.assign, `in flight ${d.outstanding}/${d.maxOutstanding}`];
      if (d.resetting) rows.push('resetting');
      if (!d.busMaster) rows.push('bus master off');
      return { head: d.name, kind: 'DEV', colour: endpointColour(d.owner), rows };
    }
    case 'smmu': {
      const s = v.smmu;
      const stale = s.cfg.filter((c) => c.stale).length;
      const tlb = s.tlb.reduce((a, g) => a + g.count, 0);
      const tlbStale = s.tlb.reduce((a, g) => a + g.stale, 0);
      const rows = [
        s.enabled ? 'enabled' : `disabled (GBPA ${s.gbpa})`,
        `STEs valid ${s.ste.filter((e) => e.valid).length}/${s.ste.length}`,
        ...s.ste.map((e) => `SID ${e.sid}: ${e.valid ? `${e.config}${e.table ? ` ${e.table}` : ''} VMID ${e.vmid}` : 'invalid'}`),
        `config cache ${s.cfg.length}${stale > 0 ? `, ${stale} stale` : ''}`,
        `TLB ${tlb}${tlbStale > 0 ? `, ${tlbStale} stale` : ''}`,
        ...s.tlb.map(
          (g) => `  VMID ${g.vmid}: ${g.count} ${g.count === 1 ? 'entry' : 'entries'}${g.stale > 0 ? `, ${g.stale} stale` : ''}`,
        ),
        `CMDQ ${s.cmdq.length}${s.cmdq.waitingSync ? ', SYNC waiting' : ''}`,
        `event queue ${s.eventq.count}/${s.eventq.capacity}${s.eventq.overflow ? ' overflow' : ''}`,
      ];
      // The entry that let the violation's transaction through, in the danger colour, first.
      if (danger?.path) return { head: 'SMMU', kind: 'SMMUv3', colour: '#5b6270', rows: [letThrough(danger.path), ...rows], dangerRow: 0 };
      return { head: 'SMMU', kind: 'SMMUv3', colour: '#5b6270', rows };
    }
    case 'region': {
      const r = v.regions[n.index];
      return {
        head: r.name,
        kind: 'MEM',
        colour: endpointColour(r.owner),
        rows: [`PA ${hexAddr(r.pa)}`],
        pages: { first: r.firstPage, count: r.pages },
      };
    }
  }
}

const GRID_TOP = 8;

/** The violation the picture draws, as the canvas holds the one the playhead passed: the latest with a path, or else the latest. */
interface Danger {
  number: string;
  t: number;
  /** The device whose transaction (or whose hand-over) broke the invariant. */
  device: string | null;
  path: ViolationPath | null;
  /** What the label says after the invariant and tick: the path's reason, or the violation's message. */
  reason: string;
}

export function dangerOf(violations: SceneInput['violations']): Danger | null {
  let pick = -1;
  for (let i = violations.length - 1; i >= 0 && pick < 0; i--) if (violations[i].path) pick = i;
  if (pick < 0) pick = violations.length - 1;
  if (pick < 0) return null;
  const v = violations[pick];
  const path = v.path ?? null;
  return { number: v.number, t: v.t, device: path?.device ?? v.device ?? null, path, reason: path?.summary ?? v.message };
}

/** What let the violation's transaction through, as the SMMU's first row says it (short: the row is narrow). */
export function letThrough(p: ViolationPath): string {
  const to = p.pa === null ? '' : ` → ${p.pa}`;
  switch (p.via) {
    case 'tlb':
      return `⚠ via ${p.staleEntry ? 'stale ' : ''}TLB VMID ${p.vmid}${to}`;
    case 'walk':
      return `⚠ via walk of ${p.table ?? 'freed table'}${to}`;
    case 'atc':
      return `⚠ via the device's ATC${to}`;
    case 'bypass':
      return `⚠ bypassed${to}`;
  }
}

function boxOf(n: SceneNode, body: ReturnType<typeof nodeBody>): Box {
  const grid = body.pages ? gridSize(body.pages.count).h + GRID_TOP + 8 : 0;
  return { x: n.x, y: n.y, w: W[n.kind], h: HEAD + 8 + body.rows.length * ROW + grid + 6 };
}

/** The caption strip's lines: the title, the tick and time, and the violations so far (or none). */
/** The most lines the caption strip has: the title, four violations and how many more. */
export const MAX_CAPTION_LINES = 6;

export function captionLines(input: Pick<SceneInput, 'title' | 'tick' | 'tickNs' | 'violations'>): string[] {
  const us = (input.tick * input.tickNs) / 1000;
  const lines = [`${input.title} — tick ${input.tick} (${us.toLocaleString('en-US', { maximumFractionDigits: 3 })} µs)`];
  if (input.violations.length === 0) lines.push('No invariant violated so far.');
  const shown = input.violations.slice(0, 4);
  for (const x of shown) lines.push(`${x.number} at tick ${x.t}: ${x.message}`);
  if (input.violations.length > shown.length) lines.push(`…and ${input.violations.length - shown.length} more violations.`);
  return lines;
}

/** Cuts `text` to about `chars` characters with an ellipsis. */
const cut = (text: string, chars: number) => (text.length > chars ? text.slice(0, chars - 1) + '…' : text);

/** The SVG document of the scene, `scale` times its size in CSS pixels. */
export function sceneSvg(input: SceneInput, scale = 1): string {
  const c = THEMES[input.theme];
  const v = input.view;
  const danger = dangerOf(input.violations);
  const bodies = new Map(input.nodes.map((n) => [n.id, nodeBody(n, v, danger)]));
  const boxes = new Map(input.nodes.map((n) => [n.id, boxOf(n, bodies.get(n.id)!)]));
  const all = [...boxes.values()];
  const minX = Math.min(...all.map((b) => b.x)) - PAD;
  const minY = Math.min(...all.map((b) => b.y)) - PAD;
  const sceneW = Math.max(720, Math.max(...all.map((b) => b.x + b.w)) + PAD - minX);
  const sceneH = Math.max(...all.map((b) => b.y + b.h)) + PAD - minY;
  const lines = captionLines(input);
  const stripH = 20 + Math.max(lines.length, input.captionRows ?? 0) * 22;
  const width = Math.ceil(sceneW);
  const height = Math.ceil(sceneH + stripH);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width * scale}" height="${height * scale}" viewBox="0 0 ${width} ${height}" ${FONT} font-size="12">`,
  );
  out.push(metadataElement(input.payload));
  out.push(`<title>${esc(lines[0])}</title>`);
  out.push(`<rect width="${width}" height="${height}" fill="${c.bg}"/>`);
  out.push(`<g transform="translate(${-minX} ${-minY})">`);

  // Edges under the nodes: source's right to target's left, or bottom to top for stage-2.
  const labels: string[] = [];
  for (const e of input.edges) {
    const s = boxes.get(e.source);
    const t = boxes.get(e.target);
    if (s === undefined || t === undefined) continue;
    const top = e.sourceHandle === 's2';
    const [x1, y1] = top ? [s.x + s.w / 2, s.y + s.h] : [s.x + s.w, s.y + s.h / 2];
    const [x2, y2] = top ? [t.x + t.w / 2, t.y] : [t.x, t.y + Math.min(t.h / 2, 60)];
    const st = (e.style ?? {}) as { stroke?: string; strokeWidth?: number; strokeDasharray?: string; strokeOpacity?: number };
    const stroke = st.stroke === '#5b6270' ? c.stream : st.stroke === '#7d8594' ? c.iommu : (st.stroke ?? c.stream);
    const mx = (x1 + x2) / 2;
    out.push(
      `<path d="M${x1} ${y1} C${top ? `${x1} ${(y1 + y2) / 2} ${x2} ${(y1 + y2) / 2}` : `${mx} ${y1} ${mx} ${y2}`} ${x2} ${y2}" fill="none" stroke="${stroke}" stroke-width="${st.strokeWidth ?? 1.5}"${st.strokeDasharray ? ` stroke-dasharray="${st.strokeDasharray}"` : ''}${st.strokeOpacity ? ` stroke-opacity="${st.strokeOpacity}"` : ''}/>`,
    );
    if (typeof e.label === 'string' && e.label !== '')
      labels.push(`<text x="${mx}" y="${(y1 + y2) / 2 - 4}" text-anchor="middle" fill="${c.dim}" font-size="11">${esc(e.label)}</text>`);
  }

  for (const n of input.nodes) {
    const b = boxes.get(n.id)!;
    const body = bodies.get(n.id)!;
    out.push(`<g data-node="${esc(n.id)}">`);
    out.push(`<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="6" fill="${c.node}" stroke="${c.border}"/>`);
    out.push(
      `<path d="M${b.x} ${b.y + HEAD} v${-HEAD + 6} a6 6 0 0 1 6 -6 h${b.w - 12} a6 6 0 0 1 6 6 v${HEAD - 6} z" fill="${body.colour}"/>`,
    );
    const on = textOn(body.colour);
    // One text element: the renderer places the name after the kind, whatever the font's widths.
    out.push(
      `<text x="${b.x + 8}" y="${b.y + 17}" fill="${on}" font-weight="600"><tspan font-size="10">${esc(body.kind)}</tspan><tspan dx="6" font-size="13">${esc(cut(body.head, 20))}</tspan></text>`,
    );
    body.rows.forEach((r, i) =>
      out.push(
        `<text x="${b.x + 8}" y="${b.y + HEAD + 8 + (i + 1) * ROW - 5}" fill="${i === body.dangerRow ? c.danger : c.text}"${i === body.dangerRow ? ' font-weight="600"' : ''} xml:space="preserve">${esc(cut(r, Math.floor((b.w - 16) / 6.5)))}</text>`,
      ),
    );
    if (body.pages) {
      const gx = b.x + 8;
      const gy = b.y + HEAD + 8 + body.rows.length * ROW + GRID_TOP;
      for (let k = 0; k < body.pages.count; k++) {
        const p = v.pages[body.pages.first + k];
        const at = cellCentre(k);
        const fill = endpointColour(p.owner);
        const x = gx + at.x - PAGE_CELL / 2;
        const y = gy + at.y - PAGE_CELL / 2;
        out.push(
          `<rect x="${x}" y="${y}" width="${PAGE_CELL}" height="${PAGE_CELL}" rx="2" fill="${fill}"${p.secret ? ` stroke="${SECRET_COLOUR}" stroke-width="2"` : ''}/>`,
        );
        // The owner's initial, as the region node letters it: endpoints only, not the built-ins.
        const initial = p.owner < 2 ? '' : (v.endpoints[p.owner]?.id.slice(0, 1) ?? '');
        if (initial)
          out.push(
            `<text x="${x + PAGE_CELL / 2}" y="${y + 14}" text-anchor="middle" font-size="11" fill="${textOn(fill)}">${esc(initial)}</text>`,
          );
      }
    }
    out.push('</g>');
  }
  out.push(...labels);
  out.push(...particles(input, boxes, c.danger));
  if (danger !== null) out.push(...dangerPath(input, danger, boxes, c));
  out.push('</g>');

  // The caption strip along the bottom.
  const sy = sceneH;
  out.push(`<g data-caption="">`);
  out.push(`<rect x="0" y="${sy}" width="${width}" height="${stripH}" fill="${c.strip}"/>`);
  lines.forEach((l, i) => {
    const bad = i > 0 && input.violations.length > 0;
    out.push(
      `<text x="16" y="${sy + 26 + i * 22}" font-size="${i === 0 ? 16 : 14}"${i === 0 ? ' font-weight="700"' : ''} fill="${bad ? c.danger : c.text}">${esc(cut(l, Math.floor((width - 32) / 7.5)))}</text>`,
    );
  });
  out.push('</g>');
  out.push('</svg>');
  return out.join('\n') + '\n';
}

/** Where page `page` is drawn (its cell's centre and region box), or null when no region holds it. */
function pageCell(input: SceneInput, boxes: Map<string, Box>, page: number): { x: number; y: number; region: Box } | null {
  for (const n of input.nodes) {
    if (n.kind !== 'region') continue;
    const r = input.view.regions[n.index];
    if (page < r.firstPage || page >= r.firstPage + r.pages) continue;
    const b = boxes.get(n.id)!;
    const at = cellCentre(page - r.firstPage);
    return { x: b.x + 8 + at.x, y: b.y + HEAD + 8 + ROW + GRID_TOP + at.y, region: b };
  }
  return null;
}

/** `text` in lines of at most `chars` characters, broken between words; at most `most` lines. */
function wrap(text: string, chars: number, most: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > chars) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.length > most ? [...lines.slice(0, most - 1), cut(lines.slice(most - 1).join(' '), chars)] : lines;
}

/**
 * The violation as the canvas draws it: dashed from the device into the SMMU and, for a path, out
 * to the page, the page ringed; the invariant, its tick and reason in a label under the page's
 * region (or under the device when there is no page).
 */
function dangerPath(input: SceneInput, d: Danger, boxes: Map<string, Box>, c: (typeof THEMES)[Theme]): string[] {
  const dev = d.device === null ? undefined : input.view.devices.find((x) => x.id === d.device || x.name === d.device);
  const from = dev && boxes.get(dev.id);
  const smmu = boxes.get('smmu');
  if (smmu === undefined) return [];
  const midY = smmu.y + Math.min(smmu.h / 2, 60);
  const pts = from === undefined ? [] : [{ x: from.x + from.w, y: from.y + from.h / 2 }];
  pts.push({ x: smmu.x, y: midY });
  const page = d.path !== null && d.path.pageIndex >= 0 ? pageCell(input, boxes, d.path.pageIndex) : null;
  if (d.path !== null && d.path.via !== 'atc') pts.push({ x: smmu.x + smmu.w, y: midY });
  if (page !== null) pts.push({ x: page.x, y: page.y });
  const out = [`<g data-danger="${esc(d.number)}">`];
  if (pts.length > 1)
    out.push(
      `<path d="M${pts.map((p) => `${p.x} ${p.y}`).join(' L')}" fill="none" stroke="${c.danger}" stroke-width="3" stroke-dasharray="8 5" stroke-linejoin="round"/>`,
    );
  if (page !== null) {
    const r = PAGE_CELL / 2 + 4;
    out.push(
      `<rect x="${page.x - r}" y="${page.y - r}" width="${2 * r}" height="${2 * r}" rx="4" fill="none" stroke="${c.danger}" stroke-width="2.5"/>`,
    );
  }
  const anchor = page?.region ?? from ?? smmu;
  // Under a region the label may reach left, under the SMMU's bottom; under a device it keeps to the
  // device's width, clear of the SMMU beside it.
  const text = `⚠ ${d.number} at tick ${d.t} · ${d.reason}`;
  const w = page !== null ? Math.min(Math.max(anchor.w, text.length * 7 + 16), 420) : anchor.w;
  const lines = wrap(text, Math.floor((w - 16) / 7), 4);
  const x = page !== null ? anchor.x + anchor.w - w : anchor.x;
  const y = anchor.y + anchor.h + 8;
  out.push(
    `<rect x="${x}" y="${y}" width="${w}" height="${10 + lines.length * 17}" rx="4" fill="${c.node}" stroke="${c.danger}" stroke-width="1.5"/>`,
  );
  lines.forEach((l, i) =>
    out.push(
      `<text x="${x + 8}" y="${y + 18 + i * 17}" font-size="13" font-weight="600" fill="${c.danger}">${esc(cut(l, Math.floor((w - 16) / 7)))}</text>`,
    ),
  );
  out.push('</g>');
  return out;
}

/**
 * The transactions in flight at the tick, as the overlay draws them: on the way from the device to
 * the SMMU while issued, from the SMMU to their page once translated; filled for a write, a ring for
 * a read, in the colour of who programmed them; red when stopped or leaking.
 */
function particles(input: SceneInput, boxes: Map<string, Box>, danger: string): string[] {
  const out: string[] = [];
  const { inflight: f, view: v, tick } = input;
  const smmu = boxes.get('smmu');
  if (smmu === undefined) return out;
  const pageAt = (page: number): { x: number; y: number } | null => {
    for (const n of input.nodes) {
      if (n.kind !== 'region') continue;
      const r = v.regions[n.index];
      if (page < r.firstPage || page >= r.firstPage + r.pages) continue;
      const b = boxes.get(n.id)!;
      const at = cellCentre(page - r.firstPage);
      return { x: b.x + 8 + at.x, y: b.y + HEAD + 8 + ROW + GRID_TOP + at.y };
    }
    return null;
  };
  for (let i = 0; i + TX.stride <= f.length; i += TX.stride) {
    const dev = v.devices[f[i + TX.device]];
    const from = dev && boxes.get(dev.id);
    if (from === undefined) continue;
    const phase = f[i + TX.phase];
    const mid = { x: smmu.x, y: smmu.y + Math.min(smmu.h / 2, 60) };
    let a = { x: from.x + from.w, y: from.y + from.h / 2 };
    let b = mid;
    let t0 = f[i + TX.issuedAt];
    let t1 = f[i + TX.arriveAt];
    if (phase === PHASE.translated) {
      const to = f[i + TX.page] >= 0 ? pageAt(f[i + TX.page]) : null;
      if (to === null && f[i + TX.page] !== PAGE.none) continue;
      a = { x: smmu.x + smmu.w, y: mid.y };
      b = to ?? a;
      t0 = f[i + TX.translatedAt];
      t1 = f[i + TX.commitAt];
    } else if (phase !== PHASE.issued) continue;
    const k = t1 > t0 ? Math.min(1, Math.max(0, (tick - t0) / (t1 - t0))) : 1;
    const x = a.x + (b.x - a.x) * k;
    const y = a.y + (b.y - a.y) * k;
    const leak = (f[i + TX.flags] & 8) !== 0;
    const colour = leak ? danger : endpointColour(f[i + TX.programmedBy]);
    const write = (f[i + TX.flags] & 1) !== 0;
    out.push(
      write
        ? `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="5" fill="${colour}"/>`
        : `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="4.5" fill="none" stroke="${colour}" stroke-width="2"/>`,
    );
  }
  return out;
}
