// The canvas legend: what the colours, particles, marks and edges mean. Each sample is drawn by the
// code that draws the real thing — the overlay's marks (overlay/marks.ts), the edges' strokes
// (edgeStyles.ts), the page and cache classes of the nodes — in the open scenario's colours. It
// starts folded to one button (open, it covers part of the fitted system), and stays as the user
// left it across reloads.

import { useLayoutEffect, useRef, type CSSProperties } from 'react';
import { useApp } from '../../store/appStore';
import { usePrefs } from '../../store/prefs';
import { endpointColour, HYP_COLOUR } from '../theme';
import { drawBlocked, drawLanded, drawParticle } from '../overlay/marks';
import { iommuEdge, stage2Edge } from './edgeStyles';
import '../nodes/nodes.css';
import './legend.css';

/** A sample's size in CSS pixels. */
const W = 30;
const H = 22;
/** A particle's radius and a landed square's side in the samples (the overlay's at about zoom 1). */
const RADIUS = 6;
const LANDED = 12;
/** How many of the scenario's endpoints the legend names before "+n more". */
const NAMED = 6;

type Mark = 'write' | 'read' | 'landed' | 'blocked';

export function Legend() {
  const open = usePrefs((p) => p.legendOpen);
  const setPref = usePrefs((p) => p.setPref);
  const endpoints = useApp((s) => s.scenario?.endpoints);
  const presenting = useApp((s) => s.presenting);
  if (endpoints === undefined || presenting) return null;
  // The scenario's endpoints are view indices 2… (0 and 1 are the hypervisor and quarantine).
  const colour = endpointColour(2);
  return (
    <div className={`lg-legend${open ? ' lg-open' : ''}`} data-testid="legend">
      <button className="lg-toggle" aria-expanded={open} aria-controls="canvas-legend" onClick={() => setPref('legendOpen', !open)}>
        Legend {open ? '▾' : '▸'}
      </button>
      {open && (
        <dl id="canvas-legend" className="lg-items">
          <dt>
            <span className="lg-owners">
              {endpoints.slice(0, NAMED).map((e, i) => (
                <i key={e.id} style={{ background: endpointColour(i + 2) }} title={e.name || e.id} />
              ))}
              <i style={{ background: HYP_COLOUR }} title="hypervisor" />
            </span>
          </dt>
          <dd>
            owners:{' '}
            {endpoints
              .slice(0, NAMED)
              .map((e) => e.id)
              .join(', ')}
            {endpoints.length > NAMED ? ` +${endpoints.length - NAMED} more` : ''}, hypervisor (grey)
          </dd>
          <Sample mark="write" colour={colour} text="DMA write in flight (filled), in its programmer’s colour" />
          <Sample mark="read" colour={colour} text="DMA read in flight (ring)" />
          <Sample mark="landed" colour={colour} text="landed on a page" />
          <Sample mark="blocked" colour={colour} text="blocked at the SMMU (fault named beside it)" />
          <dt>
            <span className="dn-page lg-page" style={{ background: colour }}>
              <span className="dn-secret" />
            </span>
          </dt>
          <dd>secret page (yellow dot)</dd>
          <dt>
            <Line style={iommuEdge} />
          </dt>
          <dd>IOMMU mapping: SMMU → region</dd>
          <dt>
            <Line style={{ ...stage2Edge(colour), strokeOpacity: 0.8 }} />
          </dt>
          <dd>CPU stage-2: VM → region (dotted)</dd>
          <dt>
            <span className="dn-stale dn-mono">stale</span>
          </dt>
          <dd>stale SMMU cache entry (not invalidated)</dd>
        </dl>
      )}
    </div>
  );
}

function Sample({ mark, colour, text }: { mark: Mark; colour: string; text: string }) {
  return (
    <>
      <dt>
        <MarkSwatch mark={mark} colour={colour} />
      </dt>
      <dd>{text}</dd>
    </>
  );
}

/** One overlay mark, drawn by the overlay's own function. */
function MarkSwatch({ mark, colour }: { mark: Mark; colour: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (canvas == null || ctx == null) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(W * dpr);
    canvas.height = Math.round(H * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, W, H);
    if (mark === 'write' || mark === 'read') drawParticle(ctx, W / 2, H / 2, RADIUS, colour, mark === 'write');
    else if (mark === 'landed') drawLanded(ctx, W / 2, H / 2, LANDED, colour, true);
    else drawBlocked(ctx, W / 2, H / 2, RADIUS, colour);
  }, [mark, colour]);
  return <canvas ref={ref} className="lg-swatch" data-mark={mark} style={{ width: W, height: H }} aria-hidden="true" />;
}

/** A short stretch of an edge, with the canvas's stroke for its kind. */
function Line({ style }: { style: CSSProperties }) {
  return (
    <svg className="lg-swatch" width={W} height={H} aria-hidden="true">
      <path d={`M2 ${H / 2} L${W - 2} ${H / 2}`} fill="none" style={style} />
    </svg>
  );
}
