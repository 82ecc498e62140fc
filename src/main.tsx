// Start-up: connect the engine (in a Web Worker), open what the address or the autosave says, render.

import { firstClient } from './worker/start'; // first: the worker starts while the rest evaluates
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Workbench } from './ui/Workbench';
import { useApp } from './store/appStore';
import { workerClient } from './worker/client';
import { useMatrix } from './ui/matrix/matrixStore';
import { useCompare } from './ui/compare/compareStore';
import { readVs } from './scenario/compareConfig';
import { checkLinkFingerprint } from './ui/linkFingerprint';
import { followAddress, syncAddress } from './ui/addressBar';

const app = useApp.getState();
// A page opened by a link shows what the link names, never covered by the first-run welcome.
const byLink = /(?:^#|&)(s|g)=/.test(location.hash);
app.connect(firstClient, workerClient);

/**
 * Opens the scenario the address names (`#s=…`, `#g=…`; `&t=` and `&sel=` land on a moment;
 * `&present` starts presenting). The address keeps the link while the scenario is unedited
 * (addressBar.ts). Returns whether the address names a scenario at all: a link that is broken says
 * what is wrong, and nothing else is opened in its place.
 */
function openFromAddress(): boolean {
  const hash = location.hash;
  if (!/(?:^#|&)(s|g)=/.test(hash)) return false;
  const present = new URLSearchParams(hash.slice(1)).has('present');
  checkLinkFingerprint(hash, useApp.getState().scenario);
  const opened = useApp.getState().openLink(hash);
  if (!opened) syncAddress();
  if (present && useApp.getState().scenario !== null) useApp.getState().setPresenting(true);
  if (new URLSearchParams(hash.slice(1)).get('view') === 'matrix' && opened) useMatrix.getState().setOpen(true, useApp.getState().scenario);
  // `&vs=<config>` opens the Compare view with B = that configuration (scenario/compareConfig.ts).
  const vs = readVs(hash);
  if (vs !== null && opened) {
    if (vs.ok) useCompare.getState().setOpen(true, useApp.getState().scenario, vs.config);
    else useApp.getState().setNotice({ kind: 'error', text: vs.message });
  }
  return true;
}

// The autosaved work comes back first, as it was left; a link then opens over it, and if that work
// was edited it is kept in My scenarios by the same rule as inside the app — nothing is silently lost.
app.listenToOtherTabs();
app.restoreSavedWork();
if (!openFromAddress() && useApp.getState().scenario === null) app.openGallery('seed-attack');
window.addEventListener('hashchange', () => void openFromAddress());
followAddress();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Workbench welcome={!byLink} />
  </StrictMode>,
);
