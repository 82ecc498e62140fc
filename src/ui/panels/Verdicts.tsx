// Every invariant with its status over the whole run; a violated one opens the moment it happened.
// Beside safety, liveness: each hand-over (completed, refused, waiting or unfinished) and whether the
// new owner's own DMA then worked — a policy that is safe because nothing completes reads as such.

import { useState } from 'react';
import { useApp } from '../../store/appStore';
import { useTransitioned } from '../hooks/useTransitioned';
import { INVARIANTS } from '../../sim';
import { Handovers } from './Handovers';
import { ViolationMenu } from './ViolationMenu';
import { duration } from './format';
import './panels.css';

export function Verdicts() {
  const violations = useTransitioned((s) => s.summary?.violations);
  const clock = useTransitioned((s) => s.clock);
  const selection = useApp((s) => s.selection);
  const traceHash = useApp((s) => s.summary?.traceHash);
  const horizon = useApp((s) => s.horizon);
  const handovers = useApp((s) => s.summary?.handovers);
  const eventQueue = useApp((s) => s.summary?.eventQueue);
  const tickNs = useApp((s) => s.summary?.tickNs ?? 100);
  // Until the run is computed to its horizon, the verdicts speak of the run so far.
  const soFar = useApp((s) => (s.summary === null || s.summary.complete ? null : s.summary.scoutedTo));
  // The invariant whose violation menu is open.
  const [menu, setMenu] = useState<string | null>(null);
  if (violations === undefined) return <section className="pn-section" data-testid="verdicts" />;
  return (
    <section className="pn-section" data-testid="verdicts" data-provisional={soFar !== null}>
      <h3>Verdicts{soFar !== null && <span className="pn-dim pn-small"> — so far, to t={soFar}</span>}</h3>
      <ul className="pn-verdicts">
        {INVARIANTS.map((inv) => {
          const index = violations.findIndex((v) => v.number === inv.number);
          const v = violations[index];
          const count = violations.filter((x) => x.number === inv.number).reduce((n, x) => n + x.count, 0);
          const later = v !== undefined && v.t > clock;
          const button = (
            <button
              disabled={!v}
              onClick={() => {
                useApp.getState().seek(v.t);
                useApp.getState().select({ kind: 'violation', index });
              }}
              title={inv.rule}
            >
              <b>{inv.number}</b> <span className="pn-dim">{inv.id}</span>
              <span className="pn-status">
                {v
                  ? `violated ×${count}${soFar !== null ? ' so far' : ''} · t=${v.t}${later ? ' (ahead)' : ''}`
                  : soFar !== null
                    ? 'holds so far'
                    : 'holds'}
              </span>
            </button>
          );
          return (
            <li
              key={inv.number}
              data-testid="verdict"
              data-invariant={inv.number}
              data-status={v ? 'violated' : 'holds'}
              className={v ? (later ? 'pn-later' : 'pn-violated') : 'pn-holds'}
            >
              {v ? (
                <ViolationMenu index={index} number={inv.number} open={menu === inv.number} setOpen={(o) => setMenu(o ? inv.number : null)}>
                  {button}
                </ViolationMenu>
              ) : (
                button
              )}
              {v && selection?.kind === 'violation' && violations[selection.index]?.number === inv.number && (
                <p className="pn-reason">{violations[selection.index].message}</p>
              )}
            </li>
          );
        })}
      </ul>
      {handovers !== undefined && handovers.length > 0 && <Handovers handovers={handovers} />}
      {eventQueue !== undefined && eventQueue.lost > 0 && (
        <p
          className="pn-small pn-bad"
          data-testid="lost-records"
          title="Fault records lost to a full event queue: architected behaviour (the SMMU toggles OVFLG), but software never sees which faults they were"
        >
          {eventQueue.lost} fault record{eventQueue.lost === 1 ? '' : 's'} lost to a full event queue ({eventQueue.capacity} entries;
          overflow ×{eventQueue.overflows})
        </p>
      )}
      <p
        className="pn-dim pn-small"
        title="The engine's trace hash over the whole run: the same scenario and seed give the same hash everywhere"
      >
        {soFar !== null ? `computed to t=${soFar} of ${horizon}` : `run to t=${horizon}`} ({duration(horizon, tickNs)} at{' '}
        {duration(1, tickNs)} a tick) · trace{soFar !== null ? ' so far' : ''} <span data-testid="trace-hash">{traceHash}</span>
      </p>
    </section>
  );
}
