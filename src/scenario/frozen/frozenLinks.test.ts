// Links made by earlier builds, frozen (links.json, written by scripts/freeze-links.ts): every one
// must open in this build, and give the trace it recorded while the model version is the one it
// was made with. A change to the model raises MODEL_VERSION (src/sim/modelVersion.ts); the links
// then still open, and the app says their run differs. The file is only ever appended to: the
// checksums below hold its entries as they were frozen.

import { describe, expect, it } from 'vitest';
import { crc32 } from '../crc32';
import { decodeFragment } from '../codec';
import { readFingerprint } from '../fingerprint';
import { defaultHorizon } from '../horizon';
import { MODEL_VERSION, buildReport, createEngine } from '../../sim';
import LINKS from './links.json';

/** [how many entries, the CRC-32 of their JSON]: one pair per freezing, never edited. */
const FROZEN: [number, number][] = [[31, 0xf86f3ee6]];

const text = (n: number) => new TextEncoder().encode(JSON.stringify(LINKS.slice(0, n)));

describe('frozen links', () => {
  it.each(FROZEN)('the first %i entries are as they were frozen', (n, crc) => {
    expect(LINKS.length).toBeGreaterThanOrEqual(n);
    expect(crc32(text(n)) >>> 0).toBe(crc);
  });

  it.each(LINKS.map((l) => [l.name, l] as const))('%s opens, with its recorded trace under its model', (_, l) => {
    const d = decodeFragment(l.link);
    expect(d?.ok, d !== null && !d.ok ? d.error : 'names no scenario').toBe(true);
    if (d === null || !d.ok) return;
    const f = readFingerprint(l.link);
    expect(f?.model, 'the link records its model').toBeTypeOf('number');
    if (f?.model !== MODEL_VERSION) return;
    const e = createEngine(d.scenario);
    e.runUntil(defaultHorizon(d.scenario));
    expect(buildReport(e).traceHash.slice(0, 8)).toBe(l.trace);
  });
});
