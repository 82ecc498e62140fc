// The embed's side of the postMessage API (docs/embed.md): commands from the host page (the
// window that frames the player) are obeyed; the player tells it when it is ready, the playhead's
// tick (at most ten times a second while playing, and at once on a seek or a pause) and each
// violation the playhead passes. A message the player cannot read gets an `error` event.

import { useEffect } from 'react';
import { useApp, type AppState } from '../../store/appStore';
import { whenOpened } from '../../store/opened';
import { readCommand, type PlayerEvent } from './hostMessages';

/** How often, at most, the tick is sent while playing. */
const TICK_EVERY_MS = 100;

export function useHostApi(): void {
  useEffect(() => {
    const host = window.parent === window ? null : window.parent;
    // The player's state is no secret of the host's (the host gave it the scenario): any origin may listen.
    const send = (e: PlayerEvent) => host?.postMessage({ source: 'dma-handoff', ...e }, '*');

    const onMessage = (e: MessageEvent) => {
      if (host === null || e.source !== host) return;
      const read = readCommand(e.data);
      if (!read.ok) return send({ type: 'error', message: read.message });
      const app = useApp.getState();
      const c = read.command;
      if (c.type === 'seek') {
        app.pause();
        app.seek(Math.min(c.t, app.horizon));
      } else if (c.type === 'play') app.play();
      else if (c.type === 'pause') app.pause();
      else
        whenOpened(app.openLink(`#${c.link}`), (opened) => {
          if (!opened) send({ type: 'error', message: useApp.getState().notice?.text ?? 'the link could not be opened' });
        });
    };
    window.addEventListener('message', onMessage);

    let lastTick = -1;
    let lastPlaying = false;
    let lastSent = 0;
    let lastReady: unknown = null;
    let passed = 0;
    const onState = (s: AppState) => {
      if (s.scenario !== null && s.summary !== null && s.scenario !== lastReady) {
        lastReady = s.scenario;
        passed = 0;
        send({ type: 'ready', title: s.scenario.title, horizon: s.horizon });
      }
      const t = Math.floor(s.clock);
      const now = performance.now();
      // A pause or a start at the same tick is told too: the host hears `playing` change.
      if ((t !== lastTick && (!s.playing || now - lastSent >= TICK_EVERY_MS)) || s.playing !== lastPlaying) {
        lastTick = t;
        lastPlaying = s.playing;
        lastSent = now;
        send({ type: 'tick', t, playing: s.playing });
      }
      // Violations at or before the playhead not yet told, in the run's order.
      const vs = s.summary?.violations ?? [];
      const upTo = vs.filter((v) => v.t <= t).length;
      if (upTo < passed) passed = upTo;
      for (; passed < upTo; passed++) {
        const v = vs[passed];
        send({ type: 'violation', invariant: v.invariant, number: v.number, t: v.t, message: v.message });
      }
    };
    onState(useApp.getState());
    const stop = useApp.subscribe(onState);
    return () => {
      window.removeEventListener('message', onMessage);
      stop();
    };
  }, []);
}
