// Liveness beside safety: each hand-over of the run (completed, refused, waiting or unfinished) and
// whether the new owner's own DMA then worked. A run of thousands of hand-overs shows a count by
// status and the first LIMIT, with the rest a click away: a list of thousands would cost the page
// seconds each time the run's summary changes, and nobody reads it whole.

import { useState } from 'react';
import { useApp } from '../../store/appStore';
import type { Handover } from '../../sim';
import { handoverOutcome } from '../../report/model';
import './panels.css';

/** Hand-overs listed before "Show all". */
export const LIMIT = 40;

/** "3,968 hand-overs: 3,900 done, 68 refused" — the count of each status, in the order they first occur. */
export function handoverCounts(hs: readonly Handover[]): string {
  const by = new Map<string, number>();
  for (const h of hs) by.set(h.status, (by.get(h.status) ?? 0) + 1);
  const word: Record<string, string> = { completed: 'done', refused: 'refused', waiting: 'waiting' };
  const parts = [...by].map(([st, n]) => `${n.toLocaleString('en-US')} ${word[st] ?? 'not finished'}`);
  return `${hs.length.toLocaleString('en-US')} hand-overs: ${parts.join(', ')}`;
}

export function Handovers({ handovers }: { handovers: readonly Handover[] }) {
  const [all, setAll] = useState(false);
  const shown = all ? handovers : handovers.slice(0, LIMIT);
  return (
    <>
      <h4 className="pn-subhead">Hand-overs</h4>
      {handovers.length > LIMIT && (
        <p className="pn-dim pn-small" data-testid="handover-counts">
          {handoverCounts(handovers)}
        </p>
      )}
      <ul className="pn-verdicts pn-handovers" data-testid="handovers">
        {shown.map((h, i) => {
          const st = handoverOutcome(h);
          return (
            <li
              key={i}
              data-testid="handover"
              data-status={h.status}
              data-new-owner-dma={String(h.newOwnerDma)}
              className={st.ok ? 'pn-holds' : 'pn-later'}
            >
              <button
                onClick={() => useApp.getState().seek(h.completedAt ?? h.requestedAt)}
                title={`${h.op} requested at t=${h.requestedAt}`}
              >
                <b>{h.op}</b>
                <span className="pn-dim">
                  {h.device} → {h.to ?? 'nobody'}
                </span>
                <span className="pn-status">{st.text}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {handovers.length > LIMIT && (
        <button className="pn-more" onClick={() => setAll(!all)}>
          {all ? `Show the first ${LIMIT}` : `Show all ${handovers.length.toLocaleString('en-US')}`}
        </button>
      )}
    </>
  );
}
