// Placing the timeline's operation labels so that none covers another: each label, left to right,
// takes the first row where it fits whole; where none has room, the label before it in some row is
// abbreviated to make room, and where even that does not help it is a bare mark under the rows.
// The full text is always on the label's title.

export type LabelForm = 'full' | 'short' | 'mark';

export interface LabelPlace {
  /** Its row; -1 for a bare mark, drawn in a strip of its own. */
  row: number;
  form: LabelForm;
}

/** Room kept between two labels in a row (px). */
const GAP = 3;

/**
 * Rows and forms for labels at `x` (px from the track's left, in any order), `full` or `short` px
 * wide in their two forms, in `rows` rows. Returns one place per label, in input order.
 */
export function placeLabels(items: readonly { x: number; full: number; short: number }[], rows: number): LabelPlace[] {
  const order = items.map((_, i) => i).sort((a, b) => items[a].x - items[b].x || a - b);
  const out = new Array<LabelPlace>(items.length);
  // The last label with text in each row (-1: none yet).
  const last = new Array<number>(rows).fill(-1);
  const endOf = (i: number) => (i < 0 ? -Infinity : items[i].x + (out[i].form === 'full' ? items[i].full : items[i].short));
  for (const i of order) {
    const x = items[i].x;
    let row = last.findIndex((j) => endOf(j) + GAP <= x);
    if (row < 0) {
      // Abbreviate the last label of a row, if that makes room.
      row = last.findIndex((j) => out[j].form === 'full' && items[j].x + items[j].short + GAP <= x);
      if (row >= 0) out[last[row]] = { row, form: 'short' };
    }
    if (row < 0) {
      out[i] = { row: -1, form: 'mark' };
      continue;
    }
    out[i] = { row, form: 'full' };
    last[row] = i;
  }
  return out;
}

/** An operation's name abbreviated to its first three letters. */
export const shortName = (name: string): string => (name.length <= 4 ? name : name.slice(0, 3) + '…');

/** A label's width in the timeline's 11 px type (an estimate: 6.6 px a character, padding and border). */
export const labelWidth = (text: string): number => Math.ceil(6.6 * text.length) + 12;
