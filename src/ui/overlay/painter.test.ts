import { describe, expect, it } from 'vitest';
import { Painter, type PainterStats } from './painter';
import type { Ctx2D } from './draw';
import type { Geometry } from './geometry';
import { FAULT, faultCode, FLAG, PHASE, TX, type TxField } from '../../worker/frameFormat';

/** A 2D context that records the particles drawn (arc centres) and nothing else. */
function recorder() {
  const arcs: { x: number; y: number; r: number; filled: boolean }[] = [];
  let pending: { x: number; y: number; r: number } | null = null;
  const ctx = {
    arcs,
    clears: 0,
    setTransform() {},
    clearRect() {
      ctx.clears++;
    },
    beginPath() {
      pending = null;
    },
    arc(x: number, y: number, r: number) {
      pending = { x, y, r };
    },
    fill() {
      if (pending) arcs.push({ ...pending, filled: true });
    },
    stroke() {
      if (pending) arcs.push({ ...pending, filled: false });
    },
    moveTo() {},
    lineTo() {},
    fillRect() {},
    strokeRect() {},
    fillText() {},
    measureText: (s: string) => ({ width: s.length * 7 }),
  };
  return ctx;
}

function txn(fields: Partial<Record<TxField, number>>): number[] {
  const row = new Array<number>(TX.stride).fill(0);
  for (const [k, v] of Object.entries(fields)) row[TX[k as TxField]] = v;
  return row;
}

// Device 0's port at (100, 50), the SMMU from (300, 50) to (400, 50), page 0 at (600, 80).
const geometry: Geometry = {
  devices: new Float64Array([100, 50]),
  smmuIn: { x: 300, y: 50 },
  smmuOut: { x: 400, y: 50 },
  pages: new Float64Array([600, 80]),
};

function setup() {
  const ctx = recorder();
  const reports: PainterStats[] = [];
  let now = 0;
  const painter = new Painter(
    { canvas: { width: 0, height: 0 }, ctx: ctx as unknown as Ctx2D },
    (s) => reports.push(s),
    () => now,
  );
  painter.handle({ type: 'size', w: 800, h: 600, dpr: 1 });
  painter.handle({ type: 'geometry', geometry });
  painter.handle({ type: 'transform', transform: [10, 20, 1] });
  painter.handle({ type: 'options', reducedMotion: false, selectedTxn: -1 });
  return { ctx, reports, painter, setNow: (t: number) => void (now = t) };
}

