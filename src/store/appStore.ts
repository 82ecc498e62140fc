// The app's state and the user's actions on it (docs/architecture.md, the store layer): the
// scenario document, the engine's latest view and run summary, playback, selection and UI. This
// file holds the store's creation and composes its parts, each a factory of `set` and `get`:
// opening a scenario or link (opening.ts), editing with undo (editing.ts), the engine session and
// playback (playback.ts), My scenarios (libraryActions.ts) and the saved work (savedWork.ts). The
// document changes themselves are pure functions (documentChanges.ts, history.ts). Components
// select narrowly; per-frame animation data (packed transactions) goes to the overlay on the
// session's frame bus, out of React's way.

import { create } from 'zustand';
import { choicePairs } from '../scenario/choiceLink';
import { initialState, type AppState } from './state';
import { savedWork } from './savedWork';
import { opening } from './opening';
import { editing } from './editing';
import { playback } from './playback';
import { libraryActions } from './libraryActions';
import type { Actions } from './actions';
import type { Reload } from './storeApi';

export type { Alert, AlertAction, AppState, Selection } from './state';
export type { Actions } from './actions';
export { AUTOSAVE_KEY, loadAutosave } from './library';

export const useApp = create<AppState & Actions>()((set, get) => {
  const saved = savedWork(set, get);
  const { persist } = saved;

  const reload: Reload = (doc, scenario, at, playing = get().playing) => {
    set({ doc, scenario });
    persist();
    get().session?.load(scenario, at, playing, choicePairs(get().choices));
  };

  const opened = opening(set, get, saved, reload);

  return {
    ...initialState(),
    ...playback(set, get, opened.summarised),
    ...opened.actions,
    ...editing(set, get, persist, reload, opened.choicesFor),
    ...libraryActions(set, get, persist, opened.openScenario),

    select: (selection) => set({ selection }),
    setNotice: (notice) => set({ notice }),
    setLogFilter: (f) => set({ logFilter: { ...get().logFilter, ...f } }),
    setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),

    reset() {
      get().session?.dispose();
      saved.reset();
      set(initialState());
    },

    listenToOtherTabs: () => saved.listen(),

    restoreSavedWork: () => saved.restore(),
    dismissAlert: (id) => saved.dismiss(id),
  };
});
