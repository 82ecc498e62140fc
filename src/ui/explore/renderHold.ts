// While a search runs, the page holds its workers while it renders: every frame while the run
// plays, and a new view or summary of the run whenever one comes. A hold goes out before the
// rendering (at the frame's start, or before React renders the change) and the task after the
// animation frame that ends it releases it. A new view holds through several frames: React renders
// it in a transition, in tasks between frames, and commits it before the frame that draws it. On two
// cores the search worker otherwise takes a core that the page's rendering (React, style, layout,
// paint and the commit on the main thread, and the compositors after it) needs, and the page's
// tasks run past 50 ms.

export interface RenderHold {
  /** The page is about to render a change, drawn within `frames` animation frames. */
  changed(frames?: number): void;
  stop(): void;
}

/** Holds through `hold` from each `changed` to the task after its last animation frame. */
export function holdWhileRendering(hold: (on: boolean) => void): RenderHold {
  let holding = false;
  let stopped = false;
  /** Frames the hold lasts beyond the next one. */
  let extra = 0;
  const release = new MessageChannel();
  const frame = () => {
    if (stopped) return;
    if (extra > 0) {
      extra--;
      requestAnimationFrame(frame);
    } else release.port2.postMessage(null);
  };
  release.port1.onmessage = () => {
    if (stopped) return;
    // A change that came after the release went out still has its frames to come.
    if (extra > 0) return void requestAnimationFrame(frame);
    holding = false;
    hold(false);
  };
  return {
    changed(frames = 1) {
      if (stopped) return;
      extra = Math.max(extra, frames - 1);
      if (holding) return;
      holding = true;
      hold(true);
      requestAnimationFrame(frame);
    },
    stop() {
      stopped = true;
      release.port1.close();
      if (holding) hold(false);
    },
  };
}
