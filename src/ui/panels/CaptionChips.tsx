// The timeline's caption lane: one numbered chip per caption at its tick (in two rows, or merged,
// when captions are close: captionChips.ts). A chip is a button: hovering or focusing it shows its
// caption's text above it, and clicking it seeks to its tick.

import { useLayoutEffect, useRef, useState } from 'react';
import { useApp } from '../../store/appStore';
import type { TimeAxis } from './timeAxis';
import { chipLabel, placeCaptionChips } from './captionChips';
import type { CaptionLike } from './captions';
import './captionChips.css';

/** Chip geometry: its height and row pitch, and its width for a label of 11 px monospace type. */
const ROW = 16;
const ROWS = 2;
const widthOf = (label: string) => 10 + 7 * label.length;
/** The text box's width, kept inside the track. */
const TIP_WIDTH = 420;

export function CaptionChips({ axis, captions }: { axis: TimeAxis; captions: readonly CaptionLike[] }) {
  const lane = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [open, setOpen] = useState<number | null>(null);

  // The lane spans the track, whose width changes with the window and the timeline's zoom.
  useLayoutEffect(() => {
    const el = lane.current;
    if (el === null) return;
    const measure = () => setWidth(el.clientWidth);
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const chips =
    width > 0
      ? placeCaptionChips(
          captions.map((c) => axis.x(c.at) * width),
          { rows: ROWS, gap: 3, widthOf, span: width },
        )
      : [];
  const shown = open === null ? undefined : chips[open];
  return (
    <div ref={lane} className="pn-tl-lane pn-tl-captions">
      {chips.map((chip, k) => {
        const first = captions[chip.captions[0]];
        const label = chipLabel(chip);
        return (
          <button
            key={chip.captions[0]}
            data-marker
            data-testid="timeline-caption"
            data-t={first.at}
            className={`pn-tl-chip${open === k ? ' pn-open' : ''}`}
            style={{ left: chip.left, width: chip.width, top: chip.row * ROW }}
            aria-label={chip.captions.map((i) => `Caption ${i + 1} at t=${captions[i].at}: ${captions[i].text}`).join(' · ')}
            aria-describedby={open === k ? 'timeline-caption-text' : undefined}
            onPointerEnter={() => setOpen(k)}
            onPointerLeave={() => setOpen((o) => (o === k ? null : o))}
            onFocus={() => setOpen(k)}
            onBlur={() => setOpen((o) => (o === k ? null : o))}
            onClick={() => useApp.getState().seek(first.at)}
          >
            {label}
          </button>
        );
      })}
      {shown !== undefined && (
        <div
          id="timeline-caption-text"
          role="tooltip"
          className="pn-tl-tip"
          data-testid="timeline-caption-text"
          style={{ left: Math.max(0, Math.min(width - TIP_WIDTH, shown.left + shown.width / 2 - TIP_WIDTH / 2)), width: TIP_WIDTH }}
        >
          {shown.captions.map((i) => (
            <p key={i}>
              <b>
                {i + 1} · t={captions[i].at}
              </b>{' '}
              {captions[i].text}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}
