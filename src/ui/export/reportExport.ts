// The run's report for a design document, made in the app: the report of the CLI's `report`
// (src/report/), with the picture of its key moment — the first violation's tick, or the end of
// the run. HTML carries the picture inside it; Markdown refers to a PNG saved beside it.

import { useApp } from '../../store/appStore';
import { fileBase, saveBytes, sceneBasis, sceneInput, svgToPng } from './imageExport';
import { sceneSvg, type Theme } from './sceneSvg';
import { startReplay } from './replayClient';

export type ReportFormat = 'html' | 'md';

/** The tick a report's picture shows: the first violation's, or the end of the run. */
export function keyTick(violations: readonly { t: number }[], horizon: number): number {
  return violations.length === 0 ? horizon : Math.min(...violations.map((v) => v.t));
}

function dataUrl(bytes: Uint8Array, type: string): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${type};base64,${btoa(s)}`;
}

export async function exportReport(format: ReportFormat, theme: Theme): Promise<void> {
  const app = useApp.getState();
  const basis = sceneBasis();
  if (basis === null) return app.setNotice({ kind: 'error', text: 'Open a scenario to make its report.' });
  const tick = keyTick(app.summary?.violations ?? [], app.horizon);
  const replay = startReplay(basis.scenario, basis.deviations);
  try {
    const input = sceneInput(basis, await replay.at(tick), tick, theme);
    const png = await svgToPng(sceneSvg(input, 1), input.payload);
    const base = fileBase(basis.scenario.title);
    const pngName = `${base}-t${tick}.png`;
    const alt = `${basis.scenario.title} at t=${tick}${app.summary?.violations.length ? ', its first violation' : ', the end of the run'}`;
    const text = await replay.report({
      format,
      base: `${location.origin}${location.pathname}`,
      galleryId: app.edited ? null : app.galleryId,
      image: { src: format === 'html' ? dataUrl(png, 'image/png') : pngName, alt },
    });
    const bytes = new TextEncoder().encode(text);
    if (format === 'html') saveBytes(`${base}-report.html`, bytes, 'text/html');
    else {
      saveBytes(`${base}-report.md`, bytes, 'text/markdown');
      saveBytes(pngName, png, 'image/png');
    }
    app.setNotice({
      kind: 'info',
      text:
        format === 'html'
          ? `Saved the report as HTML, with the picture at t=${tick}: open it in a browser to print it.`
          : `Saved the report as Markdown and its picture (${pngName}) beside it.`,
    });
  } catch (e) {
    app.setNotice({ kind: 'error', text: `The report could not be made: ${e instanceof Error ? e.message : String(e)}` });
  } finally {
    replay.dispose();
  }
}
