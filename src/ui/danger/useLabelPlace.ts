// Where the violation's label is drawn (labelPlace.ts): measured in the DOM once the label is
// drawn, and again when its anchor, the zoom or its text changes. A label wider than its anchor
// that covers a node wherever it goes is also tried at its anchor's width (wrapped onto more lines,
// at least MIN_WIDTH on screen); the place that covers less wins.

import { useLayoutEffect, useState, type RefObject } from 'react';
import { useStoreApi } from '@xyflow/react';
import { labelSlide, type Box } from './labelPlace';
import type { Drawn } from './DangerLayer';

/** The narrowest the label is wrapped to, in screen pixels. */
const MIN_WIDTH = 120;

export interface LabelPlace {
  /** How far below its first place the label goes (flow units). */
  by: number;
  /** Its width limit when wrapped to its anchor's width (CSS), else undefined (the stylesheet's). */
  maxWidth: string | undefined;
}

export function useLabelPlace(ref: RefObject<HTMLDivElement | null>, drawn: Drawn | null, zoom: number, text: string): LabelPlace {
  const store = useStoreApi();
  const [place, setPlace] = useState<LabelPlace>({ by: 0, maxWidth: undefined });
  useLayoutEffect(() => {
    const el = ref.current;
    if (drawn === null || el === null) return;
    const { nodeLookup, transform, domNode } = store.getState();
    const nodes: Box[] = [];
    for (const n of nodeLookup.values())
      if (!n.hidden)
        nodes.push({
          x: n.internals.positionAbsolute.x,
          y: n.internals.positionAbsolute.y,
          width: n.measured.width ?? 0,
          height: n.measured.height ?? 0,
        });
    const bottom = domNode === null ? Infinity : (domNode.clientHeight - transform[1]) / zoom;
    /** The best place of the label as it is now drawn (flow units). */
    const fit = () => {
      const r = el.getBoundingClientRect();
      const width = r.width / zoom;
      const x = drawn.align === 'right' ? drawn.label.x - width : drawn.align === 'centre' ? drawn.label.x - width / 2 : drawn.label.x;
      return { width, ...labelSlide({ x, y: drawn.label.y + 6 / zoom, width, height: r.height / zoom }, nodes, bottom, 6 / zoom) };
    };
    el.style.maxWidth = '';
    const natural = fit();
    let best: LabelPlace & { covered: number } = { by: natural.by, maxWidth: undefined, covered: natural.covered };
    const narrow = `${Math.max(MIN_WIDTH, drawn.anchorWidth * zoom)}px`;
    if (natural.covered > 0 && drawn.anchorWidth > 0 && natural.width > drawn.anchorWidth) {
      el.style.maxWidth = narrow;
      const wrapped = fit();
      if (wrapped.covered < best.covered) best = { by: wrapped.by, maxWidth: narrow, covered: wrapped.covered };
    }
    // The style React gave it stands until the new place is rendered.
    el.style.maxWidth = best.maxWidth ?? '';
    setPlace((p) => (p.by === best.by && p.maxWidth === best.maxWidth ? p : { by: best.by, maxWidth: best.maxWidth }));
  }, [ref, drawn, zoom, store, text]);
  return place;
}
