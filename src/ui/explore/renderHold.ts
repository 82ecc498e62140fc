// While a search runs, the page holds its workers while it renders: every frame while the run
// plays, and a new view or summary of the run whenever one comes. A hold goes out before the
// rendering (at the frame's start, or before React renders the change) and the task after the next
// animation frame — the frame that drew it — releases it. On two cores the search worker otherwise
// takes a core that the page's rendering (React, style, layout, paint and the commit on the main
// thread, and the compositors after it) needs, and the page's tasks run past 50 ms.

export interface RenderHold {
  /** The page is about to render a change. */
  changed(): void;
  stop(): void;
}

/** Holds through `hold` from each `changed` to the task after the next animation frame. */
export function holdWhileRendering(hold: (on: boolean) => void): RenderHold {
  let holding = false;
  let stopped = false;
  const release = new MessageChannel();
  release.port1.onmessage = () => {
    holding = false;
    if (!stopped) hold(false);
  };
  return {
    changed() {
      if (holding || stopped) return;
      holding = true;
      hold(true);
      requestAnimationFrame(() => release.port2.postMessage(null));
    },
    stop() {
      stopped = true;
      release.port1.close();
      if (holding) hold(false);
    },
  };
}
