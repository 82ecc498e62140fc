// The timeline: scripted operations as markers with their hypervisor steps beneath, numbered
// caption chips, violations in red, the playhead; click or drag to seek, wheel to zoom in time. A
// long stretch with nothing on it (a 100 ms reset) is drawn as a short break (timeAxis.ts).

import { useEffect, useMemo, useRef, useState } from 'react';
import { useApp } from '../../store/appStore';
import { useTransitioned } from '../hooks/useTransitioned';
import { CaptionChips } from './CaptionChips';
import { duration, opText } from './format';
import { timeAxis, type TimeAxis } from './timeAxis';
import { stepMarks } from './stepMarks';
import { labelWidth, placeLabels, shortName } from './labelRows';
import './panels.css';

export function Timeline() {
  const summary = useApp((s) => s.summary);
  const scenario = useApp((s) => s.scenario);
  // The playhead is its own component: the markers below do not re-render as the clock moves.
  const horizon = useApp((s) => s.horizon);
  const [zoom, setZoom] = useState(1);
  const [open, setOpen] = useState<number | null>(null);
  const track = useRef<HTMLDivElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const pending = useRef<number | null>(null);
  // The visible width of the track (px), for placing the operations' labels so none covers another.
  const [width, setWidth] = useState(0);
  const shown = summary !== null && scenario !== null && horizon !== 0;
  useEffect(() => {
    const el = scroller.current;
    if (el === null) return;
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, [shown]);
  const axis = useMemo(() => {
    if (summary === null || scenario === null) return timeAxis(horizon, []);
    const marks = summary.ops.flatMap((o) => [o.t, ...o.steps.map((s) => s.t)]);
    for (const c of scenario.captions) marks.push(c.at);
    for (const v of summary.violations) marks.push(v.t);
    return timeAxis(horizon, marks);
  }, [summary, scenario, horizon]);
  if (summary === null || scenario === null || horizon === 0) return <div className="pn-timeline" data-testid="timeline" />;

  const pct = (t: number) => `${100 * axis.x(t)}%`;
  const tickAt = (clientX: number) => {
    const r = track.current!.getBoundingClientRect();
    return Math.max(0, Math.min(horizon, Math.round(axis.t((clientX - r.left) / r.width))));
  };
  // Scrubbing: at most one seek per animation frame, the latest position wins.
  const scrub = (clientX: number) => {
    const first = pending.current === null;
    pending.current = tickAt(clientX);
    if (first)
      requestAnimationFrame(() => {
        if (pending.current !== null) useApp.getState().seek(pending.current);
        pending.current = null;
      });
  };
  const ops = summary.ops;
  const opened = open === null ? undefined : ops[open];
  const places = placeLabels(
    ops.map((o) => ({ x: axis.x(o.t) * width * zoom, full: labelWidth(o.op.op), short: labelWidth(shortName(o.op.op)) })),
    2,
  );
  return (
    <div className="pn-timeline" data-testid="timeline">
      <div
        ref={scroller}
        className="pn-tl-scroll"
        onWheel={(e) => {
          if (e.ctrlKey || e.altKey || Math.abs(e.deltaY) > Math.abs(e.deltaX))
            setZoom((z) => Math.max(1, Math.min(64, z * (e.deltaY < 0 ? 1.25 : 0.8))));
        }}
      >
        <div
          ref={track}
          className="pn-tl-track"
          style={{ width: `${zoom * 100}%` }}
          onPointerDown={(e) => {
            if ((e.target as HTMLElement).closest('[data-marker]')) return;
            e.currentTarget.setPointerCapture(e.pointerId);
            scrub(e.clientX);
          }}
          onPointerMove={(e) => e.buttons === 1 && e.currentTarget.hasPointerCapture(e.pointerId) && scrub(e.clientX)}
        >
          <Ruler horizon={horizon} axis={axis} tickNs={summary.tickNs} />
          <div className="pn-tl-lane pn-tl-ops">
            {ops.map((o, k) => {
              const p = places[k];
              return (
                <button
                  key={o.index}
                  data-marker
                  data-testid="timeline-op"
                  data-op={o.op.op}
                  data-t={o.t}
                  data-form={p.form}
                  aria-label={`t=${o.t} ${o.op.op}`}
                  className={`pn-tl-op pn-tl-${p.form}${o.status === 'refused' ? ' pn-refused' : ''}${open === o.index ? ' pn-open' : ''}`}
                  style={{ left: pct(o.t), top: p.row < 0 ? 36 : 18 * p.row }}
                  title={`t=${o.t} ${opText(o.op)}${o.error ? ` — refused: ${o.error}` : ''}`}
                  onClick={() => {
                    setOpen(open === o.index ? null : o.index);
                    useApp.getState().seek(o.t);
                  }}
                >
                  {p.form === 'full' ? o.op.op : p.form === 'short' ? shortName(o.op.op) : ''}
                </button>
              );
            })}
          </div>
          <div className="pn-tl-lane pn-tl-steps">
            {stepMarks(ops, axis.x, zoom, open).map((m) => (
              <i key={m.key} className={m.hot ? 'pn-hot' : ''} style={{ left: `${100 * m.x}%` }} title={m.title} />
            ))}
          </div>
          <CaptionChips axis={axis} captions={scenario.captions} />
          <div className="pn-tl-lane pn-tl-marks">
            {summary.violations.map((v, k) => (
              <button
                key={k}
                data-marker
                data-testid="timeline-violation"
                data-invariant={v.number}
                className="pn-tl-violation"
                style={{ left: pct(v.t), top: 2 + 14 * stackIndex(summary.violations, k) }}
                title={`t=${v.t} ${v.number}: ${v.message}`}
                onClick={() => {
                  useApp.getState().seek(v.t);
                  useApp.getState().select({ kind: 'violation', index: k });
                }}
              >
                {v.number}
              </button>
            ))}
          </div>
          <Playhead axis={axis} />
        </div>
      </div>
      {opened && (
        <div className="pn-tl-detail">
          <b>
            t={opened.t} {opText(opened.op)}
          </b>{' '}
          <span className={opened.status === 'refused' ? 'pn-bad' : 'pn-dim'}>
            {opened.status}
            {opened.error ? ` — ${opened.error}` : ''}
          </span>
          <ol>
            {opened.steps.map((s, k) => (
              <li key={k}>
                <button className="pn-link" onClick={() => useApp.getState().seek(s.t)}>
                  t={s.t}
                </button>{' '}
                {s.text}
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}

function Playhead({ axis }: { axis: TimeAxis }) {
  const clock = useTransitioned((s) => s.clock);
  // Drawn as a gradient of a box spanning the track, not as a box moved by `left` or a transform:
  // a box that moves changes the page's geometry, and Chromium then re-layerizes the whole page
  // (several ms, at every view while a large run plays; moving a layer of its own by a transform
  // did too); a new background only repaints the box.
  const at = `${(100 * axis.x(clock)).toFixed(3)}%`;
  return <div className="pn-tl-playhead" data-testid="playhead" style={{ backgroundImage: playheadAt(at) }} />;
}

function playheadAt(at: string): string {
  const x = (px: number) => `calc(${at} + ${px}px)`;
  const glow = '#ffd16655';
  return `linear-gradient(to right, transparent ${x(-5)}, ${glow} ${x(0)}, #ffd166 ${x(0)}, #ffd166 ${x(2)}, ${glow} ${x(2)}, transparent ${x(7)})`;
}

function Ruler({ horizon, axis, tickNs }: { horizon: number; axis: TimeAxis; tickNs: number }) {
  // About ten marks over the track: each stretch drawn to scale gets its share of them.
  const marks: number[] = [];
  for (const s of axis.segments) {
    if (s.quiet) continue;
    const n = Math.max(1, Math.round(10 * (s.x1 - s.x0)));
    const step = niceStep((s.to - s.from) / n);
    for (let t = Math.ceil(s.from / step) * step; t <= s.to; t += step) if (marks[marks.length - 1] !== t) marks.push(t);
  }
  if (marks.length === 0) marks.push(0, horizon);
  return (
    <div className="pn-tl-ruler">
      {marks.map((t) => (
        <span key={t} style={{ left: `${100 * axis.x(t)}%` }}>
          {t}
        </span>
      ))}
      {axis.segments
        .filter((s) => s.quiet)
        .map((s) => (
          <b
            key={s.from}
            className="pn-tl-break"
            data-testid="timeline-break"
            style={{ left: `${100 * s.x0}%`, width: `${100 * (s.x1 - s.x0)}%` }}
            title={`nothing on the timeline for ${Math.round(s.to - s.from)} ticks (${duration(s.to - s.from, tickNs)}), drawn short`}
          >
            ≈ {duration(s.to - s.from, tickNs)}
          </b>
        ))}
    </div>
  );
}

function niceStep(x: number): number {
  const p = 10 ** Math.floor(Math.log10(Math.max(1, x)));
  return [1, 2, 5, 10].map((m) => m * p).find((v) => v >= x) ?? p * 10;
}

/** Violations at the same tick stack (up to three rows) instead of hiding each other. */
function stackIndex(vs: { t: number }[], k: number): number {
  let n = 0;
  for (let i = 0; i < k; i++) if (vs[i].t === vs[k].t) n++;
  return Math.min(2, n);
}
