// Presenting in a design review: the canvas full screen, the scenario's captions in large type at
// their ticks; → or space (or a remote's Page Down) runs to the next caption, ← (Page Up) goes back
// to the previous, Home and End to the first and the last; the last caption ends the presentation.
// `.` or `b` blanks the screen; +, − and 0 zoom; [ and ] change the speed; Esc leaves. A caption's
// camera is shown by the canvas (canvas/CaptionCamera.tsx).

import { useEffect } from 'react';
import { useApp } from '../../store/appStore';
import { useTransitioned } from '../hooks/useTransitioned';
import { DefaultTimingMark } from './DefaultTimingMark';
import './panels.css';

export function Presentation() {
  const presenting = useApp((s) => s.presenting);
  const captions = useApp((s) => s.scenario?.captions);
  const title = useApp((s) => s.scenario?.title);
  const now = useTransitioned((s) => Math.floor(s.clock));
  const violations = useApp((s) => s.summary?.violations);
  const blank = useApp((s) => s.blank);
  const counterexample = useApp((s) => s.choices !== null);

  useEffect(() => {
    if (!presenting) return;
    document.documentElement.requestFullscreen?.().catch(() => {
      // Not allowed (no user gesture, or an embedding page): present in the window.
    });
    // Leaving full screen (the browser's own Esc) leaves presenting; the change that ends the full
    // screen of a presentation just left, arriving after this one began, does not.
    let entered = false;
    const onChange = () => {
      if (document.fullscreenElement !== null) entered = true;
      else if (entered) useApp.getState().setPresenting(false);
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
  const last = captions.length > 0 && index === captions.length - 1;
  return (
    <div className="pn-present" data-testid="presentation">
      {blank && <div className="pn-present-blank" data-testid="blank" aria-label="Screen blanked" />}
      <div className="pn-present-top">
        <span>{title}</span>
        <span className="pn-present-t">t = {now}</span>
        {numbers.length > 0 && <span className="pn-present-bad">violated: {numbers.join(' · ')}</span>}
        {counterexample && captions.length > 0 && <DefaultTimingMark className="pn-present-timing" />}
      </div>
      <div className="pn-present-caption" data-testid="caption" aria-live="polite">
        {caption ? caption.text : <span className="pn-dim">Press → to begin.</span>}
      </div>
      <div className="pn-present-help">
        {index + 1} / {captions.length}
        {last ? ' · the end' : ' · → or space: next'} · ←: previous · B: blank · Esc: leave
      </div>
    </div>
  );
}
