// Gallery links are pinned: `#g=<id>@<revision>` opens the revision it was made from. Each gallery
// scenario has a current revision and the CRC-32 of its document at that revision (revisions.test.ts
// checks it, so a document cannot change without a new revision). Before a document changes, its
// current text is archived here under `<id>@<revision>` and the revision is raised; a link to an
// archived revision opens that document, saying so. A bare `#g=<id>`, from before links were
// pinned, opens the current revision.

import type { GalleryDoc } from './types';

export const PINS: Record<string, { revision: number; crc: string }> = {
  'seed-attack': { revision: 1, crc: '975e0027' },
  'reset-on-transfer': { revision: 1, crc: 'a1414aa2' },
  'acceptance-stage': { revision: 1, crc: 'c99457f2' },
  'per-vm-table': { revision: 1, crc: 'b782f4c5' },
  'loan-vs-shared': { revision: 1, crc: '57dcf62d' },
  quarantine: { revision: 1, crc: '205775ec' },
  'forgot-sync': { revision: 1, crc: 'fc535bd1' },
  'vmid-reuse': { revision: 1, crc: 'ce1ac101' },
  'stale-atc': { revision: 1, crc: '5f12cea4' },
  'lend-dma-visible': { revision: 1, crc: '3d93165f' },
  'abort-frees-tables': { revision: 1, crc: 'efed9ecf' },
  'ignores-reset': { revision: 1, crc: '1f01a72d' },
  'eventq-overflow': { revision: 1, crc: '445e73b9' },
  'attested-enable': { revision: 1, crc: 'a4fabfa5' },
  'late-atc-ack': { revision: 1, crc: '107c1681' },
  'handover-window': { revision: 1, crc: '855a4ca2' },
};

/** Earlier revisions of gallery documents, by `<id>@<revision>`. */
export const ARCHIVE: Record<string, GalleryDoc> = {};

/** A gallery reference as a link writes it: `seed-attack@1`. */
export function galleryRef(id: string): string {
  const pin = PINS[id];
  return pin === undefined ? id : `${id}@${pin.revision}`;
}

/** A link's `g=` value read: the id and the revision it names (null: a bare id). */
export function readGalleryRef(g: string): { id: string; revision: number | null } {
  const m = /^(.*)@(\d{1,6})$/.exec(g);
  return m === null ? { id: g, revision: null } : { id: m[1], revision: Number(m[2]) };
}
