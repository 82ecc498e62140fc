// The timeline's axis: linear in ticks, except that a long stretch with nothing on the timeline (a
// device sitting out a 100 ms reset is 10^6 ticks of 100 ns) is drawn as a short break, so the
// activity on either side stays readable. Pure: ticks in, fractions of the track out, and back.

export interface Segment {
  from: number;
  to: number;
  /** Drawn as a break of fixed width rather than to scale. */
  quiet: boolean;
  /** Where the segment starts and ends on the track, as fractions of its width. */
  x0: number;
  x1: number;
}

export interface TimeAxis {
  /** Where tick `t` is on the track, 0…1. */
  x(t: number): number;
  /** The tick at fraction `x` of the track. */
  t(x: number): number;
  segments: Segment[];
  /** True when some stretch is drawn as a break. */
  compressed: boolean;
}

/** A stretch is quiet when it is longer than this share of the run and than MIN_QUIET ticks (1 ms at 100 ns a tick)… */
const QUIET_SHARE = 0.15;
const MIN_QUIET = 10_000;
/** …and is then drawn this wide (a share of the track). */
const BREAK_SHARE = 0.07;
/** Ticks at each end of a quiet stretch kept to scale, so marks beside it do not sit on the break. */
const PAD = 50;

/** The axis for a run of `horizon` ticks with marks (operations, steps, captions, violations) at `marks`. */
export function timeAxis(horizon: number, marks: number[]): TimeAxis {
  const ts = [...new Set([0, horizon, ...marks.filter((t) => t >= 0 && t <= horizon)])].sort((a, b) => a - b);
  const quietFrom = Math.max(MIN_QUIET, QUIET_SHARE * horizon);
  const raw: { from: number; to: number; quiet: boolean }[] = [];
  for (let i = 1; i < ts.length; i++) {
    const [from, to] = [ts[i - 1], ts[i]];
    const pad = Math.min(PAD, (to - from) / 8);
    const quiet = to - from > quietFrom;
    const push = (a: number, b: number, q: boolean) => {
      if (b <= a) return;
      const prev = raw[raw.length - 1];
      if (prev !== undefined && !prev.quiet && !q) prev.to = b;
      else raw.push({ from: a, to: b, quiet: q });
    };
    if (quiet) {
      push(from, from + pad, false);
      push(from + pad, to - pad, true);
      push(to - pad, to, false);
    } else push(from, to, false);
  }
  const breaks = raw.filter((s) => s.quiet).length;
  if (breaks === 0 || horizon <= 0) return linear(horizon);
  const scaled = raw.filter((s) => !s.quiet).reduce((n, s) => n + s.to - s.from, 0);
  const perTick = (1 - breaks * BREAK_SHARE) / Math.max(1, scaled);
  let x = 0;
  const segments: Segment[] = raw.map((s) => {
    const w = s.quiet ? BREAK_SHARE : (s.to - s.from) * perTick;
    const seg = { ...s, x0: x, x1: x + w };
    x += w;
    return seg;
  });
  segments[segments.length - 1].x1 = 1;
  const find = (pred: (s: Segment) => boolean) => segments.find(pred) ?? segments[segments.length - 1];
  return {
    compressed: true,
    segments,
    x(t) {
      const s = find((g) => t <= g.to);
      const f = s.to === s.from ? 0 : (Math.min(Math.max(t, s.from), s.to) - s.from) / (s.to - s.from);
      return s.x0 + f * (s.x1 - s.x0);
    },
    t(xv) {
      const s = find((g) => xv <= g.x1);
      const f = s.x1 === s.x0 ? 0 : (Math.min(Math.max(xv, s.x0), s.x1) - s.x0) / (s.x1 - s.x0);
      return s.from + f * (s.to - s.from);
    },
  };
}

function linear(horizon: number): TimeAxis {
  const h = Math.max(1, horizon);
  return {
    compressed: false,
    segments: [{ from: 0, to: horizon, quiet: false, x0: 0, x1: 1 }],
    x: (t) => t / h,
    t: (x) => x * h,
  };
}
