// Presenting in a design review: the canvas full screen, the scenario's captions in large type at
// their ticks; → or space runs to the next caption, ← goes back to the previous, Esc leaves.

import { useEffect } from 'react';
import { useApp } from '../../store/appStore';
import { useTransitioned } from '../hooks/useTransitioned';
import './panels.css';

export function Presentation() {
  const presenting = useApp((s) => s.presenting);
  const captions = useApp((s) => s.scenario?.captions);
  const title = useApp((s) => s.scenario?.title);
  const now = useTransitioned((s) => Math.floor(s.clock));
  const violations = useApp((s) => s.summary?.violations);

  useEffect(() => {
    if (!presenting) return;
    document.documentElement.requestFullscreen?.().catch(() => {
      // Not allowed (no user gesture, or an embedding page): present in the window.
    });
    const onChange = () => {
      if (document.fullscreenElement === null) useApp.getState().setPresenting(false);
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, [presenting]);

  if (!presenting || captions === undefined) return null;
  let index = -1;
  captions.forEach((c, i) => {
    if (c.at <= now) index = i;
  });
  const caption = captions[index];
  const broken = (violations ?? []).filter((v) => v.t <= now);
  const numbers = [...new Set(broken.map((v) => v.number))];
  return (
    <div className="pn-present" data-testid="presentation">
      <div className="pn-present-top">
        <span>{title}</span>
        <span className="pn-present-t">t = {now}</span>
        {numbers.length > 0 && <span className="pn-present-bad">violated: {numbers.join(' · ')}</span>}
      </div>
      <div className="pn-present-caption" data-testid="caption" aria-live="polite">
        {caption ? caption.text : <span className="pn-dim">Press → to begin.</span>}
      </div>
      <div className="pn-present-help">
        {index + 1} / {captions.length} · → or space: next · ←: previous · Esc: leave
      </div>
    </div>
  );
}
