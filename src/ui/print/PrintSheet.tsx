// What a printed workbench says beside its canvas: the scenario's title, policy and mutations, the
// playhead, and the verdicts of the whole run (safety and liveness), whichever side panel tab is
// open. Shown only in print (print.css); on screen it is not in the layout.

import { useEffect } from 'react';
import { useApp } from '../../store/appStore';
import { POLICIES } from '../../sim';
import { handoverOutcome, verdictRows } from '../../report/model';
import './print.css';

/** The printable width of an A4 landscape page with print.css's margins, in CSS pixels. */
const PAGE_WIDTH_PX = ((297 - 2 * 12) / 25.4) * 96;

/**
 * The canvas prints at the size it has on screen, scaled to the page: its view (pan and zoom) is
 * the one the user chose, and a canvas resized for paper would show another part of the system.
 */
function usePrintScale() {
  useEffect(() => {
    const before = () => {
      const box = document.querySelector('.wb-canvas')?.getBoundingClientRect();
      if (!box) return;
      const root = document.documentElement.style;
      root.setProperty('--print-w', `${box.width}px`);
      root.setProperty('--print-h', `${box.height}px`);
      root.setProperty('--print-scale', String(Math.min(1, PAGE_WIDTH_PX / box.width)));
    };
    window.addEventListener('beforeprint', before);
    return () => window.removeEventListener('beforeprint', before);
  }, []);
}

export function PrintSheet() {
  const scenario = useApp((s) => s.scenario);
  const clock = useApp((s) => s.clock);
  const summary = useApp((s) => s.summary);
  const horizon = useApp((s) => s.horizon);
  const choices = useApp((s) => s.choices);
  usePrintScale();
  if (scenario === null || summary === null) return null;
  const policy =
    scenario.policy.id === 'custom'
      ? `custom "${scenario.policy.custom?.name ?? ''}"`
      : `${scenario.policy.id} ${POLICIES[scenario.policy.id].name}`;
  return (
    <div className="pr-sheet" data-testid="print-sheet">
      <header className="pr-head">
        <h1>{scenario.title}</h1>
        <p>
          Policy {policy}
          {scenario.policy.mutations.length > 0 && ` · mutations ${scenario.policy.mutations.join(', ')}`} · shown at t = {clock}
          {summary.complete ? ` of ${horizon}` : ` (run computed to t = ${summary.scoutedTo})`} · trace {summary.traceHash}
          {choices !== null && ` · a counterexample's timing: choices ${choices.text} differ from the default run`}
        </p>
      </header>
      <div className="pr-tables">
        <table className="pr-verdicts">
          <thead>
            <tr>
              <th>Invariant</th>
              <th>Verdict</th>
              <th>First at</th>
              <th>Rule</th>
            </tr>
          </thead>
          <tbody>
            {verdictRows(summary.violations).map((v) => (
              <tr key={v.number} className={v.violated ? 'pr-bad' : undefined}>
                <td>{v.number}</td>
                <td>{v.violated ? `violated ×${v.count}` : 'holds'}</td>
                <td>{v.firstAt === null ? '' : `t=${v.firstAt}`}</td>
                <td>{v.rule}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {summary.handovers.length > 0 && (
          <table className="pr-verdicts">
            <thead>
              <tr>
                <th>Hand-over</th>
                <th>Device</th>
                <th>To</th>
                <th>Requested</th>
                <th>Outcome</th>
              </tr>
            </thead>
            <tbody>
              {summary.handovers.slice(0, 40).map((h, i) => {
                const outcome = handoverOutcome(h);
                return (
                  <tr key={i} className={outcome.ok ? undefined : 'pr-bad'}>
                    <td>{h.op}</td>
                    <td>{h.device}</td>
                    <td>{h.to ?? 'nobody'}</td>
                    <td>t={h.requestedAt}</td>
                    <td>{outcome.text}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {summary.handovers.length > 40 && <p>… and {summary.handovers.length - 40} more hand-overs.</p>}
      </div>
    </div>
  );
}
