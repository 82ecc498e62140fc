// Exporting the canvas at the playhead as a picture: the scene's SVG (sceneSvg.ts) from the open
// scenario, its graph and the engine's state at that tick (replay.ts), saved as SVG or drawn into
// a canvas for a PNG. Either carries the moment's link fragment, so dropping it on the app opens
// the scenario at that tick.
// Loaded only when an export is asked for.

import { useApp } from '../../store/appStore';
import { buildEdges, buildNodes } from '../canvas/graph';
import { sceneSvg, type SceneInput, type SceneNode, type Theme } from './sceneSvg';
import type { SceneState } from './replay';
import { startReplay } from './replayClient';
import type { Scenario } from '../../sim';
import { withText } from './pngText';
import { META_KEY } from './svgMeta';
import { momentParams } from '../../scenario/moment';
import { choicePairs } from '../../scenario/choiceLink';

export type ImageFormat = 'png' | 'svg';

/** The open scenario's title as a file name. */
export function fileBase(title: string): string {
  return (
    title
      .replace(/[^\w.-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase() || 'scenario'
  );
}

/**
 * What every picture of the open scenario shares: its nodes, title, tick length, link fragment and
 * the run's timing (a counterexample's deviations, none for the default run).
 */
export function sceneBasis(): {
  scenario: Scenario;
  deviations: [number, number][];
  nodes: SceneNode[];
  tickNs: number;
  fragment: string;
} | null {
  const s = useApp.getState();
  const fragment = s.linkFragment();
  if (s.scenario === null || fragment === null) return null;
  const nodes = buildNodes(s.scenario).map((n) => ({ id: n.id, kind: n.type!, index: n.data.index, x: n.position.x, y: n.position.y }));
  return {
    scenario: s.scenario,
    deviations: choicePairs(s.choices),
    nodes,
    tickNs: s.summary?.tickNs ?? s.scenario.timing.tickNs,
    fragment,
  };
}

/** The scene's input at `tick`, from the replay's engine state there. */
export function sceneInput(basis: NonNullable<ReturnType<typeof sceneBasis>>, at: SceneState, tick: number, theme: Theme): SceneInput {
  return {
    title: basis.scenario.title,
    tick,
    tickNs: basis.tickNs,
    violations: at.violations.filter((v) => v.t <= tick),
    nodes: basis.nodes,
    edges: buildEdges(at.view),
    view: at.view,
    inflight: at.inflight,
    theme,
    payload: basis.fragment + momentParams({ t: tick, sel: null }),
  };
}

/** The scene's SVG at the playhead (or null with nothing open), the file name to save it under, and what it carries. */
export async function currentSceneSvg(theme: Theme, scale: number): Promise<{ svg: string; name: string; payload: string } | null> {
  const basis = sceneBasis();
  if (basis === null) return null;
  const tick = Math.floor(useApp.getState().clock);
  const replay = startReplay(basis.scenario, basis.deviations);
  try {
    const input = sceneInput(basis, await replay.at(tick), tick, theme);
    return { svg: sceneSvg(input, scale), name: `${fileBase(basis.scenario.title)}-t${tick}`, payload: input.payload };
  } finally {
    replay.dispose();
  }
}

/** `svg` drawn into a canvas at its own size. */
export async function drawSvg(svg: string): Promise<HTMLCanvasElement> {
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
    return canvas;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A PNG of `svg` carrying `payload` in an iTXt chunk. */
export async function svgToPng(svg: string, payload: string): Promise<Uint8Array> {
  const canvas = await drawSvg(svg);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (blob === null) throw new Error('This browser could not encode the PNG.');
  return withText(new Uint8Array(await blob.arrayBuffer()), META_KEY, payload);
}

/** Saves the canvas at the playhead as `format`, `scale` times its size, in `theme`. */
export async function exportImage(format: ImageFormat, scale: number, theme: Theme): Promise<void> {
  const set = useApp.getState().setNotice;
  try {
    const scene = await currentSceneSvg(theme, scale);
    if (scene === null) return set({ kind: 'error', text: 'Open a scenario to export a picture of it.' });
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
