// The overlay's controller (controller.ts) without a browser: the page's services it uses (a
// canvas element, a ResizeObserver, the reduced-motion query, animation frames) are stand-ins,
// and the painter is a recorder of the messages it is sent.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InternalNode } from '@xyflow/react';
import { OverlayController, type FrameSource, type OverlayInputs } from './controller';
import type { PaintHost } from './paintHost';
import type { PainterMsg, PainterStats } from './painter';
import type { Frame } from '../../worker/protocol';
import { overlayBox } from './overlayBox';

/** The page: one canvas element, a ResizeObserver, the reduced-motion query and animation frames. */
function page() {
  const canvas = {
    className: '',
    dataset: {} as Record<string, string>,
    style: {} as Record<string, string>,
    attrs: {} as Record<string, string>,
    removed: false,
    setAttribute(k: string, v: string) {
      canvas.attrs[k] = v;
    },
    remove() {
      canvas.removed = true;
    },
  };
  const frames = new Map<number, () => void>();
  let nextFrame = 1;
  const motion = { matches: false, listeners: new Set<() => void>() };
  const resize = { cb: null as ((e: { contentRect: { width: number; height: number } }[]) => void) | null, observed: 0 };
  vi.stubGlobal('document', { createElement: () => canvas });
  vi.stubGlobal('window', {
    devicePixelRatio: 2,
    matchMedia: () => ({
      get matches() {
        return motion.matches;
      },
      addEventListener: (_: string, cb: () => void) => motion.listeners.add(cb),
      removeEventListener: (_: string, cb: () => void) => motion.listeners.delete(cb),
    }),
  });
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(cb: typeof resize.cb) {
        resize.cb = cb;
      }
      observe() {
        resize.observed++;
      }
      disconnect() {
        resize.observed = 0;
      }
    },
  );
  vi.stubGlobal('requestAnimationFrame', (cb: () => void) => {
    frames.set(nextFrame, cb);
    return nextFrame++;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
  return {
    canvas,
    motion,
    resize,
    /** Runs the animation frames asked for so far. */
    runFrames() {
      const due = [...frames.values()];
      frames.clear();
      for (const cb of due) cb();
      return due.length;
    },
    pendingFrames: () => frames.size,
    resizePane: (width: number, height: number) => resize.cb!([{ contentRect: { width, height } }]),
    changeMotion(reduced: boolean) {
      motion.matches = reduced;
      for (const cb of motion.listeners) cb();
    },
  };
}

/** A painter that records what it is sent; in a worker, it also takes an engine channel. */
function painter(kind: 'worker' | 'page') {
  const sent: PainterMsg[] = [];
  const ports: MessagePort[] = [];
  let report: (s: PainterStats) => void = () => {};
  let disposed = false;
  const host: PaintHost = {
    kind,
    post: (m) => void sent.push(m),
    connectEngine: kind === 'worker' ? (p) => void ports.push(p) : undefined,
    dispose: () => void (disposed = true),
  };
  return {
    sent,
    ports,
    make: (_: HTMLCanvasElement, r: (s: PainterStats) => void) => ((report = r), host),
    report: (s: PainterStats) => report(s),
    disposed: () => disposed,
    /** The messages of one type sent since `from`. */
    of: <T extends PainterMsg['type']>(type: T, from = 0) =>
      sent.slice(from).filter((m): m is Extract<PainterMsg, { type: T }> => m.type === type),
  };
}

/** The store's frames: the latest, the subscribers, the painter's channel. */
function frameSource(latest: Frame | null = null) {
  const listeners = new Set<(f: Frame | null) => void>();
  const src: FrameSource & { publish(f: Frame | null): void; attached: number; detached: number } = {
    get latest() {
      return latest;
    },
    attached: 0,
    detached: 0,
    subscribe(cb) {
      listeners.add(cb);
      return () => void listeners.delete(cb);
    },
    attachPainter(connect) {
      src.attached++;
      connect({ name: 'port' } as unknown as MessagePort);
      return () => void src.detached++;
    },
    publish(f) {
      latest = f;
      for (const cb of listeners) cb(f);
    },
  };
  return src;
}

function frame(playing: boolean, extra: Partial<Frame> = {}): Frame {
  return {
    type: 'frame',
    seq: 1,
    clock: 12,
    playing,
    speed: 20,
    horizon: 100,
    view: null,
    inflight: new Float64Array([1, 2, 3]),
    ended: new Float64Array([4]),
    ...extra,
  };
}

/** A node as React Flow's node table has it: where it is and how big. */
function node(x: number, y: number, width: number, height: number): InternalNode {
  return { internals: { positionAbsolute: { x, y } }, measured: { width, height } } as unknown as InternalNode;
}

// Device 0 at (0, 0), 100 × 40 (its port at (100, 20)); the SMMU at (300, 0), 80 × 40.
const scenario = { devices: [{ id: 'nic' }] };
const lookup = new Map([
  ['nic', node(0, 0, 100, 40)],
  ['smmu', node(300, 0, 80, 40)],
]);
const inputs: OverlayInputs = {
  transform: [500, 400, 1],
  nodes: [],
  nodeLookup: lookup,
  scenario,
  regions: [],
  selectedTxn: -1,
};

function setup(opts: { kind?: 'worker' | 'page'; latest?: Frame | null } = {}) {
  const p = page();
  const paint = painter(opts.kind ?? 'worker');
  const frames = frameSource(opts.latest ?? null);
  const holder = { appended: [] as unknown[], append: (c: unknown) => void holder.appended.push(c) };
  const overlay = new OverlayController(holder as unknown as HTMLElement, { root: () => null, frames, paintHost: paint.make });
  return { p, paint, frames, holder, overlay };
}

beforeEach(() => vi.unstubAllGlobals());
afterEach(() => vi.unstubAllGlobals());

describe('the overlay controller', () => {
  it('puts a canvas with its test hooks in the holder, and shows the painter’s stats on it', () => {
    const { p, paint, holder } = setup();
    expect(holder.appended).toEqual([p.canvas]);
    expect(p.canvas.className).toBe('cv-overlay');
    expect(p.canvas.dataset).toMatchObject({ testid: 'dma-overlay', painter: 'worker' });
    expect(p.canvas.attrs['aria-hidden']).toBe('true');
    expect(p.resize.observed).toBe(1);
    paint.report({ drawn: 3, blocked: 'C_BAD_STE 0x04', landed: 1, leaks: 2, radius: 7 });
    expect(p.canvas.dataset).toMatchObject({ drawn: '3', blocked: 'C_BAD_STE 0x04', landed: '1', leaks: '2', particle: '14' });
  });

  it('starts on the first update: options and the latest frame now, the geometry on the next animation frame', () => {
    const { p, paint, overlay } = setup({ latest: frame(false) });
    expect(paint.sent).toEqual([]);
    overlay.update(inputs);
    // No geometry yet: nothing to cover, the painter's viewport unshifted.
    expect(paint.sent.map((m) => m.type)).toEqual(['size', 'transform', 'options', 'frame']);
    expect(paint.of('size')[0]).toEqual({ type: 'size', w: 0, h: 0, dpr: 2 });
    expect(paint.of('transform')[0].transform).toEqual([500, 400, 1]);
    expect(paint.of('options')[0]).toEqual({ type: 'options', reducedMotion: false, selectedTxn: -1 });
    p.resizePane(2000, 1000);
    const before = paint.sent.length;
    expect(p.runFrames()).toBe(1);
    const [g] = paint.of('geometry', before);
    expect(g.geometry).toMatchObject({ smmuIn: { x: 300, y: 20 }, smmuOut: { x: 380, y: 20 } });
    expect([...g.geometry!.devices]).toEqual([100, 20]);
    // The canvas covers the geometry's box; the painter draws through the viewport moved to its corner.
    const box = overlayBox(g.geometry, inputs.transform, { w: 2000, h: 1000 });
    expect(box.w).toBeGreaterThan(0);
    expect(paint.of('size', before)).toEqual([{ type: 'size', w: box.w, h: box.h, dpr: 2 }]);
    expect(p.canvas.style).toEqual({ left: `${box.x}px`, top: `${box.y}px`, width: `${box.w}px`, height: `${box.h}px` });
    expect(paint.of('transform').at(-1)!.transform).toEqual([500 - box.x, 400 - box.y, 1]);
  });

  it('a pan moves the canvas and shifts the painter’s viewport, without resizing or rebuilding anything', () => {
    const { p, paint, overlay } = setup();
    overlay.update(inputs);
    p.resizePane(2000, 1000);
    p.runFrames();
    const before = paint.sent.length;
    const left = parseFloat(p.canvas.style.left);
    overlay.update({ ...inputs, transform: [530, 400, 1] });
    expect(paint.sent.slice(before).map((m) => m.type)).toEqual(['transform']);
    expect(parseFloat(p.canvas.style.left)).toBe(left + 30);
    expect(paint.of('transform').at(-1)!.transform).toEqual([530 - (left + 30), 400 - parseFloat(p.canvas.style.top), 1]);
    expect(p.pendingFrames()).toBe(0);
  });

  it('rebuilds the geometry once per animation frame however often nodes change, and forgets it for another scenario', () => {
    const { p, paint, overlay } = setup();
    overlay.update(inputs);
    p.runFrames();
    overlay.update({ ...inputs, nodes: [1] });
    overlay.update({ ...inputs, nodes: [2] });
    overlay.update({ ...inputs, nodes: [2], regions: [] });
    expect(p.pendingFrames()).toBe(1);
    let before = paint.sent.length;
    p.runFrames();
    expect(paint.of('geometry', before)).toHaveLength(1);
    // Another scenario: the painter stops drawing the last one's geometry at once.
    before = paint.sent.length;
    const other = { devices: [{ id: 'gpu' }] };
    overlay.update({ ...inputs, scenario: other });
    expect(paint.of('geometry', before)).toEqual([{ type: 'geometry', geometry: null }]);
    p.runFrames();
    const rebuilt = paint.of('geometry', before).at(-1)!.geometry!;
    expect([...rebuilt.devices].every(Number.isNaN)).toBe(true); // no node 'gpu'
    // With no view yet, there is nothing to build from.
    before = paint.sent.length;
    overlay.update({ ...inputs, scenario: other, regions: null });
    p.runFrames();
    expect(paint.of('geometry', before)).toEqual([{ type: 'geometry', geometry: null }]);
  });

  it('tells the painter the selected transaction and the reduced-motion preference when they change', () => {
    const { p, paint, overlay } = setup();
    overlay.update(inputs);
    overlay.update({ ...inputs, selectedTxn: 7 });
    expect(paint.of('options').at(-1)).toEqual({ type: 'options', reducedMotion: false, selectedTxn: 7 });
    const before = paint.sent.length;
    overlay.update({ ...inputs, selectedTxn: 7 });
    expect(paint.of('options', before)).toHaveLength(0);
    p.changeMotion(true);
    expect(paint.of('options').at(-1)).toEqual({ type: 'options', reducedMotion: true, selectedTxn: 7 });
  });

  it('hands a playing frame’s arrays over as they are, copies a still one, skips a direct one, clears on none', () => {
    const { paint, frames, overlay } = setup();
    overlay.update(inputs);
    const playing = frame(true);
    frames.publish(playing);
    const [a] = paint.of('frame');
    expect(a).toMatchObject({ clock: 12, playing: true, speed: 20 });
    expect(a.inflight).toBe(playing.inflight);
    expect(a.ended).toBe(playing.ended);
    const still = frame(false);
    frames.publish(still);
    const [, b] = paint.of('frame');
    expect(b.inflight).not.toBe(still.inflight);
    expect([...b.inflight]).toEqual([...still.inflight]);
    expect([...b.ended]).toEqual([...still.ended]);
    frames.publish(frame(true, { direct: true, inflight: new Float64Array(), ended: new Float64Array() }));
    expect(paint.of('frame')).toHaveLength(2);
    frames.publish(null);
    expect(paint.sent.at(-1)).toEqual({ type: 'clear' });
  });

  it('a painter in a worker gets its own channel to the engine; one on the page does not', () => {
    const worker = setup({ kind: 'worker' });
    expect(worker.frames.attached).toBe(1);
    expect(worker.paint.ports).toHaveLength(1);
    const onPage = setup({ kind: 'page' });
    expect(onPage.frames.attached).toBe(0);
    expect(onPage.p.canvas.dataset.painter).toBe('page');
  });

  it('destroy lets go of everything: the channel, the frames, the frame callback, the observers, the painter and the canvas', () => {
    const { p, paint, frames, overlay } = setup();
    overlay.update(inputs);
    overlay.update({ ...inputs, nodes: [1] });
    expect(p.pendingFrames()).toBe(1);
    overlay.destroy();
    expect(frames.detached).toBe(1);
    expect(p.pendingFrames()).toBe(0);
    expect(p.resize.observed).toBe(0);
    expect(p.motion.listeners.size).toBe(0);
    expect(paint.disposed()).toBe(true);
    expect(p.canvas.removed).toBe(true);
    const before = paint.sent.length;
    frames.publish(frame(true));
    overlay.update({ ...inputs, transform: [0, 0, 1] });
    expect(paint.sent.length).toBe(before);
    overlay.destroy();
    expect(frames.detached).toBe(1);
  });
});
