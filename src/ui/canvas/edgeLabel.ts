// How an edge's label is set, and its box: sized from the text's advance, measured once per label
// with a 2D context. React Flow's EdgeText measures its text with getBBox after each commit: that
// forced a layout of the whole page inside the commit, and when ownership changed during a run,
// dozens of labels did it at once.

export const LABEL_STYLE = { fontSize: 12, fontFamily: 'ui-monospace, Menlo, monospace', fill: '#c9ced6' };
export const LABEL_BG_STYLE = { fill: '#16191e' };
/** Padding of the label's background, [x, y]. */
export const LABEL_PAD: [number, number] = [2, 4];

/** The longest label drawn whole (characters); a longer one is cut short, its full text on hover and in the inspector. */
export const LABEL_CAP = 28;

/** The label as drawn: whole up to LABEL_CAP characters, else its first LABEL_CAP − 1 and an ellipsis. */
export function capLabel(text: string): string {
  const chars = [...text];
  return chars.length <= LABEL_CAP
    ? text
    : chars
        .slice(0, LABEL_CAP - 1)
        .join('')
        .trimEnd() + '…';
}

const FONT = `${LABEL_STYLE.fontSize}px ${LABEL_STYLE.fontFamily}`;
const sizes = new Map<string, { width: number; height: number }>();
let context: CanvasRenderingContext2D | null | undefined;

/** The label's box in the edge labels' font; without a 2D context, a monospace estimate. */
export function measureLabel(text: string): { width: number; height: number } {
  let size = sizes.get(text);
  if (size !== undefined) return size;
  if (context === undefined) {
    context = document.createElement('canvas').getContext('2d');
    if (context !== null) context.font = FONT;
  }
  const m = context?.measureText(text);
  size =
    m === undefined
      ? { width: 0.6 * LABEL_STYLE.fontSize * text.length, height: 1.2 * LABEL_STYLE.fontSize }
      : { width: m.width, height: m.fontBoundingBoxAscent + m.fontBoundingBoxDescent };
  sizes.set(text, size);
  return size;
}
