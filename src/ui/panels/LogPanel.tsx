// The run's log up to the playhead: operations, hypervisor steps, operation errors, SMMU event
// records and violations, filterable, all of it reachable by scrolling.
//
// Only the rows in view (and a margin) are in the page, between two spacers that hold the place of
// the others. The panel used to render up to the last 400 rows, and a scroller's content is laid out
// and painted beyond what shows: with the log hidden, the stress scenario's heaviest frames (the
// views of a hand-over's steps, when records come) took about 3 ms less layout and 4-5 ms less
// paint. Rows are one line of a fixed height, so which rows are in view follows from the scroll
// offset alone, with nothing measured. Rows stay in normal flow: a positioned row would be a paint
// layer of its own, and rows coming and going would change the page's layering.
//
// A row shows its whole text on hover; clicking it seeks to its tick and opens it (wrapped, on as
// many lines as it needs), one row at a time. The list is a `role="log"`, which assistive
// technology reads as a log that grows at its end.

import { useEffect, useMemo, useRef, useState } from 'react';
import { useApp } from '../../store/appStore';
import { useTransitioned } from '../hooks/useTransitioned';
import './panels.css';

const KINDS = ['op', 'step', 'opError', 'event', 'violation', 'note'] as const;
/** A row's height in px (`.pn-log-row`). */
const ROW = 15;
/** Rows rendered beyond each end of the view, so a scroll shows rows already drawn. */
const MARGIN = 20;

export function LogPanel() {
  const log = useTransitioned((s) => s.summary?.log);
  const now = useTransitioned((s) => Math.floor(s.clock));
  const filter = useApp((s) => s.logFilter);
  // The records that pass the filter, as indices into the log; found again only when the run or
  // the filter changes. The playhead cuts this list by binary search (the log is in time order).
  const matches = useMemo(() => {
    if (log === undefined) return [];
    const text = filter.text.toLowerCase();
    const out: number[] = [];
    log.forEach((r, i) => {
      if (filter.kinds.includes(r.kind) && (text === '' || r.text.toLowerCase().includes(text))) out.push(i);
    });
    return out;
  }, [log, filter]);
  const count = useMemo(() => {
    if (log === undefined) return 0;
    let lo = 0;
    let hi = matches.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (log[matches[mid]].t <= now) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }, [log, matches, now]);

  // The newest row is at the bottom: the list is laid out bottom-up (column-reverse), so it stays
  // scrolled to the newest row as rows come, without measuring anything. Its scroll offset is then
  // 0 at the bottom and negative above, and `from` is how far above the newest row the view is.
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ from: 0, height: 0 });
  const [opened, setOpened] = useState<number | null>(null);
  useEffect(() => {
    const el = scroller.current;
    if (el === null) return;
    const ro = new ResizeObserver(([e]) => setView((v) => ({ ...v, height: e.contentRect.height })));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const first = Math.max(0, Math.floor(view.from / ROW) - MARGIN);
  const last = Math.min(count, Math.ceil((view.from + view.height) / ROW) + MARGIN);
  const rows = [];
  // k counts rows from the newest (k = 0, at the bottom); the oldest drawn comes first.
  for (let k = last - 1; k >= first && log !== undefined; k--) {
    const i = matches[count - 1 - k];
    const r = log[i];
    rows.push(
      <button
        key={i}
        type="button"
        className={`pn-log-row pn-k-${r.kind}${opened === i ? ' pn-log-open' : ''}`}
        data-testid="log-row"
        data-t={r.t}
        aria-expanded={opened === i}
        title={`t=${r.t} ${r.text} (click: go to t=${r.t})`}
        onClick={() => {
          setOpened(opened === i ? null : i);
          useApp.getState().seek(r.t);
        }}
      >
        <span className="pn-log-t">{r.t}</span>
        <span className="pn-log-text">{r.text}</span>
      </button>,
    );
  }
  return (
    <section className="pn-log" data-testid="log">
      <div className="pn-log-bar">
        {KINDS.map((k) => (
          <button
            key={k}
            aria-pressed={filter.kinds.includes(k)}
            className={`pn-chip pn-k-${k}`}
            onClick={() =>
              useApp
                .getState()
                .setLogFilter({ kinds: filter.kinds.includes(k) ? filter.kinds.filter((x) => x !== k) : [...filter.kinds, k] })
            }
          >
            {k}
          </button>
        ))}
        <input
          aria-label="Filter log"
          placeholder="filter…"
          value={filter.text}
          onChange={(e) => useApp.getState().setLogFilter({ text: e.target.value })}
        />
      </div>
      <div
        className="pn-log-rows"
        role="log"
        aria-label="Run log"
        ref={scroller}
        data-rows={count}
        onScroll={(e) => {
          const from = Math.max(0, -e.currentTarget.scrollTop);
          setView((v) => (v.from === from ? v : { ...v, from }));
        }}
      >
        <div className="pn-log-all">
          <div style={{ height: (count - last) * ROW }} />
          {rows}
          <div style={{ height: first * ROW }} />
        </div>
      </div>
    </section>
  );
}
