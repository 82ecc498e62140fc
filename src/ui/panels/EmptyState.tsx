// With no scenario open (a link that could not be opened, in a browser with no saved work): what
// the notice says is wrong stays on screen, and here the gallery is offered — nothing else is opened
// in the link's place.

import { GALLERY } from '../../scenario/gallery';
import { perform } from '../actions/registry';
import './panels.css';

export function EmptyState() {
  return (
    <div className="pn-empty" data-testid="empty-state">
      <h2>No scenario is open</h2>
      <p className="pn-dim">Open one from the gallery, or import a .json file from Share.</p>
      <ul>
        {GALLERY.map((g) => (
          <li key={g.id}>
            <button type="button" data-gallery={g.id} onClick={() => perform('gallery', g.id)}>
              {g.doc.title}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
