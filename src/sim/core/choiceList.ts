// The compact text of a deviation list, for links (`&x=<choices>`): only the choices that differ
// from the default are written, as `index-value` pairs in base 36 joined by dots, in index order —
// "3k-5.a0-12" takes value 5 at choice 128 and value 38 at choice 360.

const PAIR = /^([0-9a-z]{1,8})-([0-9a-z]{1,8})$/;

export function encodeChoices(deviations: ReadonlyMap<number, number>): string {
  return [...deviations]
    .sort((a, b) => a[0] - b[0])
    .map(([i, v]) => `${i.toString(36)}-${v.toString(36)}`)
    .join('.');
}

/** The deviation list a text names, or a message naming the first part that is not a pair. */
export function decodeChoices(text: string): { ok: true; deviations: Map<number, number> } | { ok: false; message: string } {
  const deviations = new Map<number, number>();
  if (text === '') return { ok: true, deviations };
  for (const part of text.split('.')) {
    const m = PAIR.exec(part);
    if (m === null) return { ok: false, message: `choice list: "${part}" is not an index-value pair in base 36 (e.g. "3k-5")` };
    const i = parseInt(m[1], 36);
    if (deviations.has(i)) return { ok: false, message: `choice list: choice ${m[1]} is given twice` };
    deviations.set(i, parseInt(m[2], 36));
  }
  return { ok: true, deviations };
}
