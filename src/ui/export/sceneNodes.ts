// A node of an exported picture: its rows of text, as the node components show them in short,
// and the size of its box.

import type { SimView } from '../../worker/view';
import { endpointColour, hexAddr } from '../theme';
import { gridSize } from '../nodes/pageGrid';
import { GRID_TOP, HEAD, ROW, W, type Box, type SceneNode } from './sceneModel';
import { letThrough, type Danger } from './sceneDanger';

/** A node's rows of text and its size: what the node components show, in short. */
export function nodeBody(
  n: SceneNode,
  v: SimView,
  danger: Danger | null,
): { head: string; kind: string; colour: string; rows: string[]; dangerRow?: number; pages?: { first: number; count: number } } {
  const name = (i: number) => (i < 0 ? 'nobody' : (v.endpoints[i]?.name ?? '?'));
  switch (n.kind) {
    case 'endpoint': {
      const e = v.endpoints[n.index];
      return { head: e.name, kind: e.kind.toUpperCase(), colour: endpointColour(n.index), rows: [`VMID ${e.vmid}`, e.lifecycle] };
    }
    case 'device': {
      const d = v.devices[n.index];
      const rows = [`owner ${name(d.owner)}`, d.assign, `in flight ${d.outstanding}/${d.maxOutstanding}`];
      if (d.resetting) rows.push('resetting');
      if (!d.busMaster) rows.push('bus master off');
      return { head: d.name, kind: 'DEV', colour: endpointColour(d.owner), rows };
    }
    case 'smmu': {
      const s = v.smmu;
      const stale = s.cfg.filter((c) => c.stale).length;
      const tlb = s.tlb.reduce((a, g) => a + g.count, 0);
      const tlbStale = s.tlb.reduce((a, g) => a + g.stale, 0);
      const rows = [
        s.enabled ? 'enabled' : `disabled (GBPA ${s.gbpa})`,
        `STEs valid ${s.ste.filter((e) => e.valid).length}/${s.ste.length}`,
        ...s.ste.map((e) => `SID ${e.sid}: ${e.valid ? `${e.config}${e.table ? ` ${e.table}` : ''} VMID ${e.vmid}` : 'invalid'}`),
        `config cache ${s.cfg.length}${stale > 0 ? `, ${stale} stale` : ''}`,
        `TLB ${tlb}${tlbStale > 0 ? `, ${tlbStale} stale` : ''}`,
        ...s.tlb.map(
          (g) => `  VMID ${g.vmid}: ${g.count} ${g.count === 1 ? 'entry' : 'entries'}${g.stale > 0 ? `, ${g.stale} stale` : ''}`,
        ),
        `CMDQ ${s.cmdq.length}${s.cmdq.waitingSync ? ', SYNC waiting' : ''}`,
        `event queue ${s.eventq.count}/${s.eventq.capacity}${s.eventq.overflow ? ' overflow' : ''}`,
      ];
      // The entry that let the violation's transaction through, in the danger colour, first.
      if (danger?.path) return { head: 'SMMU', kind: 'SMMUv3', colour: '#5b6270', rows: [letThrough(danger.path), ...rows], dangerRow: 0 };
      return { head: 'SMMU', kind: 'SMMUv3', colour: '#5b6270', rows };
    }
    case 'region': {
      const r = v.regions[n.index];
      return {
        head: r.name,
        kind: 'MEM',
        colour: endpointColour(r.owner),
        rows: [`PA ${hexAddr(r.pa)}`],
        pages: { first: r.firstPage, count: r.pages },
      };
    }
  }
}

export function boxOf(n: SceneNode, body: ReturnType<typeof nodeBody>): Box {
  const grid = body.pages ? gridSize(body.pages.count).h + GRID_TOP + 8 : 0;
  return { x: n.x, y: n.y, w: W[n.kind], h: HEAD + 8 + body.rows.length * ROW + grid + 6 };
}
