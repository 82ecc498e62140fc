// The scenario under every policy, as a table: rows policies, columns invariants and liveness.
// A violated cell is a button that opens that run — the scenario under that policy — paused at the
// violation with it selected. The table fills in as the runs finish, and copies as Markdown.
// Loaded only when opened.

import { Dialog } from '../panels/Dialog';
import { useApp } from '../../store/appStore';
import { POLICY_IDS, type PolicyId } from '../../sim';
import { livenessText, matrixMarkdown, type Cell } from '../../report/matrix';
import { useMatrix } from './matrixStore';
import { copyText, shareUrl } from '../actions/share';
import { perform } from '../actions/registry';
import './matrix.css';

/** A held cell's mark (a shape, not only a colour) and what it means. */
const HELD: Record<Exclude<Cell, 'violated'>, { mark: string; title: string }> = {
  ok: { mark: '✓', title: 'held, and every hand-over completed' },
  refused: { mark: '–', title: 'held only because the policy refused a hand-over: nothing was handed over to break it' },
  incomplete: { mark: '…', title: 'held, but a hand-over never completed' },
};

/** Opens the scenario under `policy` at tick `t` with violation `index` selected. */
function openAt(policy: PolicyId, t: number, index: number) {
  const app = useApp.getState();
  if (app.scenario?.policy.id !== policy) app.setPolicy(policy);
  app.seek(t);
  app.select({ kind: 'violation', index });
  useMatrix.getState().setOpen(false);
}

export default function MatrixView() {
  const { matrix, done, error, of, choices } = useMatrix();
  // The scenario's own row ran with the counterexample's timing (matrix.worker.ts).
  const timing = choices !== null && of !== null && of.policy.custom === undefined ? { policy: of.policy.id, text: choices.text } : null;
  const current = useApp((s) => s.scenario?.policy.id);
  const close = () => useMatrix.getState().setOpen(false);
  if (matrix === null) return null;
  const copy = () => copyText(matrixMarkdown(matrix), 'The table was copied as Markdown.');
  const copyLink = () => {
    const url = shareUrl();
    if (url !== null) void copyText(`${url}&view=matrix`, 'Link copied: it opens this scenario with this table.');
  };
  return (
    <Dialog label="Every policy" onClose={close} className="mx-box">
      <h3>
        {matrix.scenario} under every policy
        <span className="pn-dim pn-small">
          {' '}
          · run to t={matrix.until}
          {matrix.mutations.length > 0 && ` · mutations ${matrix.mutations.join(', ')}`}
          {timing !== null && ` · ${timing.policy} with the counterexample's timing (x=${timing.text}), the others with the default`}
        </span>
      </h3>
      <table className="mx-table" data-testid="matrix">
        <thead>
          <tr>
            <th scope="col">Policy</th>
            <th scope="col">Liveness</th>
            {matrix.invariants.map((n) => (
              <th scope="col" key={n}>
                {n}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.policies.map((row) => (
            <tr key={row.policy} data-policy={row.policy} className={row.policy === current ? 'mx-current' : undefined}>
              <th scope="row" title={row.name}>
                {row.policy} <span className="mx-name">{row.name}</span>
              </th>
              <td className={`mx-live ${row.works || row.handovers.length === 0 ? 'mx-ok' : 'mx-incomplete'}`}>{livenessText(row)}</td>
              {matrix.invariants.map((n) => {
                const c = matrix.matrix[row.policy][n];
                if (c !== 'violated') {
                  const h = HELD[c];
                  return (
                    <td key={n} className={`mx-cell mx-${c}`} title={`${n}: ${h.title}`}>
                      {h.mark}
                    </td>
                  );
                }
                const first = row.first[n];
                return (
                  <td key={n} className="mx-cell mx-violated">
                    <button
                      onClick={() => openAt(row.policy, first.t, first.index)}
                      title={`${n} violated ×${row.violated[n]} under ${row.policy}: open that run at t=${first.t}`}
                    >
                      t={first.t}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="pn-small mx-key">
        <b>t=N</b> violated, first at tick N (opens that run there) · <b>✓</b> held, every hand-over completed · <b>–</b> held only because
        the policy refused a hand-over · <b>…</b> held, but a hand-over never completed
      </p>
      <p className="pn-small" role="status">
        {error ??
          (done
            ? `${matrix.policies.length} policies.`
            : `Running ${POLICY_IDS[matrix.policies.length]} (${matrix.policies.length + 1} of ${POLICY_IDS.length})…`)}
      </p>
      <div className="mx-actions">
        <button onClick={copy} disabled={!done}>
          Copy as Markdown
        </button>
        <button onClick={copyLink}>Copy link to this table</button>
        <button onClick={() => perform('compare')}>Compare two side by side</button>
        <button onClick={close}>Close</button>
      </div>
    </Dialog>
  );
}
