// A moment in a link: where the playhead stands (`&t=<tick>`) and what is selected (`&sel=<id>`),
// after the scenario's own part (`#g=…` or `#s=…`). A violation is `v<index>`, a scripted operation
// `op<index>` (indices into the run's violations and operations, in order), and anything else an
// entity's id (an endpoint, a device, a region, or `smmu`). Reading never throws: a part that is
// not a moment is left out and named in `problems`, so the link still opens.

/** What a link selects. */
export type MomentSelection = { kind: 'violation'; index: number } | { kind: 'op'; index: number } | { kind: 'entity'; id: string };

export interface Moment {
  /** The playhead's tick, or null when the link names none. */
  t: number | null;
  sel: MomentSelection | null;
}

export interface ReadMoment extends Moment {
  /** What in the link was not a moment, in words (the link opens without that part). */
  problems: string[];
}

/** The largest tick a link may name: beyond it a number loses integer precision. */
const MAX_TICK = Number.MAX_SAFE_INTEGER;
const INDEX = /^(v|op)(\d{1,6})$/;
/** An entity id as the scenario format allows it (docs/scenario-format.md). */
const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;

/** The moment a location hash (or fragment) names; `t` and `sel` null when it names none. */
export function readMoment(hash: string): ReadMoment {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const problems: string[] = [];
  let t: number | null = null;
  const rawT = params.get('t');
  if (rawT !== null) {
    if (/^\d{1,16}$/.test(rawT) && Number(rawT) <= MAX_TICK) t = Number(rawT);
    else problems.push(`its time "t=${rawT.slice(0, 20)}" is not a tick (a whole number)`);
  }
  let sel: MomentSelection | null = null;
  const rawSel = params.get('sel');
  if (rawSel !== null) {
    sel = selectionOf(rawSel);
    if (sel === null) problems.push(`its selection "sel=${rawSel.slice(0, 40)}" is not a violation, an operation or an id`);
  }
  return { t, sel, problems };
}

function selectionOf(text: string): MomentSelection | null {
  const m = INDEX.exec(text);
  if (m !== null) return { kind: m[1] === 'v' ? 'violation' : 'op', index: Number(m[2]) };
  return ID.test(text) ? { kind: 'entity', id: text } : null;
}

/** A selection as a link writes it: `v0`, `op3`, `NIC`. */
export function selectionText(sel: MomentSelection): string {
  return sel.kind === 'violation' ? `v${sel.index}` : sel.kind === 'op' ? `op${sel.index}` : sel.id;
}

/** The moment's part of a link, to follow the scenario's: `&t=60&sel=v0`, or '' for no moment. */
export function momentParams(m: Moment): string {
  let out = '';
  if (m.t !== null) out += `&t=${Math.max(0, Math.floor(m.t))}`;
  if (m.sel !== null) out += `&sel=${encodeURIComponent(selectionText(m.sel))}`;
  return out;
}

/** A fragment with any moment it carries left out (`g=seed-attack&t=5` → `g=seed-attack`). */
export function withoutMoment(fragment: string): string {
  const lead = fragment.startsWith('#') ? '#' : '';
  const parts = fragment
    .slice(lead.length)
    .split('&')
    .filter((p) => !/^(t|sel)=/.test(p));
  return lead + parts.join('&');
}
