// The canvas graph: nodes for endpoints, devices, the SMMU and memory regions, and the edges
// between them — ownership, streams, IOMMU mappings and CPU stage-2 — derived from the scenario
// (which nodes exist) and the engine's view at the playhead (who owns what now).

import type { Edge, Node } from '@xyflow/react';
import type { Scenario } from '../../sim';
import type { SimView } from '../../worker/view';
import { endpointColour } from '../theme';
import { autoLayout, positionOf, SMMU_ID } from './layout';
import { iommuEdge, ownerEdge, pendingEdge, stage2Edge, streamEdge } from './edgeStyles';

export type NodeKind = 'endpoint' | 'device' | 'smmu' | 'region';
export type CanvasNode = Node<{ index: number }, NodeKind>;

export function buildNodes(s: Scenario): CanvasNode[] {
  const auto = autoLayout(s);
  const nodes: CanvasNode[] = [];
  // View indices: endpoints are offset by the two built-ins (hyp, quarantine).
  s.endpoints.forEach((e, i) => nodes.push({ id: e.id, type: 'endpoint', position: positionOf(s, auto, e.id), data: { index: i + 2 } }));
  s.devices.forEach((d, i) => nodes.push({ id: d.id, type: 'device', position: positionOf(s, auto, d.id), data: { index: i } }));
  nodes.push({ id: SMMU_ID, type: 'smmu', position: positionOf(s, auto, SMMU_ID), data: { index: 0 } });
  s.memory.forEach((r, i) => nodes.push({ id: r.id, type: 'region', position: positionOf(s, auto, r.id), data: { index: i } }));
  return nodes;
}

/** The ids of a scenario's nodes, as buildNodes makes them. */
export function nodeIdsOf(s: Scenario): string[] {
  return [...s.endpoints.map((e) => e.id), ...s.devices.map((d) => d.id), SMMU_ID, ...s.memory.map((r) => r.id)];
}

export function buildEdges(v: SimView): Edge[] {
  const edges: Edge[] = [];
  const epId = (i: number) => (i >= 2 ? v.endpoints[i].id : null);
  // Ownership: owner → device (solid), with the assignment state when it is not plain "assigned".
  for (const d of v.devices) {
    const owner = epId(d.owner);
    if (owner !== null)
      edges.push({
        id: `own:${d.id}`,
        source: owner,
        target: d.id,
        style: ownerEdge(endpointColour(d.owner)),
        label: d.assign === 'assigned' ? undefined : d.assign,
      });
    const pending = epId(d.pendingFor);
    if (pending !== null && d.pendingFor !== d.owner)
      edges.push({
        id: `pend:${d.id}`,
        source: pending,
        target: d.id,
        style: pendingEdge(endpointColour(d.pendingFor)),
        label: d.assign,
      });
    // Streams: device → SMMU, one edge per device labelled with its StreamIDs.
    edges.push({
      id: `sid:${d.id}`,
      source: d.id,
      target: SMMU_ID,
      style: streamEdge,
      label: `SID ${d.streams.join(', ')}`,
    });
  }
  // IOMMU mappings: SMMU → region, for every table a valid STE points at that maps a page of it.
  const byId = new Map(v.tables.map((t) => [t.id, t]));
  const mapped = new Map<number, Set<string>>();
  for (const ste of v.smmu.ste) {
    const t = ste.valid && ste.config === 's2' && ste.table !== null ? byId.get(ste.table) : undefined;
    if (t === undefined) continue;
    for (const r of t.regions) {
      if (!mapped.has(r)) mapped.set(r, new Set());
      mapped.get(r)!.add(`${t.id} · VMID ${t.vmid}`);
    }
  }
  for (const [r, tables] of mapped)
    edges.push({
      id: `map:${v.regions[r].id}`,
      source: SMMU_ID,
      target: v.regions[r].id,
      style: iommuEdge,
      label: [...tables].join(' / '),
    });
  // CPU stage-2: an endpoint → each region it can access from its CPU (faint, dotted), from the
  // endpoint's bottom to the region's top: apart from the SMMU's mapping edges, which enter on the left.
  for (const r of v.regions)
    for (let e = 2; e < v.endpoints.length; e++)
      if (pageSpan(v, r, (p) => (p.modes[e] & 1) !== 0))
        edges.push({
          id: `s2:${v.endpoints[e].id}:${r.id}`,
          source: v.endpoints[e].id,
          target: r.id,
          sourceHandle: 's2',
          targetHandle: 's2',
          style: stage2Edge(endpointColour(e)),
        });
  return edges;
}

function pageSpan(v: SimView, r: SimView['regions'][number], f: (p: SimView['pages'][number]) => boolean): boolean {
  for (let i = r.firstPage; i < r.firstPage + r.pages; i++) if (f(v.pages[i])) return true;
  return false;
}

const signatures = new WeakMap<SimView, string>();

/** What the edges depend on, as a string (equal signatures give equal edges); computed once per view. */
export function edgeSignature(v: SimView): string {
  let sig = signatures.get(v);
  if (sig === undefined) signatures.set(v, (sig = computeSignature(v)));
  return sig;
}

function computeSignature(v: SimView): string {
  const parts: string[] = [];
  for (const d of v.devices) parts.push(`${d.owner}:${d.pendingFor}:${d.assign}`);
  for (const s of v.smmu.ste) parts.push(`${s.valid ? 1 : 0}${s.config}${s.vmid}${s.table}`);
  for (const t of v.tables) parts.push(`${t.id}${t.vmid}${t.regions.join('.')}`);
  for (const r of v.regions) {
    let access = 0;
    for (let i = r.firstPage; i < r.firstPage + r.pages; i++)
      for (let e = 2; e < v.pages[i].modes.length; e++) if (v.pages[i].modes[e] & 1) access |= 1 << (e % 30);
    parts.push(String(access));
  }
  return parts.join('|');
}
