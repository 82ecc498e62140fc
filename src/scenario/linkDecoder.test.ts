// Links as the app decodes them: at once when they expand to a typical scenario, later (in a
// worker in the browser) when they expand further, and never a stale answer over a newer link.

import { describe, expect, it } from 'vitest';
import { decodeLink, QUICK_JSON_BYTES, QUICK_LINK_CHARS } from './linkDecoder';
import { encodeScenario } from './codec';
import { galleryEntry } from './gallery';
import { readDocument } from './read';

const scenario = (doc: unknown) => {
  const r = readDocument(doc);
  if (!r.ok) throw new Error(r.errors[0].message);
  return r.scenario;
};
const seed = galleryEntry('seed-attack')!.doc;
const small = `#s=${encodeScenario(scenario(seed))}`;
/** Captions enough to expand past QUICK_JSON_BYTES. */
const big = `#s=${encodeScenario(
  scenario({ ...seed, title: 'Big', captions: Array.from({ length: 256 }, (_, i) => ({ at: i, text: 'x'.repeat(400) })) }),
)}`;

describe('decoding links for the app', () => {
  it('decodes a typical link at once', () => {
    const d = decodeLink(small);
    expect(d).not.toBeInstanceOf(Promise);
    expect(d !== null && !(d instanceof Promise) && d.ok && d.scenario.title).toBe("The seed's attack");
    expect(decodeLink('#present')).toBeNull();
    expect(decodeLink('#g=nope')).toEqual({ ok: false, error: expect.stringContaining('does not exist') });
  });

  it('decodes a link that expands past the budget later', async () => {
    expect(JSON.stringify(scenario({ ...seed, captions: [] })).length).toBeLessThan(QUICK_JSON_BYTES);
    const d = decodeLink(big);
    expect(d).toBeInstanceOf(Promise);
    const r = await d;
    expect(r?.ok && r.scenario.title).toBe('Big');
  });

  it('decodes a link longer than the page decodes at once later', async () => {
    const d = decodeLink(`${small}&note=${'n'.repeat(QUICK_LINK_CHARS)}`);
    expect(d).toBeInstanceOf(Promise);
    expect((await d)?.ok).toBe(true);
  });

  it('drops the answer for a link when another was decoded meanwhile', async () => {
    const first = decodeLink(big);
    const second = decodeLink(small);
    expect(await first).toBeNull();
    expect(second !== null && !(second instanceof Promise) && second.ok).toBe(true);
  });
});
