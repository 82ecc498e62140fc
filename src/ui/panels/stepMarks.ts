// The timeline's lane of hypervisor steps. A run of thousands of operations has tens of thousands
// of steps, most of them closer together than a pixel: one mark per step would put that many
// elements in the page to draw the same picture. Steps that fall in one slot of the lane — about
// half a pixel of the widest track — share a mark, whose title names the first and how many more.
// The open operation's steps keep a mark each.

import type { OpRecord } from '../../sim';

export interface StepMark {
  key: string;
  /** Place along the track, 0–1. */
  x: number;
  title: string;
  hot: boolean;
}

/** Slots across the track at zoom 1; the track is zoom times as wide, with as many more. */
const SLOTS = 4000;

export function stepMarks(ops: readonly OpRecord[], x: (t: number) => number, zoom: number, open: number | null): StepMark[] {
  const marks: StepMark[] = [];
  const slots = new Map<number, { mark: StepMark; first: string; more: number }>();
  const per = SLOTS * zoom;
  ops.forEach((o, i) =>
    o.steps.forEach((s, k) => {
      const title = `t=${s.t} ${s.text}`;
      const at = x(s.t);
      if (i === open) {
        marks.push({ key: `${i}:${k}`, x: at, title, hot: true });
        return;
      }
      const slot = Math.round(at * per);
      const shared = slots.get(slot);
      if (shared === undefined) {
        const mark = { key: `${i}:${k}`, x: at, title, hot: false };
        slots.set(slot, { mark, first: title, more: 0 });
        marks.push(mark);
      } else shared.mark.title = `${shared.first} (and ${++shared.more} more)`;
    }),
  );
  return marks;
}
