// The embed (`?embed=1`): a read-only player for a design document's iframe — the canvas, the
// caption at the playhead, the timeline and play/step, without editing chrome, with a way out to
// the full app. The host page drives it over postMessage (useHostApi.ts, docs/embed.md).

import { useApp } from '../../store/appStore';
import { Canvas } from '../canvas/Canvas';
import { Timeline } from '../panels/Timeline';
import { Notice } from '../panels/Notice';
import { CurrentCaption } from '../panels/StoryStrip';
import { TickReadout } from '../panels/Toolbar';
import { TransportButtons } from '../panels/TransportButtons';
import { fullAppUrl, type EmbedOptions } from './embedOptions';
import { useHostApi } from './useHostApi';
import '../workbench.css';
import './embed.css';

export default function EmbedPlayer({ options }: { options: EmbedOptions }) {
  const title = useApp((s) => s.scenario?.title ?? null);
  const link = useApp((s) => s.link);
  const choices = useApp((s) => s.choices);
  useHostApi();
  const out = fullAppUrl(location.origin, location.pathname, link ?? location.hash);
  return (
    <div className="wb em" data-testid="embed" data-controls={options.controls}>
      {options.controls && (
        <header className="em-bar">
          <span className="em-title" title={title ?? undefined}>
            {title ?? 'DMA Handoff'}
          </span>
          {choices !== null && (
            <span className="em-cx" data-testid="embed-counterexample" title="The run takes timing choices other than the default run's">
              Counterexample · x={choices.text}
            </span>
          )}
          <TransportButtons full={false} />
          <TickReadout />
          <OpenInApp href={out} />
        </header>
      )}
      <div className="em-stage">
        <Notice />
        <div className="wb-canvas em-canvas">
          <Canvas />
        </div>
        {!options.controls && <OpenInApp href={out} corner />}
      </div>
      <div className="em-caption">
        <CurrentCaption />
      </div>
      {options.controls && (
        <div className="em-timeline">
          <Timeline />
        </div>
      )}
    </div>
  );
}

/** The way out to the full app at this moment, in a new tab: in the bar, or over the canvas's corner without one. */
function OpenInApp({ href, corner = false }: { href: string; corner?: boolean }) {
  return (
    <a className={corner ? 'em-open em-open-corner' : 'em-open'} href={href} target="_blank" rel="noopener" data-testid="embed-open">
      Open in DMA Handoff ↗
    </a>
  );
}
