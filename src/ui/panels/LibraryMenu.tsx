// My scenarios: work kept in this browser — saved on purpose, or kept automatically when a link or
// file opened over edited work. Open, rename, delete.

import { useApp } from '../../store/appStore';
import { dropdownClicked, dropdownToggled } from './menus';
import { ActionButton } from '../actions/ActionButton';
import './panels.css';

export function LibraryMenu() {
  const library = useApp((s) => s.library);
  const a = useApp.getState();
  return (
    <details className="pn-dropdown" onClick={dropdownClicked} onToggle={dropdownToggled}>
      <summary aria-label="My scenarios">My scenarios{library.length > 0 ? ` (${library.length})` : ''}</summary>
      <div className="pn-menu pn-library" data-testid="library">
        <ActionButton name="save" />
        {library.length === 0 && <p className="pn-dim">Nothing kept yet.</p>}
        <ul>
          {library.map((e) => (
            <li key={e.id} data-testid="library-entry">
              <button className="pn-link" onClick={() => a.openFromLibrary(e.id)} title={`saved ${new Date(e.savedAt).toLocaleString()}`}>
                {e.name}
              </button>
              <span className="pn-dim pn-small">{new Date(e.savedAt).toLocaleString()}</span>
              <button
                aria-label={`Rename ${e.name}`}
                onClick={() => {
                  const name = prompt('Name', e.name);
                  if (name !== null && name.trim() !== '') a.renameInLibrary(e.id, name.trim().slice(0, 120));
                }}
              >
                Rename
              </button>
              <button aria-label={`Delete ${e.name}`} onClick={() => confirm(`Delete "${e.name}"?`) && a.deleteFromLibrary(e.id)}>
                Delete
              </button>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
