// Start-up: connect the engine (in a Web Worker), open what the address or the autosave says, render.

import { firstClient } from './worker/start'; // first: the worker starts while the rest evaluates
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { Workbench } from './ui/Workbench';
import { useApp } from './store/appStore';
import { workerClient } from './worker/client';
import { useMatrix } from './ui/matrix/matrixStore';
import { useCompare } from './ui/compare/compareStore';
import { readVs } from './scenario/compareConfig';
import { checkLinkFingerprint } from './ui/linkFingerprint';
import { addressWrittenByApp, followAddress, syncAddress } from './ui/addressBar';
import { whenOpened } from './store/opened';
import { embedOptions } from './ui/embed/embedOptions';

// The embed's player is loaded only by a page that is one.
const EmbedPlayer = lazy(() => import('./ui/embed/EmbedPlayer'));

const app = useApp.getState();
// A page opened by a link shows what the link names, never covered by the first-run welcome.
// (An address the app wrote itself, reloaded, is no one's link.)
const byLink = /(?:^#|&)(s|g)=/.test(location.hash) && !addressWrittenByApp();
app.connect(firstClient, workerClient);

/**
 * Opens the scenario the address names (`#s=…`, `#g=…`; `&t=` and `&sel=` land on a moment;
 * `&present` starts presenting). The address keeps the link while the scenario is unedited
 * (addressBar.ts). Returns whether the address names a scenario at all: a link that is broken says
 * what is wrong, and nothing else is opened in its place.
 */
function openFromAddress(then?: () => void): boolean {
  const hash = location.hash;
  if (!/(?:^#|&)(s|g)=/.test(hash)) return false;
  const params = new URLSearchParams(hash.slice(1));
  const stopChecking = checkLinkFingerprint(hash, useApp.getState().scenario);
  // A large link opens once a worker has decoded it: what follows waits for that.
  whenOpened(useApp.getState().openLink(hash), (opened) => {
    if (!opened) {
      stopChecking();
      syncAddress();
      return;
    }
    if (params.has('present')) useApp.getState().setPresenting(true);
    if (params.get('view') === 'matrix') useMatrix.getState().setOpen(true, useApp.getState().scenario);
    // `&vs=<config>` opens the Compare view with B = that configuration (scenario/compareConfig.ts).
    const vs = readVs(hash);
    if (vs?.ok) useCompare.getState().setOpen(true, useApp.getState().scenario, vs.config);
    else if (vs !== null && !vs.ok) useApp.getState().setNotice({ kind: 'error', text: vs.message });
    then?.();
  });
  return true;
}

// The autosaved work comes back first, as it was left; a link then opens over it, and if that work
// was edited it is kept in My scenarios by the same rule as inside the app — nothing is silently lost.
const embed = embedOptions(location.search, location.hash);
if (embed !== null) {
  // A player in another page: it opens only what its link names, and leaves the saved work alone.
  useApp.setState({ embedded: true });
  openFromAddress(() => {
    if (embed.autoplay) app.play();
  });
  window.addEventListener('hashchange', () => void openFromAddress());
} else {
  app.listenToOtherTabs();
  app.restoreSavedWork();
  if (!openFromAddress() && useApp.getState().scenario === null) app.openGallery('seed-attack');
  window.addEventListener('hashchange', () => void openFromAddress());
  followAddress();
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {embed !== null ? (
      <Suspense fallback={null}>
        <EmbedPlayer options={embed} />
      </Suspense>
    ) : (
      <Workbench welcome={!byLink} />
    )}
  </StrictMode>,
);