describe('the overlay painter', () => {
  it('draws each in-flight transaction on its leg at the engine time, through the viewport', () => {
    const { ctx, painter, reports } = setup();
    // A write issued at tick 10 that reaches the SMMU at 20, seen at tick 15: half way.
    const inflight = new Float64Array(
      txn({ id: 7, device: 0, programmedBy: 2, phase: PHASE.issued, issuedAt: 10, arriveAt: 20, flags: FLAG.write }),
    );
    painter.handle({ type: 'frame', clock: 15, playing: false, speed: 1, inflight, ended: new Float64Array() });
    expect(painter.paint()).toBe(true);
    expect(ctx.arcs).toEqual([{ x: 200 + 10, y: 50 + 20, r: 8, filled: true }]);
    expect(reports.at(-1)).toEqual({ drawn: 1, blocked: '', landed: 0, leaks: 0, radius: 8 });
  });

  it('draws a translated transaction from the SMMU towards its page, and a read as a ring', () => {
    const { ctx, painter } = setup();
    const inflight = new Float64Array(txn({ device: 0, phase: PHASE.translated, arriveAt: 20, translatedAt: 30, commitAt: 40, page: 0 }));
    painter.handle({ type: 'frame', clock: 35, playing: false, speed: 1, inflight, ended: new Float64Array() });
    painter.paint();
    expect(ctx.arcs).toEqual([{ x: 500 + 10, y: 65 + 20, r: 8, filled: false }]);
  });

  it('shows a blocked transaction with its fault and counts the landed ones', () => {
    const { painter, reports } = setup();
    const ended = new Float64Array([
      ...txn({ id: 1, device: 0, phase: PHASE.aborted, arriveAt: 50, fault: faultCode(true, 'C_BAD_STE') }),
      ...txn({ id: 2, device: 0, phase: PHASE.aborted, arriveAt: 51, fault: FAULT.unrecorded }),
      ...txn({ id: 3, device: 0, phase: PHASE.committed, commitAt: 52, page: 0 }),
    ]);
    painter.handle({ type: 'frame', clock: 53, playing: false, speed: 1, inflight: new Float64Array(), ended });
    painter.paint();
    expect(reports.at(-1)).toEqual({ drawn: 0, blocked: 'C_BAD_STE 0x04 | aborted, not recorded', landed: 1, leaks: 0, radius: 8 });
  });

  it('marks a page a leaking commit reached for longer than a flash, and lets it go after', () => {
    const { painter, reports, setNow } = setup();
    setNow(1000);
    const ended = new Float64Array(txn({ id: 9, device: 0, phase: PHASE.committed, commitAt: 52, page: 0, flags: FLAG.leak }));
    painter.handle({ type: 'frame', clock: 53, playing: false, speed: 20, inflight: new Float64Array(), ended });
    painter.paint();
    expect(reports.at(-1)).toMatchObject({ landed: 1, leaks: 1 });
    // Two seconds later, paused, with the commit long out of the flash: still marked.
    setNow(3000);
    painter.handle({ type: 'frame', clock: 300, playing: false, speed: 20, inflight: new Float64Array(), ended: new Float64Array() });
    painter.paint();
    expect(reports.at(-1)).toMatchObject({ landed: 0, leaks: 1 });
    setNow(4000);
    expect(painter.paint()).toBe(true);
    expect(reports.at(-1)).toMatchObject({ leaks: 0 });
  });

  it('does not redraw a paused, unchanged picture, and redraws when the view pans', () => {
    const { ctx, painter, reports } = setup();
    painter.handle({
      type: 'frame',
      clock: 15,
      playing: false,
      speed: 1,
      inflight: new Float64Array(txn({ device: 0, issuedAt: 10, arriveAt: 20 })),
      ended: new Float64Array(),
    });
    expect(painter.paint()).toBe(true);
    expect(painter.paint()).toBe(false);
    expect(ctx.clears).toBe(1);
    painter.handle({ type: 'transform', transform: [0, 0, 1] });
    expect(painter.paint()).toBe(true);
    expect(ctx.arcs.at(-1)).toMatchObject({ x: 200, y: 50 });
    // The stats did not change, so they were reported once.
    expect(reports).toHaveLength(1);
  });

  it('while playing, moves on between engine frames at the playing speed, never more than 100 ms ahead', () => {
    const { ctx, painter, setNow } = setup();
    setNow(1000);
    painter.handle({
      type: 'frame',
      clock: 10,
      playing: true,
      speed: 20,
      inflight: new Float64Array(txn({ device: 0, issuedAt: 10, arriveAt: 20 })),
      ended: new Float64Array(),
    });
    setNow(1050); // 50 ms at 20 ticks/s: one tick on, a tenth of the leg
    painter.paint();
    expect(ctx.arcs.at(-1)!.x).toBeCloseTo(10 + 100 + 20);
    setNow(5000); // long after the frame: capped at 100 ms, two ticks
    painter.paint();
    expect(ctx.arcs.at(-1)!.x).toBeCloseTo(10 + 100 + 40);
  });

  it('while playing, tells the page what it drew a few times a second, and at once when paused', () => {
    const { painter, reports, setNow } = setup();
    const frame = (clock: number, playing: boolean, count: number) =>
      painter.handle({
        type: 'frame',
        clock,
        playing,
        speed: 20,
        inflight: new Float64Array(Array.from({ length: count }, () => txn({ device: 0, issuedAt: 0, arriveAt: 1000 })).flat()),
        ended: new Float64Array(),
      });
    for (let i = 0; i < 30; i++) {
      setNow(i * 16);
      frame(i, true, 1 + (i % 3));
      painter.paint();
    }
    // 30 frames over 464 ms with a new count on each: reported at 0 and 256 ms only.
    expect(reports.map((r) => r.drawn)).toEqual([1, 2]);
    setNow(470);
    frame(30, false, 7);
    painter.paint();
    expect(reports.at(-1)!.drawn).toBe(7);
  });

  it('draws nothing after a clear, and nothing where a device has no node', () => {
    const { ctx, painter, reports } = setup();
    painter.handle({
      type: 'frame',
      clock: 15,
      playing: false,
      speed: 1,
      inflight: new Float64Array(txn({ device: 3, issuedAt: 10, arriveAt: 20 })),
      ended: new Float64Array(),
    });
    painter.paint();
    expect(ctx.arcs).toHaveLength(0);
    painter.handle({ type: 'clear' });
    painter.paint();
    expect(reports.at(-1)).toEqual({ drawn: 0, blocked: '', landed: 0, leaks: 0, radius: 0 });
  });
});
