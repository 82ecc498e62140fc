// What the address bar shows: the link while unedited, nothing once edited, and a broken link left
// as it is when nothing opened.

import { describe, expect, it } from 'vitest';
import { addressFragment } from './addressBar';
import { galleryEntry } from '../scenario/gallery';
import { readDocument } from '../scenario/read';

const r = readDocument(galleryEntry('seed-attack')!.doc);
const scenario = r.ok ? r.scenario : null;

describe('the address bar', () => {
  it('keeps the link a scenario was opened from while it is unedited', () => {
    expect(addressFragment({ scenario, edited: false, link: 'g=seed-attack&t=60&sel=v0', galleryId: 'seed-attack' })).toBe(
      'g=seed-attack&t=60&sel=v0',
    );
    expect(addressFragment({ scenario, edited: false, link: null, galleryId: 'seed-attack' })).toBe('g=seed-attack@1');
  });

  it('no longer claims to be the link once the scenario is edited', () => {
    expect(addressFragment({ scenario, edited: true, link: 'g=seed-attack', galleryId: 'seed-attack' })).toBe('');
    expect(addressFragment({ scenario, edited: false, link: null, galleryId: null })).toBe('');
  });

  it('leaves a link that opened nothing as it is', () => {
    expect(addressFragment({ scenario: null, edited: false, link: null, galleryId: null })).toBeNull();
  });
});
