// The Explore panel's state: the search's bounds as typed, the search running (its progress, and
// Cancel), and the results — for the open scenario's own policy, and for every policy (Explore all
// policies), each with the link its counterexamples open from. Loaded with the panel.

import { create } from 'zustand';
import { POLICY_IDS, POLICIES, type ExploreProgress, type ExploreResult, type Scenario } from '../../sim';
import { scenarioFragment } from '../../scenario/codec';
import { defaultHorizon } from '../../scenario/horizon';
import { useApp } from '../../store/appStore';
import { latestPerFrame } from './latestPerFrame';
import { poolSize, runPool, type PoolRun, type WorkerLike } from './pool';
import { holdWhileRendering } from './renderHold';
import type { DefaultViolation, WireOptions } from './protocol';

/** The bounds as the form holds them (text, so that a bad entry can be named). */
export interface Bounds {
  deviations: string;
  /** Empty: the scenario's own horizon. */
  horizon: string;
  budget: string;
  /** Seconds; empty: no limit. */
  timeLimit: string;
  mode: 'systematic' | 'random';
  samples: string;
  seed: string;
}

export const DEFAULT_BOUNDS: Bounds = {
  deviations: '2',
  horizon: '',
  budget: '5000',
  timeLimit: '60',
  mode: 'systematic',
  samples: '500',
  seed: '1',
};

/** One policy's search: what was explored, under which options, and what it found. */
export interface Explored {
  /** P0…P8, or 'custom'. */
  policy: string;
  label: string;
  /**
   * The explored scenario's link fragment (without `#`): a counterexample opens it with `&x=…`.
   * Made when first asked for: encoding a large system's link is work the main thread does on
   * Open, not while the search runs.
   */
  fragment: () => string;
  options: WireOptions;
  result: ExploreResult;
  defaults: DefaultViolation[];
  timedOut: boolean;
}

export interface Running {
  what: 'one' | 'all';
  /** The policy being explored now. */
  policy: string;
  /** Policies done of those asked for (Explore all policies). */
  index: number;
  of: number;
  startedAt: number;
  progress: ExploreProgress;
  /** When the last progress arrived (for states per second and the ETA). */
  at: number;
}

interface ExploreState {
  bounds: Bounds;
  running: Running | null;
  /** What the last search said when it did not finish (cancelled, or an error). */
  status: string | null;
  one: Explored | null;
  all: Explored[];
  /** The policies Explore all policies runs (the order of the matrix's rows). */
  allPolicies: string[];
  setBounds(b: Partial<Bounds>): void;
  run(what: 'one' | 'all'): void;
  cancel(): void;
}

/** The bounds as options for `scenario`, or a message naming the first entry that is wrong. */
export function readBounds(b: Bounds, scenario: Scenario): { options: WireOptions; timeLimitMs: number | null } | { error: string } {
  const whole = (text: string, name: string, min: number, max: number): number | string => {
    const n = Number(text.trim());
    if (text.trim() === '' || !Number.isInteger(n) || n < min || n > max)
      return `${name} must be a whole number from ${min} to ${max} (it is "${text}").`;
    return n;
  };
  const k = whole(b.deviations, 'Deviations (K)', 0, 8);
  if (typeof k === 'string') return { error: k };
  const horizon = b.horizon.trim() === '' ? defaultHorizon(scenario) : whole(b.horizon, 'Horizon', 1, 10_000_000);
  if (typeof horizon === 'string') return { error: horizon };
  const budget = whole(b.budget, 'Budget', 1, 10_000_000);
  if (typeof budget === 'string') return { error: budget };
  let timeLimitMs: number | null = null;
  if (b.timeLimit.trim() !== '') {
    const s = whole(b.timeLimit, 'Time limit (seconds)', 1, 86_400);
    if (typeof s === 'string') return { error: s };
    timeLimitMs = s * 1000;
  }
  const options: WireOptions = { horizon, maxDeviations: k, budget, mode: b.mode };
  if (b.mode === 'random') {
    const samples = whole(b.samples, 'Samples', 1, 10_000_000);
    if (typeof samples === 'string') return { error: samples };
    const seed = whole(b.seed, 'Seed', 0, 2 ** 31 - 1);
    if (typeof seed === 'string') return { error: seed };
    Object.assign(options, { samples, seed });
  }
  return { options, timeLimitMs };
}

/** How a target names the scenario's policy: a preset's number and name, or the custom policy's name. */
function policyLabel(s: Scenario): string {
  const p = s.policy.id;
  return p === 'custom' ? `custom: ${s.policy.custom?.name ?? 'custom'}` : `${p} ${POLICIES[p].name}`;
}

/** The scenario under each policy Explore all policies runs: P0–P8, and the custom one if open. */
function targets(s: Scenario, fragment: () => string): { policy: string; label: string; scenario: Scenario; fragment: () => string }[] {
  const presets = POLICY_IDS.map((p) => {
    if (s.policy.id === p) return current(s, fragment);
    const scenario: Scenario = { ...s, policy: { ...s.policy, id: p, custom: undefined } };
    return { policy: p, label: policyLabel(scenario), scenario, fragment: once(() => scenarioFragment(scenario)) };
  });
  if (s.policy.id !== 'custom') return presets;
  return [...presets, current(s, fragment)];
}

