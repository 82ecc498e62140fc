// A counterexample's run in the engine host: scout and player take its deviations (the same trace
// as the CLI's `sim run --choices`), and each deviation is described by what it decides.

import { describe, expect, it } from 'vitest';
import { createEngine, decodeChoices, type Scenario } from '../sim';
import { galleryEntry } from '../scenario/gallery';
import { readDocument } from '../scenario/read';
import { defaultHorizon } from '../scenario/horizon';
import { SimHost } from './host';
import { takenChoices } from './takenChoices';

function gallery(id: string): Scenario {
  const r = readDocument(galleryEntry(id)!.doc);
  if (!r.ok) throw new Error(`gallery ${id} does not read`);
  return r.scenario;
}

const choices = (text: string) => {
  const d = decodeChoices(text);
  if (!d.ok) throw new Error(d.message);
  return d.deviations;
};

describe('a counterexample’s run in the host', () => {
  const sc = gallery('seed-attack');

  it('is the run the CLI replays for the same list', () => {
    const host = new SimHost(sc, undefined, undefined, choices('2-8'));
    host.scoutAll();
    // `npm run -s sim -- run gallery:seed-attack --choices 2-8` prints this trace hash.
    expect(host.summary().traceHash).toBe('39f51abee7df2eb9');
    const cli = createEngine(sc, { deviations: choices('2-8') });
    cli.runUntil(defaultHorizon(sc));
    expect(host.summary().traceHash).toBe(cli.traceHash());
    // The default run differs: the deviation is what breaks I1 at t=47.
    const plain = new SimHost(sc);
    plain.scoutAll();
    expect(plain.summary().traceHash).not.toBe('39f51abee7df2eb9');
    expect(host.summary().violations[0]).toMatchObject({ number: 'I1', t: 47 });
  });

  it('replays the same run at the playhead after a seek back from a checkpoint', () => {
    const inflight = (h: SimHost, t: number) => {
      h.scoutAll();
      h.seek(t);
      return [...h.frame(t).inflight];
    };
    const plain = new SimHost(sc);
    const fresh = new SimHost(sc, undefined, undefined, choices('2-8'));
    // The first tick at which the transactions in flight show the deviation.
    let t = 1;
    while (t < 47 && JSON.stringify(inflight(plain, t)) === JSON.stringify(inflight(fresh, t))) t++;
    expect(t).toBeLessThan(47);
    const host = new SimHost(sc, undefined, undefined, choices('2-8'));
    host.scoutAll();
    host.seek(500);
    expect(inflight(host, t)).toEqual(inflight(new SimHost(sc, undefined, undefined, choices('2-8')), t));
    expect(inflight(host, t)).not.toEqual(inflight(plain, t));
  });

  it('describes each deviation: what it decides, default and taken, and when', () => {
    // Transaction 3 of X: run to t=12, its commit is at 18 in the default run and at 23 with `2-8`
    // (the later transactions shift, and the violation is transaction 9's at t=47).
    expect(takenChoices(sc, choices('2-8'), defaultHorizon(sc))).toEqual([
      { index: 2, kind: 'downstream', default: 3, taken: 8, asked: 8, t: expect.any(Number), txn: { id: 3, device: 'X' } },
    ]);
    const [c] = takenChoices(sc, choices('2-8'), defaultHorizon(sc));
    expect(c.t).toBeGreaterThan(0);
    expect(c.t).toBeLessThan(47);
  });

  it('says a choice the run never makes is not made, and shows a value out of range clamped', () => {
    const [far] = takenChoices(sc, choices('zzzz-1'), defaultHorizon(sc));
    expect(far).toEqual({ index: parseInt('zzzz', 36), kind: null, default: null, taken: null, asked: 1, t: null, txn: null });
    const [big] = takenChoices(sc, choices('2-zz'), defaultHorizon(sc));
    expect(big.asked).toBe(parseInt('zz', 36));
    expect(big.taken).toBeLessThan(big.asked);
  });

  it('describes nothing for the default run', () => {
    expect(new SimHost(sc).summary().deviations).toEqual([]);
  });
});
