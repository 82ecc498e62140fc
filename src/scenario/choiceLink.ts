// The timing a link gives its run (`&x=<choices>`, beside the scenario): a counterexample's
// deviations from the default choices, in the compact text of src/sim/core/choiceList.ts. The
// choices index the choice points of that exact scenario's run, so they travel with it and with
// nothing else.

import { decodeChoices, encodeChoices } from '../sim';

/** A run's deviations from the default choices, with their text as a link writes it. */
export interface LinkChoices {
  /** The canonical text: only deviations, in index order (`2-8.1f-3`). */
  text: string;
  deviations: ReadonlyMap<number, number>;
}

/** The longest choice list a link may carry (a few hundred deviations; a counterexample has a few). */
const MAX_CHARS = 4000;

/**
 * The choices a location hash (or fragment) gives: null when it gives none (or an empty list), or
 * the refusal of a malformed list in the words of `decodeChoices`.
 */
export function readChoices(hash: string): { ok: true; choices: LinkChoices | null } | { ok: false; message: string } {
  const raw = new URLSearchParams(hash.replace(/^#/, '')).get('x');
  if (raw === null) return { ok: true, choices: null };
  if (raw.length > MAX_CHARS)
    return { ok: false, message: `This link's timing (&x=) cannot be read: it is ${raw.length} characters long, over ${MAX_CHARS}.` };
  const d = decodeChoices(raw);
  if (!d.ok) return { ok: false, message: `This link's timing (&x=) cannot be read: ${d.message}.` };
  if (d.deviations.size === 0) return { ok: true, choices: null };
  return { ok: true, choices: { text: encodeChoices(d.deviations), deviations: d.deviations } };
}

/** The choices' part of a link, to follow the scenario's: `&x=2-8`, or '' for the default timing. */
export function choicesParam(c: LinkChoices | null): string {
  return c === null ? '' : `&x=${c.text}`;
}

/** A fragment with its timing left out (`g=seed-attack&x=2-8&t=5` → `g=seed-attack&t=5`). */
export function withoutChoices(fragment: string): string {
  const lead = fragment.startsWith('#') ? '#' : '';
  return (
    lead +
    fragment
      .slice(lead.length)
      .split('&')
      .filter((p) => !/^x=/.test(p))
      .join('&')
  );
}

/** The deviations as pairs (index, value) in index order: the form a message to the engine host carries. */
export function choicePairs(c: LinkChoices | null): [number, number][] {
  return c === null ? [] : [...c.deviations].sort((a, b) => a[0] - b[0]);
}
