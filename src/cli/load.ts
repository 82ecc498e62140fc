// A scenario from a file or the gallery, validated like any other document.

import type { Scenario } from '../sim';
import { GALLERY, galleryEntry } from '../scenario/gallery';
import { parseScenario } from '../scenario/parse';
import { migrate } from '../scenario/migrations';

export function loadScenario(source: string, readFile: (path: string) => string): Scenario | string {
  let doc: unknown;
  if (source.startsWith('gallery:')) {
    const id = source.slice('gallery:'.length);
    const g = galleryEntry(id);
    if (g === undefined) return `unknown gallery id "${id}" (expected one of ${GALLERY.map((x) => x.id).join(', ')})`;
    doc = g.doc;
  } else {
    let text: string;
    try {
      text = readFile(source);
    } catch (e) {
      return `cannot read ${source}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
    }
    try {
      doc = JSON.parse(text);
    } catch (e) {
      return `${source}: not JSON (${(e as Error).message})`;
    }
  }
  const m = migrate(doc);
  if (!m.ok) return `${source}: ${m.error}`;
  const r = parseScenario(m.doc);
  if (!r.ok) return `${source}: ${r.errors[0]}${r.errors.length > 1 ? ` (and ${r.errors.length - 1} more problems)` : ''}`;
  return r.scenario;
}
