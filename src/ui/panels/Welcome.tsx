// The first-run welcome: one card over the canvas that says what this is and offers three starts —
// watch the seed's attack, the same attack under a policy that stops it, or a starter system to
// build on. Dismissed (by its close button, Esc or any start), it never comes back. It is not shown
// over a scenario that a link opened, nor while presenting, nor once something else is opened.

import { useEffect, useState } from 'react';
import { useApp } from '../../store/appStore';
import { usePrefs } from '../../store/prefs';
import { readDocument } from '../../scenario/read';
import { STARTER } from '../../scenario/starter';
import './welcome.css';

export function Welcome({ onBuild }: { onBuild: () => void }) {
  const dismissed = usePrefs((p) => p.welcomeDismissed);
  const presenting = useApp((s) => s.presenting);
  // Something else opened (a link pasted into the address bar, a pick from the gallery) is what the
  // user wants to see: the card steps aside for this page, and comes back on the next until dismissed.
  const opened = useApp((s) => s.opened);
  const [first] = useState(opened);
  const shown = !dismissed && !presenting && opened === first;

  useEffect(() => {
    if (!shown) return;
    // Seen before the workbench's keys (capture): an Esc that closes the shortcut list opened over
    // the card closes only the list.
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !useApp.getState().shortcutsOpen) dismiss();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [shown]);

  if (!shown) return null;
  const start = (how: 'watch' | 'flip' | 'build') => {
    dismiss();
    const app = useApp.getState();
    if (how === 'build') {
      app.open(readDocument(STARTER));
      onBuild();
      return;
    }
    if (app.openGallery('seed-attack') !== null) return;
    if (how === 'flip') app.setPolicy('P1');
    app.play();
  };
  return (
    <section className="wl-card" role="dialog" aria-labelledby="welcome-title" data-testid="welcome">
      <button className="wl-close" aria-label="Close the welcome" title="Close (Esc)" onClick={dismiss}>
        ×
      </button>
      <h2 id="welcome-title">Welcome to DMA Handoff</h2>
      <p>
        A sandbox for hypervisor and SMMU designers. Build VMs, DMA-capable devices, memory and an SMMU; hand a device from one VM to
        another under a policy; and watch every DMA transaction — which lands, which the SMMU blocks, and which security rule breaks.
        Everything on screen comes from a deterministic engine.
      </p>
      <div className="wl-starts">
        <button onClick={() => start('watch')}>
          <b>Watch the seed’s attack</b>
          <span>A hands its NIC to P under P0, and A’s descriptor reads P’s secret.</span>
        </button>
        <button onClick={() => start('flip')}>
          <b>Flip its policy</b>
          <span>The same attack under P1, reset on transfer: nothing of A’s reaches P.</span>
        </button>
        <button onClick={() => start('build')}>
          <b>Build your own</b>
          <span>A starter system of two VMs and a NIC, open in the editor.</span>
        </button>
      </div>
      <p className="wl-hint">The Legend at the canvas’s top right explains the colours and marks; press ? for the keys.</p>
    </section>
  );
}

function dismiss(): void {
  usePrefs.getState().setPref('welcomeDismissed', true);
}
