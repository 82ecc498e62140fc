// What the app says when saved data could not be read at start-up: what it was and why, whether
// saving waits (the unreadable autosave was kept nowhere else), and a download for each record.

import type { SetAside } from './library';
import type { AlertAction } from './state';

export function setAsideAlert(aside: SetAside[], hold: boolean): { text: string; actions: AlertAction[] } {
  return {
    text: `Saved data in this browser could not be read: ${aside.map((a) => `${a.what} (${a.why})`).join('; ')}. ${
      hold
        ? 'Saving is paused until you download it or dismiss this message.'
        : 'It was set aside, not deleted: download it to look at or repair it.'
    }`,
    actions: aside.map((a, i) => ({
      label: aside.length > 1 ? `Download ${i + 1}` : 'Download it',
      kind: 'download',
      filename: `dma-handoff-unreadable-${i + 1}.json`,
      text: a.raw,
    })),
  };
}
