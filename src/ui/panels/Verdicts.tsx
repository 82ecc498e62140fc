// Every invariant with its status over the whole run; a violated one opens the moment it happened.

import { useApp } from '../../store/appStore';
import { useTransitioned } from '../hooks/useTransitioned';
import { INVARIANTS } from '../../sim/invariants/catalog';
import './panels.css';

export function Verdicts() {
  const violations = useTransitioned((s) => s.summary?.violations);
  const clock = useTransitioned((s) => s.clock);
  const selection = useApp((s) => s.selection);
  const traceHash = useApp((s) => s.summary?.traceHash);
  const horizon = useApp((s) => s.horizon);
  if (violations === undefined) return <section className="pn-section" data-testid="verdicts" />;
  return (
    <section className="pn-section" data-testid="verdicts">
      <h3>Verdicts</h3>
      <ul className="pn-verdicts">
        {INVARIANTS.map((inv) => {
          const index = violations.findIndex((v) => v.number === inv.number);
          const v = violations[index];
          const count = violations.filter((x) => x.number === inv.number).reduce((n, x) => n + x.count, 0);
          const later = v !== undefined && v.t > clock;
          return (
            <li key={inv.number} data-testid="verdict" data-invariant={inv.number} data-status={v ? 'violated' : 'holds'} className={v ? (later ? 'pn-later' : 'pn-violated') : 'pn-holds'}>
              <button
                disabled={!v}
                onClick={() => {
                  useApp.getState().seek(v.t);
                  useApp.getState().select({ kind: 'violation', index });
                }}
                title={inv.rule}
              >
                <b>{inv.number}</b> <span className="pn-dim">{inv.id}</span>
                <span className="pn-status">{v ? `violated ×${count} · t=${v.t}${later ? ' (ahead)' : ''}` : 'holds'}</span>
              </button>
              {v && selection?.kind === 'violation' && violations[selection.index]?.number === inv.number && <p className="pn-reason">{violations[selection.index].message}</p>}
            </li>
          );
        })}
      </ul>
      <p className="pn-dim pn-small" title="The engine's trace hash over the whole run: the same scenario and seed give the same hash everywhere">
        run to t={horizon} · trace <span data-testid="trace-hash">{traceHash}</span>
      </p>
    </section>
  );
}
