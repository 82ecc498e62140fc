// The "My scenarios" actions: saving the open work under a name, opening, renaming and deleting a
// saved scenario. The list itself is kept in browser storage by library.ts.

import { errorText } from '../scenario/read';
import { addToLibrary, deleteFromLibrary, readLibrary, readLibraryEntry, renameInLibrary } from './library';
import type { Actions } from './actions';
import type { Opening } from './opening';
import type { GetState, SetState } from './storeApi';

export type LibraryActions = Pick<Actions, 'saveToLibrary' | 'openFromLibrary' | 'renameInLibrary' | 'deleteFromLibrary'>;

export function libraryActions(set: SetState, get: GetState, persist: () => void, openScenario: Opening['openScenario']): LibraryActions {
  return {
    saveToLibrary(name) {
      const { doc, scenario } = get();
      if (doc === null || scenario === null) return;
      const entry = addToLibrary(name ?? scenario.title, doc);
      set(
        entry === null
          ? { notice: { kind: 'error', text: 'Not saved: browser storage is full or unavailable. Export the scenario to a file instead.' } }
          : { library: readLibrary(), dirty: false, notice: { kind: 'info', text: `Saved to My scenarios as "${entry.name}"` } },
      );
      persist();
    },

    openFromLibrary(id) {
      const found = readLibraryEntry(id);
      if (found === null) return;
      const { entry, read: r } = found;
      if (!r.ok) return set({ notice: { kind: 'error', text: `"${entry.name}" cannot be opened — ${errorText(r.errors[0])}` } });
      openScenario(r.scenario, null);
    },

    renameInLibrary(id, name) {
      renameInLibrary(id, name);
      set({ library: readLibrary() });
    },

    deleteFromLibrary(id) {
      deleteFromLibrary(id);
      set({ library: readLibrary() });
    },
  };
}
