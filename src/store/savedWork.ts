// The work kept in this browser, as the store uses it: the open document's autosave (autosave.ts)
// with the alerts that say when a save failed, when another tab saves the same work, and when saved
// data could not be read and was set aside (setAsideAlert.ts). An embed never saves (state.ts).

import { Autosaver } from './autosave';
import { loadAutosave, readLibrary, readLibraryRaw, rewriteLibrary, setAside } from './library';
import { errorText } from '../scenario/read';
import { setAsideAlert } from './setAsideAlert';
import type { Alert, AlertAction } from './state';
import type { GetState, SetState } from './storeApi';

/** An alert's button that exports the open scenario to a file. */
export const EXPORT_ACTION: AlertAction = { label: 'Export to a file', kind: 'export' };

export interface SavedWork {
  /** An alert in place of any with its id; `null` text drops it. */
  alert(id: Alert['id'], text: string | null, actions?: AlertAction[]): void;
  /** Saves the open work; a save that fails says so until one succeeds, and never replaces the last good copy. */
  persist(): void;
  /** Hears other tabs of the app saving. */
  listen(): void;
  /** Opens the autosaved work as it was left; saved data that cannot be read is set aside and said. */
  restore(): void;
  /** The user dismissed an alert; dismissing the set-aside one lets saving go on. */
  dismiss(id: Alert['id']): void;
  /** Stops hearing other tabs and starts afresh (the store's reset). */
  reset(): void;
}

export function savedWork(set: SetState, get: GetState): SavedWork {
  const alert: SavedWork['alert'] = (id, text, actions = []) =>
    set({ alerts: [...get().alerts.filter((a) => a.id !== id), ...(text === null ? [] : [{ id, text, actions }])] });

  const newSaver = () =>
    new Autosaver({
      otherSaved: () =>
        alert(
          'other-tab',
          'This scenario is also open in another tab, which has just saved its work. Saving is paused here so the two tabs do not overwrite each other.',
          [
            { label: 'Keep this tab’s work in My scenarios', kind: 'run', run: () => get().saveToLibrary() },
            {
              label: 'Save this tab’s work again',
              kind: 'run',
              run: () => {
                saver.resume();
                alert('other-tab', null);
                persist();
              },
            },
          ],
        ),
      otherPaused: () =>
        set({
          notice: {
            kind: 'info',
            text: 'DMA Handoff is also open in another tab: it has paused its saving, and this tab’s work is saved.',
          },
        }),
      keptOther: (name) => {
        set({ library: readLibrary(), notice: { kind: 'info', text: `Another tab’s edited work was kept in My scenarios as “${name}”.` } });
      },
    });
  let saver = newSaver();

  const persist = () => {
    const { doc, galleryId, dirty, edited, embedded } = get();
    if (doc === null || embedded) return;
    const outcome = saver.save({ galleryId, doc, dirty, edited });
    if (outcome === 'saved') alert('save-failed', null);
    else if (outcome === 'failed')
      alert(
        'save-failed',
        'Your latest changes could not be saved in this browser: its storage is full or unavailable. They will be lost when the page closes — export them to a file.',
        [EXPORT_ACTION],
      );
  };

  return {
    alert,
    persist,
    listen: () => saver.listen(),
    restore() {
      // What cannot be read is set aside, raw, before anything can overwrite it, and offered as a download.
      const library = readLibraryRaw();
      const saved = loadAutosave();
      const aside = [...library.setAside];
      if (saved !== null && !saved.read.ok)
        aside.push({ what: 'the autosaved work', why: errorText(saved.read.errors[0]), raw: saved.raw });
      if (aside.length > 0) {
        const kept = setAside(aside);
        if (kept && library.setAside.length > 0) rewriteLibrary();
        // Kept nowhere else, the unreadable autosave must not be saved over: saving waits.
        const hold = !kept && saved !== null && !saved.read.ok;
        if (hold) saver.hold();
        const a = setAsideAlert(aside, hold);
        alert('set-aside', a.text, a.actions);
      }
      set({ library: readLibrary() });
      if (saved !== null && saved.read.ok) get().open(saved.read, { galleryId: saved.galleryId, edited: saved.edited, dirty: saved.dirty });
    },
    dismiss(id) {
      if (id === 'set-aside') saver.resume();
      alert(id, null);
    },
    reset() {
      saver.dispose();
      saver = newSaver();
    },
  };
}
