// The two runs of the Compare view, each in an engine host of its own (two EngineSessions), kept on
// one playhead: every move — a seek, a step, each moment of playing — is sent to both as the same
// tick, so the two canvases always show the same tick. Playing advances the shared tick by the wall
// time, and asks for the next tick only once both runs have answered the last.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Scenario } from '../../sim';
import { EngineSession } from '../../worker/session';
import { workerClient } from '../../worker/client';
import type { Frame, Summary } from '../../worker/protocol';
import type { SimView } from '../../worker/view';

export interface Run {
  /** The scenario this run is of (a run of another is not shown). */
  of: Scenario | null;
  frame: Frame | null;
  /** The last view the run sent (frames between two views carry none). */
  view: SimView | null;
  summary: Summary | null;
  error: string | null;
}

const NONE: [number, number][] = [];
const EMPTY: Run = { of: null, frame: null, view: null, summary: null, error: null };
/** Ticks a second while playing. */
export const PLAY_TICKS_PER_SECOND = 20;

export interface Runs {
  a: Run;
  b: Run;
  /** The shared playhead. */
  t: number;
  playing: boolean;
  seek(t: number): void;
  step(back: boolean): void;
  play(): void;
  pause(): void;
}

/** `deviationsA`: A's timing when A is the open run and that is a counterexample's (none: the default timing). */
export function useRuns(sa: Scenario | null, sb: Scenario | null, horizon: number, deviationsA: [number, number][] = NONE): Runs {
  const [a, setA] = useState<Run>(EMPTY);
  const [b, setB] = useState<Run>(EMPTY);
  const [t, setT] = useState(0);
  const [playing, setPlaying] = useState(false);
  const sessions = useRef<[EngineSession, EngineSession] | null>(null);
  const tRef = useRef(0);
  /** The tick each run last showed. */
  const shownRef = useRef<[number, number]>([-1, -1]);

  useEffect(() => {
    if (sa === null || sb === null) return;
    const make = (put: (f: (r: Run) => Run) => void, side: 0 | 1, of: Scenario) => {
      const set = (f: (r: Run) => Run) => put((r) => f(r.of === of ? r : { ...EMPTY, of }));
      return new EngineSession(
        workerClient(),
        {
          summary: (s) => set((r) => ({ ...r, summary: s })),
          frame: (f) => {
            shownRef.current[side] = Math.round(f.clock);
            set((r) => ({ ...r, frame: f, view: f.view ?? r.view, error: null }));
          },
          error: (message) => set((r) => ({ ...r, error: message })),
          recovered: () => {},
        },
        { restart: workerClient },
      );
    };
    const one = make(setA, 0, sa);
    const two = make(setB, 1, sb);
    shownRef.current = [-1, -1];
    one.load(sa, tRef.current, false, deviationsA);
    two.load(sb, tRef.current, false);
    sessions.current = [one, two];
    return () => {
      sessions.current = null;
      one.dispose();
      two.dispose();
    };
  }, [sa, sb, deviationsA]);

  const seek = useCallback(
    (to: number) => {
      const at = Math.max(0, Math.min(horizon, Math.round(to)));
      tRef.current = at;
      setT(at);
      sessions.current?.forEach((s) => s.seek(at));
    },
    [horizon],
  );

  // Playing: the shared tick moves on with the wall time; the next tick is asked for once both runs
  // show the last one.
  useEffect(() => {
    if (!playing) return;
    let raf = 0;
    let last = performance.now();
    let carry = 0;
    const tick = (now: number) => {
      carry += ((now - last) / 1000) * PLAY_TICKS_PER_SECOND;
      last = now;
      const shown = shownRef.current.every((c) => c === tRef.current);
      if (shown && carry >= 1) {
        const next = tRef.current + Math.floor(carry);
        carry -= Math.floor(carry);
        if (next >= horizon) {
          seek(horizon);
          setPlaying(false);
          return;
        }
        seek(next);
      }
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [playing, horizon, seek]);

  return {
    a: a.of === sa ? a : EMPTY,
    b: b.of === sb ? b : EMPTY,
    t,
    playing,
    seek,
    step: (back) => seek(tRef.current + (back ? -1 : 1)),
    play: () => {
      if (tRef.current >= horizon) seek(0);
      setPlaying(true);
    },
    pause: () => setPlaying(false),
  };
}
