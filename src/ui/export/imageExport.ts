// Exporting the canvas at the playhead as a picture: the scene's SVG (sceneSvg.ts) from the open
// scenario, its graph and the engine's view, saved as SVG or drawn into a canvas for a PNG. Either
// carries the moment's link fragment, so dropping it on the app opens the scenario at that tick.
// Loaded only when an export is asked for.

import { useApp } from '../../store/appStore';
import { buildEdges, buildNodes } from '../canvas/graph';
import { sceneSvg, type Theme } from './sceneSvg';
import { withText } from './pngText';
import { META_KEY } from './svgMeta';
import { momentParams } from '../../scenario/moment';

export type ImageFormat = 'png' | 'svg';

/** The scene's SVG at the playhead (or null with nothing open), and the file name to save it under. */
export function currentSceneSvg(theme: Theme, scale: number): { svg: string; name: string; payload: string } | null {
  const s = useApp.getState();
  if (s.scenario === null || s.view === null) return null;
  const fragment = s.linkFragment();
  if (fragment === null) return null;
  const tick = Math.floor(s.clock);
  const nodes = buildNodes(s.scenario).map((n) => ({ id: n.id, kind: n.type!, index: n.data.index, x: n.position.x, y: n.position.y }));
  const frame = s.session?.frames.latest;
  const payload = fragment + momentParams({ t: tick, sel: null });
  const svg = sceneSvg(
    {
      title: s.scenario.title,
      tick,
      tickNs: s.summary?.tickNs ?? 100,
      violations: (s.summary?.violations ?? []).filter((v) => v.t <= tick),
      nodes,
      edges: buildEdges(s.view),
      view: s.view,
      inflight: frame && !frame.direct && Math.floor(frame.clock) === tick ? frame.inflight : new Float64Array(0),
      theme,
      payload,
    },
    scale,
  );
  const base =
    s.scenario.title
      .replace(/[^\w.-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase() || 'scenario';
  return { svg, name: `${base}-t${tick}`, payload };
}

/** A PNG of `svg` (drawn into a canvas at its own size) carrying `payload` in an iTXt chunk. */
export async function svgToPng(svg: string, payload: string): Promise<Uint8Array> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d');
    if (ctx === null) throw new Error('This browser gave no 2D canvas to draw the image in.');
    ctx.drawImage(img, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (blob === null) throw new Error('This browser could not encode the PNG.');
    return withText(new Uint8Array(await blob.arrayBuffer()), META_KEY, payload);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves the canvas at the playhead as `format`, `scale` times its size, in `theme`. */
export async function exportImage(format: ImageFormat, scale: number, theme: Theme): Promise<void> {
  const set = useApp.getState().setNotice;
  const scene = currentSceneSvg(theme, scale);
  if (scene === null) return set({ kind: 'error', text: 'Open a scenario to export a picture of it.' });
  try {
    const bytes = format === 'svg' ? new TextEncoder().encode(scene.svg) : await svgToPng(scene.svg, scene.payload);
    saveBytes(`${scene.name}${scale === 1 ? '' : `@${scale}x`}.${format}`, bytes, format === 'svg' ? 'image/svg+xml' : 'image/png');
    set({
      kind: 'info',
      text: `Exported ${format.toUpperCase()} at tick ${scene.name.replace(/.*-t/, '')}. Drop it on the app to open this moment.`,
    });
  } catch (e) {
    set({ kind: 'error', text: `The picture could not be made: ${e instanceof Error ? e.message : String(e)}` });
  }
}

/** Saves `bytes` as a file named `filename` (the browser's download). */
export function saveBytes(filename: string, bytes: Uint8Array, type: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
