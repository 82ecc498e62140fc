// The transactions in flight in an exported picture, where the overlay draws them at the tick.

import { PAGE, PHASE, TX } from '../../worker/frameFormat';
import { endpointColour } from '../theme';
import { pageCell, type Box, type SceneInput } from './sceneModel';

/**
 * The transactions in flight at the tick, as the overlay draws them: on the way from the device to
 * the SMMU while issued, from the SMMU to their page once translated; filled for a write, a ring for
 * a read, in the colour of who programmed them; red when stopped or leaking.
 */
export function particles(input: SceneInput, boxes: Map<string, Box>, danger: string): string[] {
  const out: string[] = [];
  const { inflight: f, view: v, tick } = input;
  const smmu = boxes.get('smmu');
  if (smmu === undefined) return out;
  for (let i = 0; i + TX.stride <= f.length; i += TX.stride) {
    const dev = v.devices[f[i + TX.device]];
    const from = dev && boxes.get(dev.id);
    if (from === undefined) continue;
    const phase = f[i + TX.phase];
    const mid = { x: smmu.x, y: smmu.y + Math.min(smmu.h / 2, 60) };
    let a = { x: from.x + from.w, y: from.y + from.h / 2 };
    let b = mid;
    let t0 = f[i + TX.issuedAt];
    let t1 = f[i + TX.arriveAt];
    if (phase === PHASE.translated) {
      const to = f[i + TX.page] >= 0 ? pageCell(input, boxes, f[i + TX.page]) : null;
      if (to === null && f[i + TX.page] !== PAGE.none) continue;
      a = { x: smmu.x + smmu.w, y: mid.y };
      b = to ?? a;
      t0 = f[i + TX.translatedAt];
      t1 = f[i + TX.commitAt];
    } else if (phase !== PHASE.issued) continue;
    const k = t1 > t0 ? Math.min(1, Math.max(0, (tick - t0) / (t1 - t0))) : 1;
    const x = a.x + (b.x - a.x) * k;
    const y = a.y + (b.y - a.y) * k;
    const leak = (f[i + TX.flags] & 8) !== 0;
    const colour = leak ? danger : endpointColour(f[i + TX.programmedBy]);
    const write = (f[i + TX.flags] & 1) !== 0;
    out.push(
      write
        ? `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="5" fill="${colour}"/>`
        : `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="4.5" fill="none" stroke="${colour}" stroke-width="2"/>`,
    );
  }
  return out;
}
