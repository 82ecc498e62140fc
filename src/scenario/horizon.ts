// How far a scenario is shown and run by default: its last scripted operation or caption plus a
// tail in which the consequences play out. The app's timeline and the CLI agree on it.

import type { Scenario } from '../sim';

export const TAIL_TICKS = 400;
export const MIN_HORIZON = 600;

export function defaultHorizon(s: Scenario): number {
  const last = Math.max(0, ...s.script.map((o) => o.at), ...s.captions.map((c) => c.at));
  return Math.max(MIN_HORIZON, last + TAIL_TICKS);
}
