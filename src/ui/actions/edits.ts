// Document edits that are also commands (buttons in the editor and keyboard shortcuts): each is a
// labelled store edit, validated before it happens and one step of undo.

import { useApp } from '../../store/appStore';

export type Doc = Record<string, unknown>;
export type Row = Record<string, unknown>;
/** A list of the document (`endpoints`, `devices`, `memory`, `script`, `captions`) as plain rows. */
export const rows = (d: Doc, key: string) => d[key] as Row[];
export const edit = (label: string, recipe: (d: Doc) => void) => useApp.getState().edit(label, recipe);

/** A fresh id not used by anything in the document. */
export function freshId(doc: Doc, prefix: string): string {
  const used = new Set([...rows(doc, 'endpoints'), ...rows(doc, 'memory'), ...rows(doc, 'devices')].map((r) => r.id as string));
  let n = 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

export function addEndpoint(kind: 'vm' | 'sp'): void {
  edit(`Add ${kind.toUpperCase()}`, (d) => {
    const vmid = Math.max(0, ...rows(d, 'endpoints').map((e) => e.vmid as number)) + 1;
    rows(d, 'endpoints').push({ id: freshId(d, kind.toUpperCase()), kind, name: '', vmid });
  });
}

export function addDevice(): void {
  edit('Add device', (d) => {
    const used = new Set(rows(d, 'devices').flatMap((x) => x.streams as number[]));
    let sid = 16;
    while (used.has(sid)) sid++;
    const id = freshId(d, 'DEV');
    const owner = (rows(d, 'endpoints')[0]?.id as string | undefined) ?? null;
    rows(d, 'devices').push({ id, name: id, streams: [sid], group: id, owner, reset: 'clean', ats: false, maxOutstanding: 4, map: [] });
  });
}

export function addRegion(): void {
  edit('Add region', (d) => {
    const memory = rows(d, 'memory');
    const end = Math.max(0x80000000, ...memory.map((r) => parseInt(r.pa as string, 16) + (r.pages as number) * 0x1000));
    const pa = '0x' + (Math.ceil(end / 0x100000) * 0x100000).toString(16);
    const owner = rows(d, 'endpoints')[0]?.id as string | undefined;
    // Its IPA: the owner's first free megabyte above its other regions.
    const ipas = memory.filter((r) => r.owner === owner).map((r) => parseInt((r.ipa ?? r.pa) as string, 16) + (r.pages as number) * 0x1000);
    const ipa = '0x' + (Math.ceil(Math.max(0x40000000, ...ipas) / 0x100000) * 0x100000).toString(16);
    memory.push({ id: freshId(d, 'ram'), owner: owner ?? 'hyp', pa, ...(owner ? { ipa } : {}), pages: 4, secret: false, kind: 'normal' });
  });
}

/** Deletes the selected endpoint, device or region; refused (with the reason) while anything refers to it. */
export function deleteSelection(): void {
  const sel = useApp.getState().selection;
  if (sel === null || !(sel.kind === 'endpoint' || sel.kind === 'device' || sel.kind === 'region')) return;
  const list = sel.kind === 'endpoint' ? 'endpoints' : sel.kind === 'device' ? 'devices' : 'memory';
  const ok = edit(`Delete ${sel.id}`, (d) => {
    const i = rows(d, list).findIndex((r) => r.id === sel.id);
    if (i >= 0) rows(d, list).splice(i, 1);
    delete (d.layout as Record<string, unknown>)[sel.id];
  });
  if (ok) useApp.getState().select(null);
}
