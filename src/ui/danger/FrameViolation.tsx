// Selecting a violation (in Verdicts, on the timeline) frames it: the view fits the nodes it
// involves — the device, the SMMU and the region of the page it reached.

import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useApp } from '../../store/appStore';
import { SMMU_ID } from '../canvas/layout';
import type { Violation } from '../../sim';
import type { SimView } from '../../worker/view';

/** The ids of the nodes a violation involves. */
export function involvedNodes(v: Violation, view: SimView | null): string[] {
  const ids = [SMMU_ID];
  const device = v.path?.device ?? v.device;
  if (device !== null) ids.push(device);
  const p = v.path?.pageIndex ?? -1;
  const region = p < 0 ? undefined : view?.regions.find((r) => p >= r.firstPage && p < r.firstPage + r.pages);
  if (region !== undefined) ids.push(region.id);
  return ids;
}

export function FrameViolation() {
  const flow = useReactFlow();
  const index = useApp((s) => (s.selection?.kind === 'violation' ? s.selection.index : null));
  // A link selects a violation before its run is known: it is framed once the run names it.
  const known = useApp((s) => index !== null && s.summary?.violations[index] !== undefined);
  useEffect(() => {
    if (index === null) return;
    const { summary, view } = useApp.getState();
    const v = summary?.violations[index];
    if (v === undefined) return;
    const reduce = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    void flow.fitView({ nodes: involvedNodes(v, view).map((id) => ({ id })), padding: 0.15, maxZoom: 1.4, duration: reduce ? 0 : 300 });
  }, [index, known, flow]);
  return null;
}
