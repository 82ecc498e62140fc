// The edits the editor's sections make to the document, each a labelled store edit (validated, one
// step of undo), and the schema's defaults the sections show for what a document leaves out.

import { useApp } from '../../store/appStore';
import { documentSchema } from '../../scenario/schema';
import { edit, type Doc } from '../actions/edits';

/** What a document leaves out is the schema's default (docs/scenario-format.md). */
export const DEFAULTS = documentSchema
  .pick({ title: true, description: true, seed: true, timing: true, smmu: true, policy: true })
  .parse({});
export const TIMING_KEYS = documentSchema.shape.timing.unwrap().keyof().options;

type Timing = NonNullable<Doc['timing']>;
type Smmu = NonNullable<Doc['smmu']>;
type Policy = NonNullable<Doc['policy']>;

/**
 * Sets one field of a row (an endpoint, a device, a region, a caption) to what the user entered;
 * the edit's validation judges the value.
 */
export function setField<R extends object, K extends keyof R & string>(row: (d: Doc) => R | undefined, field: K, v: R[K], label: string) {
  edit(label, (d) => {
    const r = row(d);
    if (r !== undefined) r[field] = v;
  });
}
export const setTiming = <K extends keyof Timing & string>(k: K, v: Timing[K]) =>
  edit(`timing.${k}`, (d) => void ((d.timing ??= {})[k] = v));
export const setSmmu = <K extends keyof Smmu & string>(k: K, v: Smmu[K]) => edit(`smmu.${k}`, (d) => void ((d.smmu ??= {})[k] = v));
export const setPolicyField = <K extends keyof Policy & string>(k: K, v: Policy[K]) =>
  edit(`policy.${k}`, (d) => void ((d.policy ??= {})[k] = v));

/** A range typed as "least, most". */
export function setRange(k: keyof Timing & string, text: string) {
  const n = text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);
  if (n.length === 2) setTiming(k, [n[0], n[1]]);
  else useApp.getState().setNotice({ kind: 'error', text: `timing.${k}: refused — expected two numbers, the least and the most` });
}
