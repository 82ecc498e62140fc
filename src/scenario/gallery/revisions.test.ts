// Pinned gallery links: each document matches the CRC-32 pinned for its current revision (so it
// cannot change without a new revision), a link names its revision, and an archived revision's
// link opens that document while a revision the app does not have opens the current one — each
// saying so.

import { afterEach, describe, expect, it } from 'vitest';
import { GALLERY } from './index';
import { ARCHIVE, PINS, galleryRef, readGalleryRef } from './revisions';
import { crc32 } from '../crc32';
import { decodeFragment } from '../codec';

const crc = (doc: unknown) =>
  crc32(new TextEncoder().encode(JSON.stringify(doc)))
    .toString(16)
    .padStart(8, '0');

describe('gallery revisions', () => {
  afterEach(() => {
    for (const k of Object.keys(ARCHIVE)) if (k.endsWith('@0')) delete ARCHIVE[k];
  });

  it.each(GALLERY.map((g) => [g.id, g] as const))(
    '%s is the document pinned for its revision (a change needs a new revision and the old one archived)',
    (id, g) => {
      expect(PINS[id], `no pin for ${id}`).toBeDefined();
      expect(crc(g.doc)).toBe(PINS[id].crc);
    },
  );

  it('every archived revision is older than its scenario’s current one', () => {
    for (const key of Object.keys(ARCHIVE)) {
      const { id, revision } = readGalleryRef(key);
      expect(revision).not.toBeNull();
      expect(revision!).toBeLessThan(PINS[id].revision);
    }
  });

  it('writes and reads references', () => {
    expect(galleryRef('seed-attack')).toBe('seed-attack@1');
    expect(readGalleryRef('seed-attack@1')).toEqual({ id: 'seed-attack', revision: 1 });
    expect(readGalleryRef('seed-attack')).toEqual({ id: 'seed-attack', revision: null });
  });

  it('opens the current revision for a bare id and for its own revision, with nothing to say', () => {
    for (const hash of ['#g=seed-attack', '#g=seed-attack@1']) {
      const d = decodeFragment(hash);
      expect(d?.ok && d.galleryId).toBe('seed-attack');
      expect(d?.ok && d.warnings).toEqual([]);
    }
  });

  it('opens an archived revision as it was, no longer as the gallery’s, and says so', () => {
    const seed = GALLERY[0].doc;
    ARCHIVE['seed-attack@0'] = { ...seed, title: 'The seed’s attack, as it was' };
    const d = decodeFragment('#g=seed-attack@0');
    expect(d?.ok).toBe(true);
    if (!d?.ok) return;
    expect(d.galleryId).toBeNull();
    expect(d.scenario.title).toBe('The seed’s attack, as it was');
    expect(d.warnings[0]).toMatch(
      /opens revision 0 of the gallery's “The seed's attack”, as it was when the link was made; the gallery now has revision 1/,
    );
  });

  it('opens the current revision for one the app does not have, and says so', () => {
    const d = decodeFragment('#g=seed-attack@7');
    expect(d?.ok && d.galleryId).toBe('seed-attack');
    expect(d?.ok && d.warnings[0]).toMatch(
      /names revision 7 of the gallery's “The seed's attack”, which this app does not have; it opens revision 1/,
    );
  });
});
