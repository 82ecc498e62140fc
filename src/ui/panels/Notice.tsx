// One message at a time: bad input or a refused edit (error), or what a live action did (info).

import { useApp } from '../../store/appStore';
import './panels.css';

export function Notice() {
  const notice = useApp((s) => s.notice);
  if (notice === null) return null;
  return (
    <div className={`pn-notice pn-notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
      <span>{notice.text}</span>
      <button aria-label="Dismiss" onClick={() => useApp.getState().setNotice(null)}>
        ×
      </button>
    </div>
  );
}
