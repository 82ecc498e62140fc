// The policy editor's changes to a document, as recipes for the store's `edit` (each one undo step):
// start a custom policy, rename it, and insert, move, remove or change one step of an operation.

import type { PolicyOp, StepSpec } from '../../sim';
import type { Doc } from '../actions/edits';

export type Custom = NonNullable<NonNullable<Doc['policy']>['custom']>;
type DocStep = NonNullable<Custom['steps'][PolicyOp]>[number];

/** The document uses `custom` as its policy, keeping its mutations and other settings. */
export function adoptCustom(d: Doc, custom: Custom): void {
  d.policy = { ...d.policy, id: 'custom', custom };
}

export function rename(d: Doc, name: string): void {
  if (d.policy?.custom) d.policy.custom.name = name;
}

/** The operation's step list, created empty if the policy has none. */
function stepsOf(d: Doc, op: PolicyOp): DocStep[] {
  const custom = d.policy?.custom;
  if (!custom) throw new Error('the document has no custom policy');
  return (custom.steps[op] ??= []);
}

/** Drops an operation's list once it is empty: the policy then has no such operation. */
function tidy(d: Doc, op: PolicyOp): void {
  const custom = d.policy?.custom;
  if (custom && custom.steps[op]?.length === 0) delete custom.steps[op];
}

export function insertStep(d: Doc, op: PolicyOp, at: number, step: StepSpec): void {
  const steps = stepsOf(d, op);
  steps.splice(Math.max(0, Math.min(at, steps.length)), 0, { ...step } as DocStep);
}

export function removeStep(d: Doc, op: PolicyOp, at: number): void {
  stepsOf(d, op).splice(at, 1);
  tidy(d, op);
}

/** Moves the step at `from` so that it ends at index `to` (clamped to the list). */
export function moveStep(d: Doc, op: PolicyOp, from: number, to: number): void {
  const steps = stepsOf(d, op);
  if (from < 0 || from >= steps.length) return;
  const [st] = steps.splice(from, 1);
  steps.splice(Math.max(0, Math.min(to, steps.length)), 0, st);
}

/** Sets one argument of a step; `undefined` leaves it out (its default applies). */
export function setArg(d: Doc, op: PolicyOp, at: number, field: string, value: string | boolean | undefined): void {
  const st = stepsOf(d, op)[at] as Record<string, unknown> | undefined;
  if (st === undefined) return;
  if (value === undefined) delete st[field];
  else st[field] = value;
}
