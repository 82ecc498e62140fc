// Links: round trips for every gallery scenario, the length budget, each kind of damage with its
// own message, the checksum (damage is refused, never opened as another scenario), links of format
// 1, finding a link in pasted text, and fuzzing — random text, random bytes, truncated and
// bit-flipped links always give a result, never an exception.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { decodeFragment, decodeJson, decodeScenario, encodeScenario, findLink, fromBase64Url, LINK_WARN_CHARS, toBase64Url } from './codec';
import { crc32 } from './crc32';
import { GALLERY } from './gallery';
import { minimalDocument } from './minimal';
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

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DAMAGED = /^This link is damaged \(its checksum does not match\): /;
/** A payload of format 2 around `data`: the data and its CRC-32, big-endian. */
const withChecksum = (data: Uint8Array) => {
  const out = new Uint8Array(data.length + 4);
  out.set(data);
  new DataView(out.buffer).setUint32(data.length, crc32(data));
  return `2.${toBase64Url(out)}`;
};
/** A link as format 1 wrote it: the deflated document, no checksum. */
const formatOne = (s: Scenario) => `1.${toBase64Url(deflateSync(strToU8(JSON.stringify(minimalDocument(s))), { level: 9 }))}`;

describe('links carry a checksum', () => {
  const staleAtc = scenarios.find(([id]) => id === 'stale-atc')![1];

  it('links are of format 2', () => {
    expect(link(staleAtc)).toMatch(/^2\.[A-Za-z0-9_-]+$/);
  });

  /** Decodes `v` with character `i` replaced by `c`: refused as damaged, or the very scenario. */
  const changed = (v: string, i: number, c: string, s: Scenario) => {
    const d = decodeScenario(v.slice(0, i) + c + v.slice(i + 1));
    // The last character may carry bits no byte uses: a change there alone decodes the same bytes.
    if (d.ok) expect([i, d.scenario]).toEqual([v.length - 1, s]);
    else expect(d.error).toMatch(DAMAGED);
    return !d.ok;
  };

  it('a link with one character changed is refused as damaged', () => {
    const v = link(staleAtc);
    let refused = 0;
    for (let i = 2; i < v.length; i++) if (changed(v, i, ALPHABET[(ALPHABET.indexOf(v[i]) + 1 + (i % 63)) % 64], staleAtc)) refused++;
    expect(refused).toBeGreaterThanOrEqual(v.length - 3);
    // Where the data meets the checksum, every character, every replacement, every alignment.
    for (const [, s] of scenarios) {
      const w = link(s);
      for (let i = w.length - 12; i < w.length; i++) for (const c of ALPHABET) if (c !== w[i]) changed(w, i, c, s);
    }
  });

  it('a link with random damage is refused, or opens exactly the scenario it was made from', () => {
    const at = fc.nat();
    const change = fc.oneof(
      fc.record({ kind: fc.constant('flip' as const), at, bit: fc.integer({ min: 0, max: 5 }) }),
      fc.record({ kind: fc.constant('replace' as const), at, c: fc.constantFrom(...ALPHABET) }),
      fc.record({ kind: fc.constant('delete' as const), at }),
      fc.record({ kind: fc.constant('insert' as const), at, c: fc.constantFrom(...ALPHABET) }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...scenarios), fc.array(change, { minLength: 1, maxLength: 4 }), ([, s], changes) => {
        let v = link(s);
        for (const ch of changes) {
          const i = ch.at % v.length;
          if (ch.kind === 'flip') {
            // A bit of the encoded bytes: one of the six a base64url character carries.
            const k = ALPHABET.indexOf(v[i]);
            if (k >= 0) v = v.slice(0, i) + ALPHABET[k ^ (1 << ch.bit)] + v.slice(i + 1);
          } else if (ch.kind === 'replace') v = v.slice(0, i) + ch.c + v.slice(i + 1);
          else if (ch.kind === 'delete') v = v.slice(0, i) + v.slice(i + 1);
          else v = v.slice(0, i) + ch.c + v.slice(i);
        }
        const d = decodeScenario(v);
        if (d.ok) expect(d.scenario).toEqual(s);
      }),
      { seed: 20_260_415, numRuns: 3000 },
    );
  });

  it('names a checksum that does not match, and data under a good checksum that is not deflate', () => {
    const v = link(staleAtc);
    const bytes = fromBase64Url(v.slice(2))!;
    bytes[bytes.length - 1] ^= 0x80;
    expect(decodeScenario(`2.${toBase64Url(bytes)}`)).toEqual({
      ok: false,
      error: 'This link is damaged (its checksum does not match): part of it was changed or lost on the way. Copy the link again.',
    });
    expect(decodeScenario('2.AAA')).toEqual({ ok: false, error: expect.stringMatching(DAMAGED) });
    expect(decodeScenario(withChecksum(strToU8('plain text, not deflate')))).toEqual({
      ok: false,
      error: expect.stringContaining('does not decompress'),
    });
    expect(decodeScenario(withChecksum(deflateSync(strToU8('{not json'))))).toEqual({
      ok: false,
      error: expect.stringContaining('not JSON'),
    });
  });

  it('opens links of format 1, which carry no checksum', () => {
    for (const [, s] of scenarios) {
      const d = decodeScenario(formatOne(s));
      expect(d.ok && d.scenario).toEqual(s);
    }
    // A link the format-1 encoder wrote.
    const d = decodeFragment(
      '#s=1.TU67CsIwFP0VuXNE1EHoVpy6qKibdLg0NzSQR0lu61Dy7ya1iNvhvGdQPlhkqEBa3PbopFdqFztyGLQHAROFqL2Dai-ANRvK1gejoU39PGc9EkmoTgLIycFrxxGq1ww6k1CXvC1wn8TK3X7cIbUCJE26o7_MpVlaORDaQh-zyb8dhbUPywCHkQrsru5Okcp9ZcbYf_XGTWi0RF5-Q-ftYIjzSGrTBw',
    );
    expect(d?.ok && [d.scenario.title, d.scenario.seed, d.scenario.devices[0].ats]).toEqual(['Stale ATC', 7, true]);
  });

  it('computes CRC-32 (IEEE 802.3) as zlib and gzip do', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});

