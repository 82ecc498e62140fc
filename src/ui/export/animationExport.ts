// Exporting a range of the run as an animated GIF: the scene (sceneSvg.ts) at fixed tick steps from
// a replay of the run (replay.ts), each frame drawn and quantised on its own, with the caption strip
// burned in. Nothing depends on the screen or the clock, so the same range gives the same bytes.
// Each frame yields to the browser, so the app stays responsive, and a signal cancels between frames.

import { GIFEncoder, applyPalette, quantize } from 'gifenc';
import { drawSvg, fileBase, sceneBasis, sceneInput } from './imageExport';
import { startReplay } from './replayClient';
import { MAX_CAPTION_LINES, sceneSvg, type Theme } from './sceneSvg';

export interface AnimationRange {
  from: number;
  to: number;
  /** Ticks between two frames. */
  step: number;
}

/** At most this many frames: a longer range takes a larger step. */
export const MAX_FRAMES = 150;

/** The frames' ticks: `from`, every `step` ticks, and `to`. */
export function frameTicks({ from, to, step }: AnimationRange): number[] {
  const ticks: number[] = [];
  for (let t = from; t < to; t += step) ticks.push(t);
  ticks.push(to);
  return ticks;
}

/** The step that gives at most MAX_FRAMES frames over `from`…`to`. */
export function defaultStep(from: number, to: number): number {
  return Math.max(1, Math.ceil((to - from) / (MAX_FRAMES - 1)));
}

/** Says what is wrong with a range of a run ending at `horizon`, or null. */
export function rangeProblem(r: AnimationRange, horizon: number): string | null {
  if (![r.from, r.to, r.step].every(Number.isInteger)) return 'The range needs whole ticks.';
  if (r.from < 0 || r.to > horizon) return `The range must lie within the run, 0 to ${horizon}.`;
  if (r.to <= r.from) return '"To" must come after "From".';
  if (r.step < 1) return 'The step must be at least one tick.';
  if (frameTicks(r).length > MAX_FRAMES * 4)
    return `That is ${frameTicks(r).length} frames: take a larger step (at most ${MAX_FRAMES * 4}).`;
  return null;
}

export class Cancelled extends Error {
  constructor() {
    super('The export was cancelled.');
  }
}

/** The frames of an animation: their ticks, each drawn on request from a replay of the open scenario, and the file's name. */
interface Frames {
  ticks: number[];
  draw(tick: number): Promise<HTMLCanvasElement>;
  name: string;
  dispose(): void;
}

/** The frames of `range` at `scale` in `theme`, from a replay of the open scenario (disposed by the caller). */
function framesOf(range: AnimationRange, scale: number, theme: Theme): Frames {
  const basis = sceneBasis();
  if (basis === null) throw new Error('Open a scenario to export an animation of it.');
  const replay = startReplay(basis.scenario, basis.deviations);
  return {
    ticks: frameTicks(range),
    // Every frame's caption strip has room for its most lines, so every frame has the first one's size.
    draw: async (t) => drawSvg(sceneSvg({ ...sceneInput(basis, await replay.at(t), t, theme), captionRows: MAX_CAPTION_LINES }, scale)),
    name: `${fileBase(basis.scenario.title)}-t${range.from}-${range.to}`,
    dispose: () => replay.dispose(),
  };
}

/**
 * Passes each frame in turn to `take` (the first already drawn, if given), with `progress(done,
 * total)` after each; yields to the browser between frames, and stops there when `signal` is aborted.
 */
async function eachFrame(
  frames: Frames,
  take: (img: HTMLCanvasElement, index: number) => void | Promise<void>,
  progress: (done: number, total: number) => void,
  signal: AbortSignal,
  first?: HTMLCanvasElement,
): Promise<void> {
  const { ticks } = frames;
  for (let i = 0; i < ticks.length; i++) {
    if (signal.aborted) throw new Cancelled();
    await take(i === 0 && first !== undefined ? first : await frames.draw(ticks[i]), i);
    progress(i + 1, ticks.length);
    await new Promise((r) => setTimeout(r, 0));
  }
}

/** The GIF of `range` at `scale`, in `theme`; `progress(done, total)` after each frame. */
export async function renderGif(
  range: AnimationRange,
  scale: number,
  theme: Theme,
  progress: (done: number, total: number) => void,
  signal: AbortSignal,
): Promise<{ bytes: Uint8Array; name: string }> {
  const frames = framesOf(range, scale, theme);
  try {
    const gif = GIFEncoder();
    // A tenth of a second a frame: the GIF's delay unit is 10 ms.
    const delay = 100;
    let size: { w: number; h: number } | null = null;
    await eachFrame(
      frames,
      (canvas) => {
        size ??= { w: canvas.width, h: canvas.height };
        const rgba = canvas.getContext('2d')!.getImageData(0, 0, size.w, size.h).data;
        const palette = quantize(rgba, 256);
        gif.writeFrame(applyPalette(rgba, palette), size.w, size.h, { palette, delay, repeat: 0 });
      },
      progress,
      signal,
    );
    gif.finish();
    return { bytes: gif.bytes(), name: frames.name };
  } finally {
    frames.dispose();
  }
}

/** Whether this browser can encode VP9 video for a WebM of `width`×`height`. */
export async function canEncodeWebm(width = 1280, height = 720): Promise<boolean> {
  if (typeof VideoEncoder === 'undefined') return false;
  const { canEncodeVideo } = await import('mediabunny');
  return canEncodeVideo('vp9', { width, height, bitrate: 2_000_000 });
}

/** The WebM (VP9, by the browser's WebCodecs encoder) of `range`, ten frames a second; as renderGif. */
export async function renderWebm(
  range: AnimationRange,
  scale: number,
  theme: Theme,
  progress: (done: number, total: number) => void,
  signal: AbortSignal,
): Promise<{ bytes: Uint8Array; name: string }> {
  const frames = framesOf(range, scale, theme);
  try {
    const { BufferTarget, CanvasSource, Output, WebMOutputFormat } = await import('mediabunny');
    const first = await frames.draw(frames.ticks[0]);
    // VP9 wants even sides.
    const canvas = document.createElement('canvas');
    canvas.width = first.width + (first.width % 2);
    canvas.height = first.height + (first.height % 2);
    if (!(await canEncodeWebm(canvas.width, canvas.height)))
      throw new Error('This browser has no WebM (VP9) encoder: export a GIF instead.');
    const ctx = canvas.getContext('2d')!;
    const target = new BufferTarget();
    const output = new Output({ format: new WebMOutputFormat(), target });
    const source = new CanvasSource(canvas, { codec: 'vp9', bitrate: 2_000_000, keyFrameInterval: 5 });
    output.addVideoTrack(source, { frameRate: 10 });
    await output.start();
    try {
      await eachFrame(
        frames,
        async (img, i) => {
          ctx.fillStyle = '#000';
          ctx.fillRect(0, 0, canvas.width, canvas.height);
          ctx.drawImage(img, 0, 0);
          await source.add(i / 10, 1 / 10);
        },
        progress,
        signal,
        first,
      );
      await output.finalize();
    } catch (e) {
      await output.cancel();
      throw e;
    }
    return { bytes: new Uint8Array(target.buffer!), name: frames.name };
  } finally {
    frames.dispose();
  }
}
