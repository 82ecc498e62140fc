// The starter scenario opens like any document: it is valid, and its run is A's writes landing.

import { describe, expect, it } from 'vitest';
import { readDocument } from './read';
import { STARTER } from './starter';
import { buildReport, createEngine } from '../sim';

describe('the starter scenario', () => {
  it('is a valid document whose run lands A’s writes and breaks no rule', () => {
    const r = readDocument(STARTER);
    expect(r.ok ? [] : r.errors).toEqual([]);
    if (!r.ok) return;
    const engine = createEngine(r.scenario);
    engine.runUntil(200);
    const report = buildReport(engine);
    expect(report.dma.committed).toBeGreaterThan(0);
    expect(report.violations).toEqual([]);
  });
});
