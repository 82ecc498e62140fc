// The live region's words: names instead of ids, only what the playhead passed, a few at a time.

import { describe, expect, it } from 'vitest';
import { announcement, passed, withNames } from './announce';
import { galleryEntry } from '../../scenario/gallery';
import { readDocument } from '../../scenario/read';
import { createEngine } from '../../sim';

const r = readDocument(galleryEntry('seed-attack')!.doc);
if (!r.ok) throw new Error('seed-attack does not read');
const scenario = r.scenario;
const engine = createEngine(scenario);
engine.runUntil(200);

describe('announcing the run', () => {
  it('says names, not ids', () => {
    expect(withNames('transfer X → P', scenario)).toBe('transfer NIC → VM P');
    // Only whole ids: an id inside another word stays.
    expect(withNames('XP and P.x', scenario)).toBe('XP and P.x');
  });

  it('says the operations and violations the playhead passed, in order', () => {
    const items = passed(39, 60, engine.ops, engine.violations, scenario);
    expect(items[0]).toBe('t=40: transfer NIC → VM P');
    expect(items).toContain(
      "t=49: I7 violated: VM P's table became usable for NIC, which still holds DMA descriptors programmed by VM A: it may still act for another endpoint",
    );
    expect(passed(60, 60, engine.ops, engine.violations, scenario)).toEqual([]);
    expect(passed(0, 39, engine.ops, engine.violations, scenario).every((i) => !i.includes('transfer'))).toBe(true);
  });

  it('reads a few at a time and counts the rest', () => {
    expect(announcement(['a', 'b'])).toBe('a. b');
    expect(announcement(['a', 'b', 'c', 'd', 'e'])).toBe('a. b. c. And 2 more.');
  });
});
