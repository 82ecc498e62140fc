// The run's log up to the playhead: operations, hypervisor steps, operation errors, SMMU event
// records and violations, filterable. Only the last rows that match are rendered.

import { useMemo } from 'react';
import { useApp } from '../../store/appStore';
import { useTransitioned } from '../hooks/useTransitioned';
import './panels.css';

const KINDS = ['op', 'step', 'opError', 'event', 'violation', 'note'] as const;
const SHOWN = 400;

export function LogPanel() {
  const log = useTransitioned((s) => s.summary?.log);
  const now = useTransitioned((s) => Math.floor(s.clock));
  const filter = useApp((s) => s.logFilter);
  const rows = useMemo(() => {
    if (log === undefined) return [];
    // The log is in time order: cut at the playhead by binary search.
    let lo = 0;
    let hi = log.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (log[mid].t <= now) lo = mid + 1;
      else hi = mid;
    }
    const text = filter.text.toLowerCase();
    // Newest first: the list is laid out bottom-up (column-reverse), which keeps it scrolled to
    // the newest row without measuring the page on every tick.
    const out: { i: number; r: (typeof log)[number] }[] = [];
    for (let i = lo - 1; i >= 0 && out.length < SHOWN; i--) {
      const r = log[i];
      if (filter.kinds.includes(r.kind) && (text === '' || r.text.toLowerCase().includes(text))) out.push({ i, r });
    }
    return out;
  }, [log, now, filter]);
  return (
    <section className="pn-log" data-testid="log">
      <div className="pn-log-bar">
        {KINDS.map((k) => (
          <button
            key={k}
            aria-pressed={filter.kinds.includes(k)}
            className={`pn-chip pn-k-${k}`}
            onClick={() => useApp.getState().setLogFilter({ kinds: filter.kinds.includes(k) ? filter.kinds.filter((x) => x !== k) : [...filter.kinds, k] })}
          >
            {k}
          </button>
        ))}
        <input aria-label="Filter log" placeholder="filter…" value={filter.text} onChange={(e) => useApp.getState().setLogFilter({ text: e.target.value })} />
      </div>
      <div className="pn-log-rows">
        {rows.map(({ i, r }) => (
          <div key={i} className={`pn-log-row pn-k-${r.kind}`}>
            <span className="pn-log-t">{r.t}</span>
            <span>{r.text}</span>
          </div>
        ))}
      </div>
    </section>
  );
}
