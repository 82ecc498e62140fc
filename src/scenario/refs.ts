// Checks that need the whole document: every reference points at something that exists, ids and
// StreamIDs are unique, and regions do not overlap. Each problem names its field path, the way
// the schema's own messages do.

import type { ParsedDocument } from './schema';
import type { FieldError } from './errors';
import { ADDRESS_LIMIT, PAGE_BYTES, formatAddress } from './hex';

/** Endpoint ids the engine reserves for its built-in owners. */
export const RESERVED_IDS = ['hyp', 'quarantine', 'nobody', 'smmu'];

export interface RefReport {
  errors: FieldError[];
  warnings: string[];
}

export function checkRefs(doc: ParsedDocument): RefReport {
  const errors: FieldError[] = [];
  const warnings: string[] = [];
  const error = (path: string, message: string) => void errors.push({ path, message });
  const where = new Map<string, string>();
  const claim = (key: string, path: string) => {
    const prev = where.get(key);
    if (prev !== undefined) error(path, `"${key}" is already the id of ${prev}`);
    else where.set(key, path.replace(/\.id$/, ''));
  };

  const endpoints = new Set<string>();
  const vmids = new Map<number, string>();
  doc.endpoints.forEach((e, i) => {
    if (RESERVED_IDS.includes(e.id)) error(`endpoints[${i}].id`, `"${e.id}" is reserved for the built-in owner`);
    claim(e.id, `endpoints[${i}].id`);
    endpoints.add(e.id);
    const other = vmids.get(e.vmid);
    if (other !== undefined) error(`endpoints[${i}].vmid`, `VMID ${e.vmid} is already ${other}'s`);
    vmids.set(e.vmid, e.id);
  });
  const isEndpoint = (v: string, path: string) => {
    if (!endpoints.has(v)) error(path, `no endpoint "${v}"`);
  };

  const regions = new Map<string, ParsedDocument['memory'][number]>();
  doc.memory.forEach((r, i) => {
    claim(r.id, `memory[${i}].id`);
    regions.set(r.id, r);
    if (r.owner !== 'hyp') isEndpoint(r.owner, `memory[${i}].owner`);
    // Both address spaces are 48 bits (hex.ts): the engine keys pages by address below 2^48.
    if (r.pa + r.pages * PAGE_BYTES > ADDRESS_LIMIT) error(`memory[${i}].pa`, 'the region runs past the 48-bit PA space (2^48)');
    if (r.owner === 'hyp' && r.ipa !== undefined) error(`memory[${i}].ipa`, "hypervisor memory has no IPA (no VM's stage-2 maps it)");
    else if (r.ipa !== undefined && r.ipa + r.pages * PAGE_BYTES > ADDRESS_LIMIT)
      error(`memory[${i}].ipa`, 'the region runs past the 48-bit IPA space (2^48)');
    if (r.owner !== 'hyp' && r.kind !== 'normal')
      warnings.push(`memory[${i}].kind: "${r.kind}" memory is normally the hypervisor's, not ${r.owner}'s`);
  });
  // Two regions may not claim the same physical page, and one owner may not map two regions at
  // the same IPA: either would make "whose page is this?" ambiguous.
  const overlap = (a0: number, an: number, b0: number, bn: number) => a0 < b0 + bn * PAGE_BYTES && b0 < a0 + an * PAGE_BYTES;
  doc.memory.forEach((r, i) => {
    for (let j = 0; j < i; j++) {
      const o = doc.memory[j];
      if (overlap(r.pa, r.pages, o.pa, o.pages))
        error(`memory[${i}].pa`, `${formatAddress(r.pa)} overlaps region "${o.id}" in physical memory`);
      else if (r.owner !== 'hyp' && r.owner === o.owner && overlap(r.ipa ?? r.pa, r.pages, o.ipa ?? o.pa, o.pages))
        error(`memory[${i}].ipa`, `overlaps region "${o.id}" in ${r.owner}'s stage-2`);
    }
  });
  const isRegion = (v: string, path: string) => {
    if (!regions.has(v)) error(path, `no memory region "${v}"`);
  };

  const devices = new Set<string>();
  const streams = new Map<number, string>();
  doc.devices.forEach((d, i) => {
    claim(d.id, `devices[${i}].id`);
    devices.add(d.id);
    if (d.owner !== null) isEndpoint(d.owner, `devices[${i}].owner`);
    d.streams.forEach((sid, k) => {
      const other = streams.get(sid);
      if (other !== undefined) error(`devices[${i}].streams[${k}]`, `StreamID ${sid} already belongs to device "${other}"`);
      streams.set(sid, d.id);
    });
    d.map.forEach((r, k) => isRegion(r, `devices[${i}].map[${k}]`));
  });

  const handles = new Set<string>();
  doc.script.forEach((o) => {
    if ((o.op === 'memShare' || o.op === 'memLend' || o.op === 'memDonate') && o.handle !== undefined) handles.add(o.handle);
  });
  let auto = 0;
  const seen = new Set<string>();
  doc.script.forEach((o, i) => {
    const p = `script[${i}]`;
    if (o.window !== undefined && !(o.window[0] <= o.at && o.at <= o.window[1]))
      error(`${p}.window`, `[${o.window[0]}, ${o.window[1]}] must hold the operation's tick ${o.at} (lo ≤ at ≤ hi)`);
    if ('device' in o && !devices.has(o.device)) error(`${p}.device`, `no device "${o.device}"`);
    switch (o.op) {
      case 'program':
        o.dma.forEach((x, k) => {
          if (x.iova + x.pages * PAGE_BYTES > ADDRESS_LIMIT)
            error(`${p}.dma[${k}].iova`, 'the transfer runs past the 48-bit IPA space (2^48)');
        });
        isEndpoint(o.by, `${p}.by`);
        break;
      case 'relinquish':
      case 'accept':
      case 'enable':
        isEndpoint(o.by, `${p}.by`);
        break;
      case 'map':
        isEndpoint(o.by, `${p}.by`);
        isRegion(o.region, `${p}.region`);
        break;
      case 'assign':
      case 'transfer':
      case 'lend':
        isEndpoint(o.to, `${p}.to`);
        break;
      case 'share':
        isEndpoint(o.with, `${p}.with`);
        break;
      case 'cpuWrite':
        isEndpoint(o.endpoint, `${p}.endpoint`);
        isRegion(o.region, `${p}.region`);
        break;
      case 'abort':
        isEndpoint(o.endpoint, `${p}.endpoint`);
        break;
      case 'memShare':
      case 'memLend':
      case 'memDonate': {
        isEndpoint(o.from, `${p}.from`);
        o.to.forEach((t, k) => isEndpoint(typeof t === 'string' ? t : t.id, typeof t === 'string' ? `${p}.to[${k}]` : `${p}.to[${k}].id`));
        isRegion(o.region, `${p}.region`);
        if (o.handle === undefined) {
          // Unnamed handles are numbered in document order, skipping names the user took.
          do auto++;
          while (handles.has(`h${auto}`));
          o.handle = `h${auto}`;
          handles.add(o.handle);
        }
        if (seen.has(o.handle)) error(`${p}.handle`, `handle "${o.handle}" is created twice`);
        seen.add(o.handle);
        break;
      }
      case 'memRetrieve':
      case 'memRelinquish':
      case 'memReclaim':
        isEndpoint(o.by, `${p}.by`);
        if (!handles.has(o.handle)) error(`${p}.handle`, `no memShare, memLend or memDonate creates handle "${o.handle}"`);
        break;
    }
  });

  const custom = doc.policy.custom;
  if (custom !== undefined)
    for (const [op, steps] of Object.entries(custom.steps))
      steps?.forEach((s, k) => {
        if (s.kind === 'tableMap') isRegion(s.region, `policy.custom.steps.${op}[${k}].region`);
      });

  for (const key of Object.keys(doc.layout))
    if (!where.has(key) && key !== 'smmu') warnings.push(`layout.${key}: no node "${key}"; its position is ignored`);

  return { errors, warnings };
}
