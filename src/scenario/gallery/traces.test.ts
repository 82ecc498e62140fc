// The gallery's trace hashes under this model version. A change to the engine that moves one of
// them changes what old links show: raise MODEL_VERSION (src/sim/modelVersion.ts) and record the new
// hashes here, so links made before say so when they are opened.

import { describe, expect, it } from 'vitest';
import { MODEL_VERSION, buildReport, createEngine } from '../../sim';
import { GALLERY_IDS, galleryScenario } from '../../testing/scenarios';
import { defaultHorizon } from '../horizon';

const TRACES: Record<number, Record<string, string>> = {
  1: {
    'seed-attack': '354e568c35d056f6',
    'reset-on-transfer': '986b460d8a6b20b7',
    'acceptance-stage': 'e50260094c3362d4',
    'per-vm-table': '23b06a9d729bf0a0',
    'loan-vs-shared': '3a42f23609031da5',
    quarantine: '057df1d1c5034e70',
    'forgot-sync': '5c5f3d9906978a01',
    'vmid-reuse': 'f3d2b02e1365f123',
    'stale-atc': 'b7ad3327c94364f0',
    'lend-dma-visible': '66e94ed5316e5cdc',
    'abort-frees-tables': '0282669d6922d6bf',
    'ignores-reset': '7d7b7a794baa7d55',
    'eventq-overflow': 'a99a46481fbdd88a',
    'attested-enable': '6672112975679c03',
    'late-atc-ack': 'f88068a12c4a143b',
    'handover-window': '70d05934f0d8bd1f',
  },
};

describe(`model version ${MODEL_VERSION}`, () => {
  it('has the gallery trace hashes recorded', () => {
    expect(Object.keys(TRACES[MODEL_VERSION] ?? {}).sort()).toEqual([...GALLERY_IDS].sort());
  });

  it.each(GALLERY_IDS)('%s runs to the trace recorded for this version (else raise MODEL_VERSION)', (id) => {
    const s = galleryScenario(id);
    const e = createEngine(s);
    e.runUntil(defaultHorizon(s));
    expect(buildReport(e).traceHash).toBe(TRACES[MODEL_VERSION][id]);
  });
});
