// Start-up: connect the engine (in a Web Worker), open what the address or the autosave says, render.

import { firstClient } from './worker/start'; // first: the worker starts while the rest evaluates
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Workbench } from './ui/Workbench';
import { useApp } from './store/appStore';
import { workerClient } from './worker/client';
import { useMatrix } from './ui/matrix/matrixStore';
import { checkLinkFingerprint } from './ui/linkFingerprint';

const app = useApp.getState();
// A page opened by a link shows what the link names, never covered by the first-run welcome.
const byLink = /(?:^#|&)(s|g)=/.test(location.hash);
app.connect(firstClient, workerClient);

/**
 * Opens the scenario the address names (`#s=…`, `#g=…`; `&present` starts presenting). The fragment
 * is then cleared from the address bar, so that a reload restores the autosaved work, with its
 * edits, rather than the link's original. Returns whether a scenario was opened.
 */
function openFromAddress(): boolean {
  const hash = location.hash;
  const present = new URLSearchParams(hash.slice(1)).has('present');
  let opened = false;
  if (/(?:^#|&)(s|g)=/.test(hash)) {
    checkLinkFingerprint(hash, useApp.getState().scenario);
    opened = useApp.getState().openLink(hash);
    history.replaceState(null, '', location.pathname + location.search);
  }
  if (present && useApp.getState().scenario !== null) useApp.getState().setPresenting(true);
  if (new URLSearchParams(hash.slice(1)).get('view') === 'matrix' && opened) useMatrix.getState().setOpen(true, useApp.getState().scenario);
  return opened;
}

// The autosaved work comes back first, as it was left; a link then opens over it, and if that work
// was edited it is kept in My scenarios by the same rule as inside the app — nothing is silently lost.
app.listenToOtherTabs();
app.restoreSavedWork();
if (!openFromAddress() && useApp.getState().scenario === null) app.openGallery('seed-attack');
window.addEventListener('hashchange', openFromAddress);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Workbench welcome={!byLink} />
  </StrictMode>,
);
