// A scenario from a file or the gallery, read by readDocument like every other way in.

import type { Scenario } from '../sim';
import { GALLERY, galleryEntry } from '../scenario/gallery';
import { errorText, readDocument, readDocumentText, type ReadResult } from '../scenario/read';

export function loadScenario(source: string, readFile: (path: string) => string): Scenario | string {
  let r: ReadResult;
  if (source.startsWith('gallery:')) {
    const id = source.slice('gallery:'.length);
    const g = galleryEntry(id);
    if (g === undefined) return `unknown gallery id "${id}" (expected one of ${GALLERY.map((x) => x.id).join(', ')})`;
    r = readDocument(g.doc);
  } else {
    let text: string;
    try {
      text = readFile(source);
    } catch (e) {
      return `cannot read ${source}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
    }
    r = readDocumentText(text);
  }
  if (!r.ok) return `${source}: ${errorText(r.errors[0])}${r.errors.length > 1 ? ` (and ${r.errors.length - 1} more problems)` : ''}`;
  return r.scenario;
}
