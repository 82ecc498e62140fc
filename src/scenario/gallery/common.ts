// Pieces several gallery scenarios share: the two VMs of the seed discussion and their RAM.

export const twoVms = [
  { id: 'A', kind: 'vm', name: 'VM A', vmid: 1 },
  { id: 'P', kind: 'vm', name: 'VM P', vmid: 2 },
];

/** A's RAM and P's secret RAM, both at IPA 0x40000000 in their owners' stage-2. */
export const twoRams = [
  { id: 'a-ram', owner: 'A', pa: '0x80000000', ipa: '0x40000000', pages: 4 },
  { id: 'p-ram', owner: 'P', pa: '0x90000000', ipa: '0x40000000', pages: 4, secret: true },
];

/** A's descriptor: read IPA 0x40000000 every 5 ticks, forever. */
export const aReadLoop = { iova: '0x40000000', pages: 1, dir: 'read', loop: true, every: 5 };
/** The same, writing. */
export const aWriteLoop = { iova: '0x40000000', pages: 2, dir: 'write', loop: true, every: 4 };
