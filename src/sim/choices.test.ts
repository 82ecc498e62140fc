// Choice points: the default chooser is the seeded generator (a recording run keeps the trace), a
// recorded run replays from its deviation list, and a deviation changes the run reproducibly.

import { describe, expect, it } from 'vitest';
import { createEngine } from './engine';
import { CH_DOWNSTREAM, CHOICE_KINDS } from './core/choice';
import { decodeChoices, encodeChoices } from './core/choiceList';
import { galleryScenario } from '../testing/scenarios';

const HORIZON = 600;

function hashOf(id: string, deviations?: Map<number, number>, record = false) {
  const e = createEngine(galleryScenario(id), { deviations, record });
  e.runUntil(HORIZON);
  return { hash: e.traceHash(), log: e.choiceLog(), violations: e.violations.length };
}

describe('choice points', () => {
  it('recording the choices leaves the seeded run exactly as it was', () => {
    const plain = hashOf('seed-attack');
    const rec = hashOf('seed-attack', undefined, true);
    expect(rec.hash).toBe(plain.hash);
    expect(rec.log.length).toBeGreaterThan(50);
    expect(rec.log.length % 5).toBe(0);
    // Every recorded choice took its default and stayed within its range.
    for (let i = 0; i < rec.log.length; i += 5) {
      const [kind, lo, hi, def, taken] = rec.log.slice(i, i + 5);
      expect(CHOICE_KINDS[kind]).toBeDefined();
      expect(taken).toBe(def);
      expect(lo <= taken && taken <= hi).toBe(true);
    }
  });

  it('replays a run from its deviation list, and a deviation changes it reproducibly', () => {
    const base = hashOf('seed-attack', undefined, true);
    // The first downstream delay with room to move, set to the other end of its range.
    let at = -1;
    for (let i = 0; i < base.log.length; i += 5) {
      if (base.log[i] === CH_DOWNSTREAM && base.log[i + 2] > base.log[i + 1]) {
        at = i / 5;
        break;
      }
    }
    expect(at).toBeGreaterThanOrEqual(0);
    const [, lo, hi, def] = base.log.slice(at * 5, at * 5 + 4);
    const other = def === hi ? lo : hi;
    const text = encodeChoices(new Map([[at, other]]));
    const decoded = decodeChoices(text);
    if (!decoded.ok) throw new Error(decoded.message);
    const a = hashOf('seed-attack', decoded.deviations, true);
    const b = hashOf('seed-attack', decoded.deviations);
    expect(a.hash).not.toBe(base.hash);
    expect(b.hash).toBe(a.hash);
    expect(a.log[at * 5 + 4]).toBe(other);
    // The deviation taken as the default is no deviation at all.
    expect(hashOf('seed-attack', new Map([[at, def]])).hash).toBe(base.hash);
  });

  it('encodes only deviations, compactly, and names what is wrong in a bad list', () => {
    expect(
      encodeChoices(
        new Map([
          [360, 38],
          [128, 5],
        ]),
      ),
    ).toBe('3k-5.a0-12');
    const d = decodeChoices('3k-5.a0-12');
    expect(d.ok && [...d.deviations]).toEqual([
      [128, 5],
      [360, 38],
    ]);
    expect(decodeChoices('')).toEqual({ ok: true, deviations: new Map() });
    expect(decodeChoices('3k-5.zz')).toEqual({ ok: false, message: expect.stringContaining('"zz"') });
    expect(decodeChoices('3k-5.3k-6')).toEqual({ ok: false, message: expect.stringContaining('twice') });
  });
});

describe('operation windows', () => {
  it('runs a windowed operation at its tick by default and at a chosen tick within the window', () => {
    const sc = galleryScenario('seed-attack');
    const k = sc.script.findIndex((o) => o.op === 'transfer');
    expect(k).toBeGreaterThanOrEqual(0);
    const at = sc.script[k].at;
    const windowed = { ...sc, script: sc.script.map((o, i) => (i === k ? { ...o, window: [at - 10, at + 10] as [number, number] } : o)) };
    const plain = createEngine(sc);
    plain.runUntil(HORIZON);
    const def = createEngine(windowed, { record: true });
    def.runUntil(HORIZON);
    expect(def.traceHash()).toBe(plain.traceHash());
    // The window is the run's first choice (made at boot), its default the operation's tick.
    expect(def.choiceLog().slice(0, 5)).toEqual([4, at - 10, at + 10, at, at]);
    const late = createEngine(windowed, { deviations: new Map([[0, at + 10]]) });
    late.runUntil(HORIZON);
    expect(late.traceHash()).not.toBe(plain.traceHash());
    expect(late.ops.find((o) => o.op.op === 'transfer')?.t).toBe(at + 10);
  });
});

describe('same-tick order in a run', () => {
  it('records order choices only where sources meet, and an order deviation changes the run reproducibly', () => {
    const base = hashOf('seed-attack', undefined, true);
    let at = -1;
    for (let i = 0; i < base.log.length; i += 5) {
      if (base.log[i] === CHOICE_KINDS.indexOf('order') && base.log[i + 2] > 0) {
        at = i / 5;
        break;
      }
    }
    expect(at).toBeGreaterThanOrEqual(0);
    const hi = base.log[at * 5 + 2];
    const a = hashOf('seed-attack', new Map([[at, hi]]));
    expect(a.hash).not.toBe(base.hash);
    expect(hashOf('seed-attack', new Map([[at, hi]])).hash).toBe(a.hash);
  });
});