describe('finding a link in pasted text', () => {
  it.each([
    ['https://example.org/dma/#s=2.abc', '#s=2.abc'],
    ['#g=seed-attack&present', '#g=seed-attack&present'],
    ['https://example.org/#present&s=2.abc', '#present&s=2.abc'],
    ['see https://example.org/#s=2.abc for the run', '#s=2.abc'],
    ['first line\nhttps://example.org/#g=stale-atc\n', '#g=stale-atc'],
    ['a#b#g=quarantine', '#g=quarantine'],
    ['pinned: https://example.org/#g=stale-atc@1&t=60 and more', '#g=stale-atc@1&t=60'],
    ['#x&g=one #s=2.two', '#x&g=one'],
  ])('%j → %j', (text, hash) => {
    expect(findLink(text)).toBe(hash);
  });

  it.each([['plain text'], ['# s=1'], ['s=2.abc without a hash'], ['#&#&'], ['#sg=#gs=&s'], ['x& s=1 #']])('%j holds no link', (text) => {
    expect(findLink(text)).toBeNull();
  });

  // A backtracking pattern takes time quadratic in runs of "#" and "&": minutes for these.
  it('reads 1 MB of "#" and "&" in one pass', () => {
    const n = 1_000_000;
    for (const text of [
      '#'.repeat(n),
      '#&'.repeat(n / 2),
      '#' + '&'.repeat(n),
      '#s&g'.repeat(n / 4),
      '#a&'.repeat(n / 3),
      '&#'.repeat(n / 2) + ' s=',
    ]) {
      expect(findLink(text)).toBeNull();
    }
    expect(findLink('#&'.repeat(n / 2) + 's=2.x')).toBe('#&s=2.x');
    expect(findLink('#'.repeat(n) + 'g=x')).toBe('#g=x');
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
      fc.property(fc.constantFrom('1.', '2.'), fc.uint8Array({ maxLength: 600 }), (v, b) =>
        total(() => decodeScenario(v + toBase64Url(b))),
      ),
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
        total(() => decodeScenario(v.slice(0, 2) + toBase64Url(bytes)));
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