/**
 * The open scenario's own policy, as a target. Built directly, not picked from `targets`: encoding
 * the link of every other policy takes the main thread for hundreds of milliseconds on a large system.
 */
function current(s: Scenario, fragment: () => string) {
  return { policy: s.policy.id as string, label: policyLabel(s), scenario: s, fragment };
}

/** The animation frames a new view or summary holds the search for (see renderHold.ts). */
const VIEW_FRAMES = 3;

/**
 * While a search runs, its workers rest while the page renders (renderHold.ts): every frame while
 * the run plays, and whenever a new view or summary of the run comes. The canvas comes first: while
 * it plays the search runs at about half its speed.
 */
function watchRun(hold: (on: boolean) => void): () => void {
  if (typeof requestAnimationFrame === 'undefined') return () => {};
  const h = holdWhileRendering(hold);
  let raf = 0;
  const loop = () => {
    if (!useApp.getState().playing) return void (raf = 0);
    h.changed();
    raf = requestAnimationFrame(loop);
  };
  const unsubscribe = useApp.subscribe((s, prev) => {
    if (s.view !== prev.view || s.summary !== prev.summary) h.changed(VIEW_FRAMES);
    if (s.playing && raf === 0) raf = requestAnimationFrame(loop);
  });
  if (useApp.getState().playing) raf = requestAnimationFrame(loop);
  return () => {
    cancelAnimationFrame(raf);
    unsubscribe();
    h.stop();
  };
}

/**
 * `spawn`: how the pool makes its workers (tests pass in-process ones); `watch`: what holds them
 * while the page renders.
 */
export function createExploreStore(
  spawn?: () => WorkerLike,
  workers: () => number = () => poolSize(),
  watch: (hold: (on: boolean) => void) => () => void = watchRun,
) {
  return create<ExploreState>()((set, get) => {
    let pool: PoolRun | null = null;
    return {
      bounds: DEFAULT_BOUNDS,
      running: null,
      status: null,
      one: null,
      all: [],
      allPolicies: [],
      setBounds: (b) => set({ bounds: { ...get().bounds, ...b } }),
      cancel() {
        pool?.cancel();
      },
      run(what) {
        const app = useApp.getState();
        const s = app.scenario;
        if (s === null || get().running !== null) return;
        // The explored scenario's own link, without a counterexample's timing it may be open with
        // (the search's counterexamples carry their own): a gallery entry's is short and made now;
        // any other is the encoded scenario, made when a counterexample is opened.
        const gallery = app.galleryId !== null && !app.edited ? (app.linkFragment() ?? '').replace(/&x=[^&]*/, '') : null;
        const fragment = once(() => gallery ?? scenarioFragment(s));
        const read = readBounds(get().bounds, s);
        if ('error' in read) return set({ status: read.error });
        const list = what === 'one' ? [current(s, fragment)] : targets(s, fragment);
        const began = performance.now();
        const count = workers();
        set({
          status: null,
          ...(what === 'all' ? { all: [], allPolicies: list.map((t) => t.policy) } : { one: null }),
        });
        const next = (i: number) => {
          if (i >= list.length) {
            pool = null;
            const secs = ((performance.now() - began) / 1000).toFixed(1);
            const which = list.length > 1 ? `${list.length} policies` : list[0].label;
            return set({ running: null, status: `Done: ${which} explored in ${secs} s by ${count} worker${count === 1 ? '' : 's'}.` });
          }
          const t = list[i];
          const now = performance.now();
          set({ running: { what, policy: t.label, index: i, of: list.length, startedAt: now, progress: sumZero(), at: now } });
          const shown = latestPerFrame<{ progress: ExploreProgress; at: number }>(({ progress, at }) => {
            const r = get().running;
            if (r !== null) set({ running: { ...r, progress, at } });
          });
          const run = runPool(t.scenario, read.options, {
            workers: count,
            timeLimitMs: read.timeLimitMs,
            spawn,
            onProgress: (progress) => shown.push({ progress, at: performance.now() }),
          });
          pool = run;
          const unwatch = watch(run.hold);
          void run.done.then((x) => {
            shown.cancel();
            unwatch();
            if (pool !== run) return;
            if (x.kind !== 'done') {
              pool = null;
              const whose = list.length > 1 ? ` (at ${t.policy})` : '';
              return set({
                running: null,
                status: x.kind === 'cancelled' ? `Cancelled${whose}: the workers were stopped.` : x.message,
              });
            }
            const e: Explored = { policy: t.policy, label: t.label, fragment: t.fragment, options: read.options, ...x };
            set(what === 'one' ? { one: e } : { all: [...get().all, e] });
            next(i + 1);
          });
        };
        next(0);
      },
    };
  });
}

/** `make`'s value, made on the first call and kept. */
function once(make: () => string): () => string {
  let v: string | null = null;
  return () => (v ??= make());
}

function sumZero(): ExploreProgress {
  return { schedules: 0, states: 0, bound: 0, events: 0 };
}

export const useExplore = createExploreStore();

/** Opens a counterexample: the explored scenario's link with what opens it (findings.ts), through the store's link opening. */
export function openCounterexample(fragment: string, open: string): void {
  void useApp.getState().openLink(`#${fragment}${open}`);
}
