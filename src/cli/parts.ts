// The part file of one shard (`explore --shard i/N`) and the reading of N of them for
// explore-merge: each file names what the search was asked, so parts of different searches, a
// shard given twice or one missing are refused with the file that shows it.

import { mergeExplore, type ExplorePart, type ExploreResult } from '../sim';
import type { SearchEcho } from './commands';
import { decodeText, MAX_NESTING, nestedDeeperThan, type ReadFile } from './input';

/** What `explore --shard i/N` writes. */
export interface PartFile {
  explorePart: 1;
  search: SearchEcho;
  part: ExplorePart;
}

/** The largest part file read: a part holds a counterexample per invariant and counts. */
export const MAX_PART_BYTES = 16 * 1024 * 1024;

export function partFile(search: SearchEcho, part: ExplorePart): PartFile {
  return { explorePart: 1, search, part };
}

interface Read {
  name: string;
  file: PartFile;
  index: number;
  count: number;
}

/** The parts merged, with what the search was asked; or a message naming the file and what is wrong. */
export function mergeParts(names: readonly string[], readFile: ReadFile): { search: SearchEcho; result: ExploreResult } | string {
  const read: Read[] = [];
  for (const name of names) {
    const r = readPart(name, readFile);
    if (typeof r === 'string') return r;
    const first = read[0];
    if (first !== undefined) {
      const differs = difference(first.file.search, r.file.search);
      if (differs !== null) return `${name}: a part of another search than ${first.name} (${differs})`;
      if (r.count !== first.count) return `${name}: shard ${r.index}/${r.count}, but ${first.name} is a shard of ${first.count}`;
      const same = read.find((x) => x.index === r.index);
      if (same !== undefined) return `${name}: shard ${r.index}/${r.count} again (${same.name} holds it too)`;
    }
    read.push(r);
  }
  const count = read[0].count;
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !read.some((x) => x.index === i));
  if (missing.length > 0)
    return `shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} missing: given ${read
      .map((x) => `${x.name} (${x.index}/${count})`)
      .join(', ')}`;
  const ordered = [...read].sort((a, b) => a.index - b.index);
  let merged: ReturnType<typeof mergeExplore>;
  try {
    merged = mergeExplore(ordered.map((x) => x.file.part));
  } catch (e) {
    return `the parts cannot be merged: ${(e as Error).message}`;
  }
  if ('error' in merged) return merged.error;
  return { search: read[0].file.search, result: merged };
}

function readPart(name: string, readFile: ReadFile): Read | string {
  const f = readFile(name, MAX_PART_BYTES);
  if (f.kind === 'error') return `cannot read ${name}: ${f.code}`;
  if (f.kind === 'not-regular') return `${name}: not a regular file (${f.what})`;
  if (f.bytes.length > MAX_PART_BYTES) return `${name}: larger than ${MAX_PART_BYTES} bytes, more than a part file holds`;
  const decoded = decodeText(f.bytes);
  if ('invalidAt' in decoded) return `${name}: not UTF-8 text (invalid byte at offset ${decoded.invalidAt})`;
  if (nestedDeeperThan(decoded.text, MAX_NESTING)) return `${name}: nested too deeply to be a part file`;
  let v: unknown;
  try {
    v = JSON.parse(decoded.text);
  } catch (e) {
    return `${name}: not JSON (${(e as Error).message})`;
  }
  const o = v as Partial<PartFile> | null;
  const shard = (o?.part as { shard?: { index?: unknown; count?: unknown } } | undefined)?.shard;
  if (
    typeof o !== 'object' ||
    o === null ||
    o.explorePart !== 1 ||
    typeof o.search !== 'object' ||
    o.search === null ||
    !Number.isInteger(shard?.index) ||
    !Number.isInteger(shard?.count)
  )
    return `${name}: not an explore part (a file that explore --shard i/N writes)`;
  const index = shard!.index as number;
  const count = shard!.count as number;
  if (count < 1 || index < 0 || index >= count) return `${name}: shard ${index}/${count} does not exist (0 ≤ i < N)`;
  return { name, file: o as PartFile, index, count };
}

/** The first field in which two searches differ, said as "its horizon is 400, not 600"; null when none does. */
function difference(a: SearchEcho, b: SearchEcho): string | null {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])] as (keyof SearchEcho)[];
  for (const k of keys) {
    const x = JSON.stringify(a[k]);
    const y = JSON.stringify(b[k]);
    if (x !== y) return `its ${k} is ${y ?? 'absent'}, not ${x ?? 'absent'}`;
  }
  return null;
}
