// Document edits that are also commands (buttons in the editor and keyboard shortcuts): each is a
// labelled store edit, validated before it happens and one step of undo.

import { useApp } from '../../store/appStore';
import type { ScenarioDocument } from '../../scenario/document';

/** The open document, as written: fields with a default may be absent (docs/scenario-format.md). */
export type Doc = ScenarioDocument;
export const edit = (label: string, recipe: (d: Doc) => void) => useApp.getState().edit(label, recipe);

/** A fresh id not used by anything in the document. */
export function freshId(doc: Doc, prefix: string): string {
  const used = new Set([...doc.endpoints, ...(doc.memory ?? []), ...(doc.devices ?? [])].map((r) => r.id));
  let n = 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

export function addEndpoint(kind: 'vm' | 'sp'): void {
  edit(`Add ${kind.toUpperCase()}`, (d) => {
    const vmid = Math.max(0, ...d.endpoints.map((e) => e.vmid)) + 1;
    d.endpoints.push({ id: freshId(d, kind.toUpperCase()), kind, name: '', vmid });
  });
}

export function addDevice(): void {
  edit('Add device', (d) => {
    const devices = (d.devices ??= []);
    const used = new Set(devices.flatMap((x) => x.streams));
    let sid = 16;
    while (used.has(sid)) sid++;
    const id = freshId(d, 'DEV');
    const owner = d.endpoints[0]?.id ?? null;
    devices.push({ id, name: id, streams: [sid], group: id, owner, reset: 'clean', ats: false, maxOutstanding: 4, map: [] });
  });
}

export function addRegion(): void {
  edit('Add region', (d) => {
    const memory = (d.memory ??= []);
    const end = Math.max(0x80000000, ...memory.map((r) => parseInt(r.pa, 16) + r.pages * 0x1000));
    const pa = '0x' + (Math.ceil(end / 0x100000) * 0x100000).toString(16);
    const owner: string | undefined = d.endpoints[0]?.id;
    // Its IPA: the owner's first free megabyte above its other regions.
    const ipas = memory.filter((r) => r.owner === owner).map((r) => parseInt(r.ipa ?? r.pa, 16) + r.pages * 0x1000);
    const ipa = '0x' + (Math.ceil(Math.max(0x40000000, ...ipas) / 0x100000) * 0x100000).toString(16);
    memory.push({ id: freshId(d, 'ram'), owner: owner ?? 'hyp', pa, ...(owner ? { ipa } : {}), pages: 4, secret: false, kind: 'normal' });
  });
}

/** Deletes the selected endpoint, device or region; refused (with the reason) while anything refers to it. */
export function deleteSelection(): void {
  const sel = useApp.getState().selection;
  if (sel === null || !(sel.kind === 'endpoint' || sel.kind === 'device' || sel.kind === 'region')) return;
  const remove = (list: { id: string }[] | undefined) => {
    const i = list?.findIndex((r) => r.id === sel.id) ?? -1;
    if (i >= 0) list?.splice(i, 1);
  };
  const ok = edit(`Delete ${sel.id}`, (d) => {
    remove(sel.kind === 'endpoint' ? d.endpoints : sel.kind === 'device' ? d.devices : d.memory);
    if (d.layout) delete d.layout[sel.id];
  });
  if (ok) useApp.getState().select(null);
}
