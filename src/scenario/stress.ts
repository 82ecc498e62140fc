// The stress scenario of the performance targets (docs/performance.md): 16 VMs, 32 devices, 64
// regions, every device streaming DMA over its owner's memory, hundreds of transactions in flight.
// The engine benchmark and the canvas performance test both use it, as a document (what a user
// could load).

import type { GalleryDoc } from './gallery/types';

export function stressDocument(
  opts: { vms?: number; devicesPerVm?: number; regionsPerVm?: number; pages?: number; policy?: string } = {},
): GalleryDoc {
  const vms = opts.vms ?? 16;
  const perVm = opts.devicesPerVm ?? 2;
  const regionsPerVm = opts.regionsPerVm ?? 4;
  const pages = opts.pages ?? 4;
  const endpoints = Array.from({ length: vms }, (_, i) => ({ id: `V${i}`, kind: 'vm', name: `VM ${i}`, vmid: i + 1 }));
  const memory = endpoints.flatMap((e, i) =>
    Array.from({ length: regionsPerVm }, (_, k) => ({
      id: `r${i}-${k}`,
      owner: e.id,
      pa: '0x' + (0x80000000 + (i * regionsPerVm + k) * 0x100000).toString(16),
      ipa: '0x' + (0x40000000 + k * 0x100000).toString(16),
      pages,
      secret: k === regionsPerVm - 1,
    })),
  );
  const devices = endpoints.flatMap((e, i) =>
    Array.from({ length: perVm }, (_, k) => ({
      id: `D${i}-${k}`,
      name: `dev ${i}.${k}`,
      streams: [100 + i * perVm + k],
      owner: e.id,
      maxOutstanding: 32,
    })),
  );
  const script = devices.map((d, n) => ({
    at: 0,
    op: 'program',
    device: d.id,
    by: d.owner,
    dma: [
      { iova: '0x' + (0x40000000 + (n % perVm) * 0x100000).toString(16), pages, dir: 'write', loop: true, every: 1 },
      { iova: '0x' + (0x40000000 + ((n + 1) % regionsPerVm) * 0x100000).toString(16), pages, dir: 'read', loop: true, every: 1 },
    ],
  }));
  // Hand-overs keep the SMMU busy: every 200 ticks one device moves to the next VM.
  for (let k = 0; k < 8 && k * 3 < devices.length; k++)
    script.push({ at: 200 + k * 200, op: 'transfer', device: devices[k * 3].id, to: endpoints[(k * 3 + 1) % vms].id } as never);
  return {
    format: 'dma-handoff/scenario',
    version: 1,
    title: `Stress: ${vms} VMs, ${devices.length} devices, ${memory.length} regions`,
    description: 'Every device streams reads and writes over its owner memory; devices are handed over one after another under P1.',
    seed: 7,
    // A slow interconnect keeps more transactions in flight at once (≥ 500 across 32 devices).
    timing: { downstream: [8, 24] },
    policy: { id: opts.policy ?? 'P1', mutations: [], dmaCoupled: false },
    endpoints,
    memory,
    devices,
    script,
  };
}
