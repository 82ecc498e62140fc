// The largest system the app admits, and past it the largest the schema admits: 64 endpoints, 256
// regions of `pages` pages, 128 devices with 256 transactions in flight, 4,096 operations.
// docs/performance.md gives its figures; `scripts/largest-scenario.ts` writes it to a file and the
// perf suite opens it.

export function largestDocument(pages: number): Record<string, unknown> {
  const hex = (n: number) => '0x' + n.toString(16);
  const endpoints = Array.from({ length: 64 }, (_, i) => ({ id: `vm${i}`, kind: 'vm', vmid: i + 1 }));
  const memory = Array.from({ length: 256 }, (_, i) => ({
    id: `r${i}`,
    owner: `vm${i % 64}`,
    pa: hex(0x80000000 + i * pages * 4096),
    ipa: hex(0x40000000 + Math.floor(i / 64) * pages * 4096),
    pages,
    secret: i % 2 === 1,
  }));
  const devices = Array.from({ length: 128 }, (_, i) => ({
    id: `d${i}`,
    streams: [i + 1],
    group: `g${i}`,
    owner: `vm${i % 64}`,
    maxOutstanding: 2,
  }));
  const script: Record<string, unknown>[] = devices.map((d, i) => ({
    at: i % 16,
    op: 'program',
    device: d.id,
    by: d.owner,
    dma: [
      { iova: hex(0x40000000), pages: 1, dir: 'read', loop: true, every: 5 },
      { iova: hex(0x40000000 + 4096 * Math.min(1, pages - 1)), pages: 1, dir: 'write', loop: true, every: 7 },
    ],
  }));
  for (let k = 0; script.length < 4096; k++) {
    const d = k % 128;
    script.push({ at: 100 + k * 10, op: 'transfer', device: `d${d}`, to: `vm${(d + 1 + Math.floor(k / 128)) % 64}` });
  }
  return {
    format: 'dma-handoff/scenario',
    version: 1,
    title: `Largest system (${pages} pages a region)`,
    policy: { id: 'P1' },
    endpoints,
    memory,
    devices,
    script,
  };
}
