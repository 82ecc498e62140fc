// The engine session and playback: connecting the engine host, taking its frames and run summaries
// into the state, and the playhead's commands — play, pause, seek, step, speed, and the presenter's
// caption to caption.

import type { Frame, Summary } from '../worker/protocol';
import { EngineSession } from '../worker/session';
import { choicePairs } from '../scenario/choiceLink';
import { captionTarget } from './documentChanges';
import type { Actions } from './actions';
import type { Opening } from './opening';
import type { GetState, SetState } from './storeApi';

/** A host's message as the notice's sentence: it starts with a capital. */
const sentence = (m: string) => m.charAt(0).toUpperCase() + m.slice(1);
/** At most how often a progress summary redraws the panels while the run is computed. */
const SUMMARY_EVERY_MS = 1500;

export type PlaybackActions = Pick<
  Actions,
  'connect' | 'setPresenting' | 'setBlank' | 'captionAt' | 'caption' | 'play' | 'pause' | 'togglePlay' | 'seek' | 'step' | 'setSpeed'
>;

export function playback(set: SetState, get: GetState, summarised: Opening['summarised']): PlaybackActions {
  const session = () => get().session;

  // The speed last asked of the host, until a frame carries it: a frame sent before the host heard
  // the request still has the old speed, and taking it would undo a key pressed just before.
  let askedSpeed: number | null = null;
  const frameSpeed = (f: Frame) => {
    if (askedSpeed === f.speed) askedSpeed = null;
    return askedSpeed ?? f.speed;
  };

  const onFrame = (f: Frame) => {
    // The overlay draws every frame (from the session's bus); the panels and nodes (React) follow
    // the frames that carry the entities — every frame when paused, seeking or stepping, a few a
    // second while playing (text that changes sixty times a second is unreadable anyway). A view's
    // unchanged parts are the last view's own objects (worker/viewDelta.ts): a node whose part did
    // not change is not re-rendered.
    if (f.view !== null)
      set({ view: f.view, clock: f.clock, playing: f.playing, speed: frameSpeed(f), horizon: f.horizon, waitingFor: f.waitingFor ?? null });
    else if (f.playing !== get().playing) set({ playing: f.playing });
  };

  // While the run is computed in the background, progress summaries come a few times a second. The
  // readout of how far follows each one; the panels drawn from the summary (the timeline with every
  // operation, the verdicts with every hand-over) take a load's, one with a new violation, one every
  // SUMMARY_EVERY_MS and the complete one: redrawing them four times a second for a large run costs
  // the page more than it shows.
  let summaryAt = -Infinity;
  const onSummary = (summary: Summary, progress: boolean) => {
    summarised(summary);
    const computedTo = summary.complete ? null : summary.scoutedTo;
    const shown = get().summary;
    const now = performance.now();
    if (
      !progress ||
      summary.complete ||
      shown === null ||
      shown.violations.length !== summary.violations.length ||
      summary.horizon !== get().horizon ||
      now - summaryAt >= SUMMARY_EVERY_MS
    ) {
      summaryAt = now;
      set({ summary, computedTo, horizon: summary.horizon });
    } else set({ computedTo });
  };

  /** Play (up to `until`): the button shows Pause at once; the session starts the run after the next frame. */
  const startPlaying = (until?: number) => {
    set({ playing: true });
    session()?.play(until);
  };

  return {
    connect(client, restart, env) {
      get().session?.dispose();
      askedSpeed = null;
      const s = new EngineSession(
        client,
        {
          summary: onSummary,
          frame: onFrame,
          // A host left without a run (a failed load) shows none: the document stays, to be fixed.
          error: (message, noRun) =>
            set({
              notice: { kind: 'error', text: sentence(message) },
              playing: false,
              ...(noRun ? { view: null, summary: null, computedTo: null } : {}),
            }),
          recovered: (why, at) =>
            set({ playing: false, notice: { kind: 'error', text: `${why} It was restarted at t=${at}; your scenario is unchanged.` } }),
        },
        { restart, env },
      );
      set({ session: s, host: s.kind });
      const { scenario } = get();
      if (scenario !== null) s.load(scenario, Math.floor(get().clock), false, choicePairs(get().choices));
    },

    setPresenting: (presenting) => set({ presenting, blank: false }),
    setBlank: (blank) => set({ blank }),

    captionAt(which) {
      const ticks = (get().scenario?.captions ?? []).map((c) => c.at);
      if (ticks.length === 0) return get().seek(which === 'first' ? 0 : get().horizon);
      get().seek(which === 'first' ? Math.min(...ticks) : Math.max(...ticks));
    },

    caption(dir) {
      const { scenario, clock, horizon, playing } = get();
      if (scenario === null) return;
      const target = captionTarget(
        scenario.captions.map((c) => c.at),
        Math.floor(clock),
        dir,
        horizon,
      );
      if (target === undefined) return;
      // Forward runs (plays) to the next caption, so the audience sees what happens in between;
      // pressed again while running, it finishes this run at once. Back jumps.
      if (dir > 0 && !playing) startPlaying(target);
      else get().seek(target);
    },

    play: () => startPlaying(),
    pause: () => session()?.pause(),
    togglePlay: () => (get().playing ? session()?.pause() : startPlaying()),
    seek: (t) => session()?.seek(t),
    step: (unit, back = false) => session()?.step(unit, back),
    // The store holds the speed at once: keys pressed before the host's answer add up.
    setSpeed: (tps) => {
      askedSpeed = tps;
      set({ speed: tps });
      session()?.setSpeed(tps);
    },
  };
}
