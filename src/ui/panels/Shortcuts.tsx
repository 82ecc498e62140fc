// The list of keyboard shortcuts (`?`): every action with a shortcut, from the actions table. While
// it is open it owns the keyboard, as the dialogs do: Esc and ? close it, and no shortcut acts
// behind it.

import { useApp } from '../../store/appStore';
import { action, KEYED } from '../actions/registry';
import { useKeyOwner } from './keyOwner';
import './panels.css';

export function Shortcuts() {
  const open = useApp((s) => s.shortcutsOpen);
  return open ? <ShortcutsDialog /> : null;
}

const close = () => useApp.getState().setShortcutsOpen(false);

function ShortcutsDialog() {
  useKeyOwner(close, (e) => {
    if (e.key !== '?') return false;
    close();
    return true;
  });
  return (
    <div className="pn-modal" role="dialog" aria-label={action('shortcuts').label} onClick={close}>
      <div className="pn-modal-box" onClick={(e) => e.stopPropagation()}>
        <h3>{action('shortcuts').label}</h3>
        <ShortcutList />
        <button onClick={close}>Close</button>
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
