// Links: round trips for every gallery scenario, the length budget, each kind of damage with its
// own message, and fuzzing — random text, random bytes, truncated and bit-flipped links always
// give a result, never an exception.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { decodeFragment, decodeJson, decodeScenario, encodeScenario, fromBase64Url, LINK_WARN_CHARS, toBase64Url } from './codec';
import { GALLERY } from './gallery';
import { parseScenario } from './parse';
import { createEngine, type Scenario } from '../sim';

const scenarios: [string, Scenario][] = GALLERY.map((g) => {
  const r = parseScenario(g.doc);
  if (!r.ok) throw new Error(r.errors[0]);
  return [g.id, r.scenario];
});
const link = (s: Scenario) => encodeScenario(s);
const hash = (s: Scenario) => {
  const e = createEngine(s);
  e.runUntil(300);
  return e.traceHash();
};

describe('scenario links', () => {
  it.each(scenarios)('%s round-trips to the same scenario and the same trace', (_, s) => {
    const d = decodeScenario(link(s));
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.scenario).toEqual(s);
    expect(hash(d.scenario)).toBe(hash(s));
  });

  it.each(scenarios)('%s fits in a link of at most 2,000 characters', (_, s) => {
    expect(`#s=${link(s)}`.length).toBeLessThanOrEqual(LINK_WARN_CHARS);
  });

  it('opens gallery links and names an unknown id', () => {
    const g = decodeFragment('#g=seed-attack&present');
    expect(g?.ok && g.galleryId).toBe('seed-attack');
    expect(decodeFragment('#g=nope')).toEqual({ ok: false, error: 'This link names gallery scenario "nope", which does not exist.' });
    expect(decodeFragment('#present')).toBeNull();
  });

  it('names each way a link can be wrong', () => {
    const s = scenarios[0][1];
    expect(decodeScenario('abc')).toEqual({ ok: false, error: expect.stringContaining('no codec version') });
    expect(decodeScenario('9.abc')).toEqual({ ok: false, error: expect.stringContaining('newer than this app') });
    expect(decodeScenario('1.ab$c')).toEqual({ ok: false, error: expect.stringContaining('not valid base64url') });
    expect(decodeScenario('1.' + toBase64Url(strToU8('plain text, not deflate')))).toEqual({
      ok: false,
      error: expect.stringContaining('does not decompress'),
    });
    expect(decodeScenario('1.' + toBase64Url(deflateSync(strToU8('{not json'))))).toEqual({
      ok: false,
      error: expect.stringContaining('not JSON'),
    });
    expect(decodeScenario('1.' + toBase64Url(deflateSync(strToU8('{"format":"something-else","version":1}'))))).toEqual({
      ok: false,
      error: expect.stringContaining('format'),
    });
    const bad = {
      ...JSON.parse(
        JSON.stringify({
          format: 'dma-handoff/scenario',
          version: 1,
          endpoints: [{ id: 'A', vmid: 1 }],
          devices: [{ id: 'X', streams: [1], owner: 'Q' }],
        }),
      ),
    };
    expect(decodeScenario('1.' + toBase64Url(deflateSync(strToU8(JSON.stringify(bad)))))).toEqual({
      ok: false,
      error: expect.stringContaining('devices[0].owner: no endpoint "Q"'),
    });
    expect(
      decodeScenario('1.' + toBase64Url(deflateSync(strToU8(JSON.stringify({ format: 'dma-handoff/scenario', version: 7 }))))),
    ).toEqual({ ok: false, error: expect.stringContaining('version 7, newer') });
    expect(decodeScenario(link(s)).ok).toBe(true);
  });

  it('refuses a decompression bomb without inflating it all', () => {
    const bomb = toBase64Url(deflateSync(new Uint8Array(8_000_000).fill(32)));
    expect(bomb.length).toBeLessThan(20_000);
    expect(decodeScenario('1.' + bomb)).toEqual({ ok: false, error: expect.stringContaining('too large') });
  });

  it('decodes pasted JSON with the same rules', () => {
    expect(decodeJson('[]')).toEqual({ ok: false, error: expect.stringContaining('a scenario is a JSON object') });
    expect(decodeJson(JSON.stringify(GALLERY[1].doc)).ok).toBe(true);
  });
});

describe('fuzzing the decoder: always a result, never an exception', () => {
  const valid = scenarios.map(([, s]) => link(s));
  const total = (f: () => unknown) => {
    const r = f() as { ok: boolean } | null;
    expect(r === null || typeof r.ok === 'boolean').toBe(true);
  };

  it('random strings as payload and as fragment', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        total(() => decodeScenario(s));
        total(() => decodeFragment('#s=' + s));
      }),
      { numRuns: 2000 },
    );
  });

  it('random bytes behind a valid version prefix', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (b) => total(() => decodeScenario('1.' + toBase64Url(b)))),
      { numRuns: 2000 },
    );
  });

  it('truncated valid links', () => {
    fc.assert(
      fc.property(fc.constantFrom(...valid), fc.nat(), (v, cut) => total(() => decodeScenario(v.slice(0, cut % v.length)))),
      { numRuns: 1000 },
    );
  });

  it('bit-flipped valid links (compressed data damaged)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...valid), fc.nat(), fc.integer({ min: 0, max: 7 }), (v, at, bit) => {
        const bytes = fromBase64Url(v.slice(2))!;
        bytes[at % bytes.length] ^= 1 << bit;
        total(() => decodeScenario('1.' + toBase64Url(bytes)));
      }),
      { numRuns: 2000 },
    );
  });

  it('random JSON values and mutated documents', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (j) => total(() => decodeJson(JSON.stringify(j)))),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.constantFrom(...GALLERY.map((g) => g.doc)), fc.string(), fc.jsonValue(), (doc, key, value) =>
        total(() => decodeJson(JSON.stringify({ ...doc, [key]: value }))),
      ),
      { numRuns: 1000 },
    );
  });
});
