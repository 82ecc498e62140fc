// A format version 2 that does not exist: version 1's shape, reached by a migration that marks the
// title of what it migrated. Tests read version-1 documents through it to show that every way into
// a scenario migrates — the autosave and My scenarios as much as links and files — without
// touching the real format.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReadOptions } from '../scenario/read';

export const FORMAT_V2: ReadOptions = {
  version: 2,
  migrations: [
    { from: 1, to: 2, migrate: (d) => ({ ...d, title: `${typeof d.title === 'string' ? d.title : 'Untitled scenario'} (v2)` }) },
  ],
};

/** A frozen document of a released version, as text (src/scenario/fixtures). */
export const fixtureText = (version: number, file: string): string =>
  readFileSync(join(import.meta.dirname, '../scenario/fixtures', `v${version}`, file), 'utf8');
