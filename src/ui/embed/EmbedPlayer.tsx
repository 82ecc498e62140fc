// The embed (`?embed=1`): a read-only player for a design document's iframe — the canvas, the
// caption at the playhead, the timeline and play/step, without editing chrome, with a way out to
// the full app. The host page drives it over postMessage (useHostApi.ts, docs/embed.md).

import { useApp } from '../../store/appStore';
import { Canvas } from '../canvas/Canvas';
import { Timeline } from '../panels/Timeline';
import { Notice } from '../panels/Notice';
import { CurrentCaption } from '../panels/StoryStrip';
import { Icon, TickReadout } from '../panels/Toolbar';
import { ActionButton } from '../actions/ActionButton';
import { fullAppUrl, type EmbedOptions } from './embedOptions';
import { useHostApi } from './useHostApi';
import '../workbench.css';
import './embed.css';

export default function EmbedPlayer({ options }: { options: EmbedOptions }) {
  const title = useApp((s) => s.scenario?.title ?? null);
  const playing = useApp((s) => s.playing);
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
          <div className="pn-transport" role="group" aria-label="Playback">
            <ActionButton name="home" icon={<Icon d="M4 3v10M13 3 6 8l7 5z" />} />
            <ActionButton name="prevEvent" icon={<Icon d="M12 3 6 8l6 5zM4 3v10" />} />
            <ActionButton
              name="playPause"
              className="pn-play"
              icon={playing ? <Icon d="M4 3h3v10H4zM9 3h3v10H9z" fill /> : <Icon d="M4 2l10 6-10 6z" fill />}
            />
            <ActionButton name="stepEvent" icon={<Icon d="M4 3l6 5-6 5zM12 3v10" />} />
            <ActionButton name="end" icon={<Icon d="M3 3l7 5-7 5zM12 3v10" fill />} />
          </div>
          <TickReadout />
          <a className="em-open" href={out} target="_blank" rel="noopener" data-testid="embed-open">
            Open in DMA Handoff ↗
          </a>
        </header>
      )}
      <div className="em-stage">
        <Notice />
        <div className="wb-canvas em-canvas">
          <Canvas />
        </div>
        {!options.controls && (
          <a className="em-open em-open-corner" href={out} target="_blank" rel="noopener" data-testid="embed-open">
            Open in DMA Handoff ↗
          </a>
        )}
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
