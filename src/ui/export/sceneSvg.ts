// The picture of the canvas at the playhead, as an SVG document built from the app's own model of
// the scene: the canvas graph (nodes where the layout puts them, edges with their labels), the
// engine's view at that tick, the transactions in flight, the path of the latest violation a
// transaction made (device, SMMU, the page ringed, its reason beside it, the SMMU's entry that let it
// through), and a caption strip with the scenario's title, the tick and the invariants violated so
// far. The same inputs give the same text.

import { endpointColour, SECRET_COLOUR, textOn } from '../theme';
import { cellCentre, PAGE_CELL } from '../nodes/pageGrid';
import { metadataElement, xmlEscape as esc } from './svgMeta';
import { FONT, HEAD, PAD, ROW, GRID_TOP, THEMES, type SceneInput } from './sceneModel';
import { boxOf, nodeBody } from './sceneNodes';
import { dangerOf, dangerPath } from './sceneDanger';
import { captionLines, cut } from './sceneText';
import { particles } from './sceneParticles';

export { THEMES, type SceneInput, type SceneNode, type Theme } from './sceneModel';
export { captionLines, MAX_CAPTION_LINES } from './sceneText';

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
