// Where the timeline draws its numbered caption chips. Each chip is centred on its caption's tick;
// a chip that would overlap the one before it in its row goes to the next row, and when every row
// is taken it joins the latest chip, which then reads "3–5" and lists each of its captions. No two
// chips ever overlap, however close the captions are.

export interface CaptionChip {
  /** Indices of the captions this chip stands for, in order (one, or several merged). */
  captions: number[];
  /** Left edge and width in pixels along the track. */
  left: number;
  width: number;
  row: number;
}

export interface ChipOptions {
  /** How many rows the chips may take. */
  rows: number;
  /** Pixels between two chips in a row. */
  gap: number;
  /** A chip's width in pixels for its label. */
  widthOf: (label: string) => number;
  /** The track's width: a chip near either end is moved inside it. */
  span: number;
}

/** A chip's label: its caption's number, or the first and last numbers of a merged chip. */
export function chipLabel(chip: Pick<CaptionChip, 'captions'>): string {
  const first = chip.captions[0] + 1;
  const last = chip.captions[chip.captions.length - 1] + 1;
  return first === last ? String(first) : `${first}–${last}`;
}

/** Places one chip per caption at `xs` (pixels along a track `span` wide, in caption order, not decreasing). */
export function placeCaptionChips(xs: readonly number[], o: ChipOptions): CaptionChip[] {
  const chips: CaptionChip[] = [];
  const rowEnd: number[] = Array.from({ length: Math.max(1, o.rows) }, () => -Infinity);
  xs.forEach((x, i) => {
    const width = o.widthOf(String(i + 1));
    const left = Math.max(0, Math.min(o.span - width, x - width / 2));
    const row = rowEnd.findIndex((end) => end + o.gap <= left);
    if (row >= 0 || chips.length === 0) {
      // (The first chip always finds its row: nothing is placed yet.)
      const r = Math.max(0, row);
      chips.push({ captions: [i], left, width, row: r });
      rowEnd[r] = left + width;
      return;
    }
    // No row has room: the latest chip takes this caption too. It is the last of its row, so
    // widening it to the right overlaps nothing placed before it, and later chips see its new end.
    const last = chips[chips.length - 1];
    last.captions.push(i);
    last.width = o.widthOf(chipLabel(last));
    rowEnd[last.row] = last.left + last.width;
  });
  return chips;
}
