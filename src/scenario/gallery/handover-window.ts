// Gallery 16 — a hand-over somewhere in a window: clean when it falls late, broken when it falls early.

import type { GalleryDoc } from './types';
import { twoRams, twoVms } from './common';

/** A's last burst: the same two pages three times, one write every 4 ticks from tick 30 to 50. */
const burst = { iova: '0x40000000', pages: 2, dir: 'write', every: 4 };

export const handoverWindow: GalleryDoc = {
  format: 'dma-handoff/scenario',
  version: 1,
  title: 'Hand-over somewhere in 40–60',
  description:
    "A design review of a P3 port that leaves out ATC_INV: the NIC has ATS, the SMMU does not check its translated writes (ATSCHK = 0), and the hypervisor's scheduler hands the NIC to P somewhere in ticks 40 to 60. The team's test run hands over at 60, after A's last burst (ticks 30 to 50) has landed: the ATC still holds A's translations, but nothing uses them before P's reset empties it, and every seed gives a clean run — the hand-over's tick is not drawn from the seed, so no seed moves it. The explorer tries the window's other end: a hand-over at 40 falls in the middle of the burst, the NIC's ATC keeps translating A's writes past the SMMU, and they land in A's RAM after the hand-over completed (I2, I8).",
  seed: 1,
  smmu: { atsCheck: false },
  policy: { id: 'P3', mutations: ['skip-atc-inv'], dmaCoupled: false },
  endpoints: twoVms,
  memory: twoRams,
  devices: [{ id: 'X', name: 'NIC', streams: [17], group: 'g0', owner: 'A', ats: true, maxOutstanding: 4 }],
  script: [
    { at: 30, op: 'program', device: 'X', by: 'A', dma: [burst, burst, burst] },
    { at: 60, window: [40, 60], op: 'transfer', device: 'X', to: 'P' },
    { at: 100, op: 'reset', device: 'X' },
    { at: 130, op: 'map', device: 'X', by: 'P', region: 'p-ram' },
    { at: 140, op: 'enable', device: 'X', by: 'P' },
    { at: 160, op: 'program', device: 'X', by: 'P', dma: [{ iova: '0x40000000', pages: 2, dir: 'write', loop: true, every: 5 }] },
  ],
  captions: [
    {
      at: 30,
      text: "A's driver starts its last burst: two pages written three times, one write every 4 ticks. The NIC's ATC fills with A's translations; the SMMU does not check translated writes (ATSCHK = 0).",
    },
    {
      at: 50,
      text: 'The hypervisor hands the NIC over somewhere in ticks 40 to 60. This run takes 60, the end the test plan uses: the burst has landed by then.',
    },
    {
      at: 60,
      text: "Transfer under P3 without ATC_INV: STE invalid, CFGI, TLBI, SYNC. The ATC keeps A's translations, but the NIC has nothing left to write: no leak in this run, whatever the seed.",
    },
    {
      at: 70,
      text: "The explorer tries the window's other end: a hand-over at 40 falls mid-burst, the ATC translates A's remaining writes past the SMMU, and they land after the hand-over (I2, I8). Open its counterexample from the Explore panel.",
    },
    { at: 100, text: "P resets the NIC (its ATC is emptied), maps its RAM and enables it; P's own writes land in P's RAM." },
  ],
};
