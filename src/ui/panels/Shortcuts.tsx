// The list of keyboard shortcuts (`?`): every action with a shortcut, from the actions table.

import { useApp } from '../../store/appStore';
import { action, KEYED } from '../actions/registry';
import './panels.css';

export function Shortcuts() {
  const open = useApp((s) => s.shortcutsOpen);
  if (!open) return null;
  return (
    <div
      className="pn-modal"
      role="dialog"
      aria-label={action('shortcuts').label}
      onClick={() => useApp.getState().setShortcutsOpen(false)}
    >
      <div className="pn-modal-box" onClick={(e) => e.stopPropagation()}>
        <h3>{action('shortcuts').label}</h3>
        <ShortcutList />
        <button onClick={() => useApp.getState().setShortcutsOpen(false)}>Close</button>
      </div>
    </div>
  );
}

/** Each shortcut as the table writes it, with what it does. */
export function ShortcutList() {
  return (
    <table>
      <tbody>
        {KEYED.map((a) => (
          <tr key={a.name} data-action={a.name}>
            <td>
              <kbd>{a.keys}</kbd>
            </td>
            <td>{a.description ?? a.label}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
