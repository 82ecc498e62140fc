// The list of keyboard shortcuts (`?`).

import { useApp } from '../../store/appStore';
import { SHORTCUTS } from './useKeyboard';
import './panels.css';

export function Shortcuts() {
  const open = useApp((s) => s.shortcutsOpen);
  if (!open) return null;
  return (
    <div className="pn-modal" role="dialog" aria-label="Keyboard shortcuts" onClick={() => useApp.getState().setShortcutsOpen(false)}>
      <div className="pn-modal-box" onClick={(e) => e.stopPropagation()}>
        <h3>Keyboard shortcuts</h3>
        <table>
          <tbody>
            {SHORTCUTS.map(([k, what]) => (
              <tr key={k}>
                <td>
                  <kbd>{k}</kbd>
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button onClick={() => useApp.getState().setShortcutsOpen(false)}>Close</button>
      </div>
    </div>
  );
}
