// Spreading one change over a few animation frames. While the run plays, a view touches dozens of
// canvas nodes at once; committed together, their style, layout and paint land in one browser frame
// long enough to stall the page. A component given a slot applies the change that many frames later
// (slot 0: at once), so each frame renders a share of the nodes. Four frames are 67 ms at 60 Hz,
// well inside the 250 ms between two views, and the nodes show the same tick again once all slots
// have run.

/** How many frames one change is spread over. */
export const SLOTS = 4;

const queued: Array<Array<() => void>> = Array.from({ length: SLOTS }, () => []);
let ticking = false;

function tick() {
  const due = queued.shift()!;
  queued.push([]);
  for (const run of due) run();
  ticking = queued.some((q) => q.length > 0);
  if (ticking) requestAnimationFrame(tick);
}

/** Runs `run` `slot` animation frames from now; slot 0 (or any slot ≤ 0) runs it at once. */
export function inSlot(slot: number, run: () => void): void {
  const s = Math.min(SLOTS, Math.floor(slot));
  if (s <= 0) {
    run();
    return;
  }
  queued[s - 1].push(run);
  if (!ticking) {
    ticking = true;
    requestAnimationFrame(tick);
  }
}
