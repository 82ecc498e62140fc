// Start-up: connect the engine (in a Web Worker), open what the address or the autosave says, render.

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { loadAutosave, useApp } from './store/appStore';
import { workerClient } from './worker/client';

const app = useApp.getState();
app.connect(workerClient());

const hash = new URLSearchParams(location.hash.slice(1));
const gallery = hash.get('g');
const saved = loadAutosave();
if (gallery !== null) {
  // A gallery link opens that scenario; unless it is the same gallery scenario the autosave holds
  // (then the user's edits to it, e.g. moved nodes, come back).
  if (saved !== null && saved.galleryId === gallery) app.open(saved.doc, { galleryId: gallery });
  else app.openGallery(gallery);
} else if (saved !== null && app.open(saved.doc, { galleryId: saved.galleryId }) === null) {
  // restored
} else app.openGallery('seed-attack');

// A gallery link pasted into the address bar of an open app opens that scenario.
window.addEventListener('hashchange', () => {
  const id = new URLSearchParams(location.hash.slice(1)).get('g');
  if (id !== null && id !== useApp.getState().galleryId) useApp.getState().openGallery(id);
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
