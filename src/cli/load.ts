// A scenario from a file or the gallery, read by readDocument like every other way in. A file is
// checked before it is read: a regular file, no larger than a scenario document may be, UTF-8
// text, and not nested so deeply that reading it would exhaust the stack.

import type { Scenario } from '../sim';
import { MAX_JSON_BYTES } from '../scenario/codec';
import { GALLERY, galleryEntry } from '../scenario/gallery';
import { errorText, readDocument, readDocumentText, type ReadResult } from '../scenario/read';
import { MAX_NESTING, decodeText, nestedDeeperThan, type ReadFile } from './input';

export function loadScenario(source: string, readFile: ReadFile): Scenario | string {
  let r: ReadResult;
  if (source.startsWith('gallery:')) {
    const id = source.slice('gallery:'.length);
    const g = galleryEntry(id);
    if (g === undefined) return `unknown gallery id "${id}" (expected one of ${GALLERY.map((x) => x.id).join(', ')})`;
    r = readDocument(g.doc);
  } else {
    const file = readFile(source, MAX_JSON_BYTES);
    if (file.kind === 'error') return `cannot read ${source}: ${file.code}`;
    if (file.kind === 'not-regular') return `${source}: not a regular file (${file.what})`;
    if (file.bytes.length > MAX_JSON_BYTES)
      return `${source}: larger than ${thousands(MAX_JSON_BYTES)} bytes, the limit for a scenario document`;
    const decoded = decodeText(file.bytes);
    if ('invalidAt' in decoded) return `${source}: not UTF-8 text (invalid byte at offset ${decoded.invalidAt})`;
    if (nestedDeeperThan(decoded.text, MAX_NESTING))
      return `${source}: nested too deeply to read (more than ${thousands(MAX_NESTING)} levels of arrays and objects)`;
    r = readDocumentText(decoded.text);
  }
  if (!r.ok) return `${source}: ${errorText(r.errors[0])}${r.errors.length > 1 ? ` (and ${r.errors.length - 1} more problems)` : ''}`;
  return r.scenario;
}

/** 2000000 → "2,000,000", as the README writes figures. */
const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
