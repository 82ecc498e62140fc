// One message at a time: bad input or a refused edit (error), or what a live action did (info),
// with the one choice it may offer (Undo).
// Below it, the alerts about the saved work, which stay until resolved or dismissed, each with its
// choices (export the scenario, download what was set aside, or a choice of the store's).

import { useApp } from '../../store/appStore';
import type { AlertAction } from '../../store/appStore';
import { perform } from '../actions/registry';
import { download } from '../actions/share';
import './panels.css';

const act = (a: AlertAction) => {
  if (a.kind === 'export') perform('export');
  else if (a.kind === 'download') download(a.filename, a.text);
  else a.run();
};

export function Notice() {
  const notice = useApp((s) => s.notice);
  const alerts = useApp((s) => s.alerts);
  if (notice === null && alerts.length === 0) return null;
  return (
    <div className="pn-notices">
      {notice !== null && (
        <div className={`pn-notice pn-notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
          <span>{notice.text}</span>
          {notice.action !== undefined && (
            <button type="button" className="pn-alert-action" onClick={notice.action.run}>
              {notice.action.label}
            </button>
          )}
          <button aria-label="Dismiss" onClick={() => useApp.getState().setNotice(null)}>
            ×
          </button>
        </div>
      )}
      {alerts.map((a) => (
        <div key={a.id} className="pn-notice pn-notice-error pn-alert" role="alert" data-testid={`alert-${a.id}`}>
          <span>{a.text}</span>
          {a.actions.map((x) => (
            <button key={x.label} type="button" className="pn-alert-action" onClick={() => act(x)}>
              {x.label}
            </button>
          ))}
          <button aria-label="Dismiss" onClick={() => useApp.getState().dismissAlert(a.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
