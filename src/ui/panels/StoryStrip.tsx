// The strip above the canvas that tells the scenario's story: its title, its description (clamped
// to two lines with "more"; edited in place, as one undoable edit) and the caption at or before the
// playhead, numbered, with buttons that seek to the previous and next caption.

import { useLayoutEffect, useRef, useState } from 'react';
import { useApp } from '../../store/appStore';
import { useTransitioned } from '../hooks/useTransitioned';
import { edit } from '../actions/edits';
import { captionIndexAt, captionStep } from './captions';
import { DefaultTimingMark } from './DefaultTimingMark';
import './story.css';

export function StoryStrip() {
  const scenario = useApp((s) => s.scenario);
  if (scenario === null) return null;
  return (
    <div className="st-strip" data-testid="story">
      <Description title={scenario.title} text={scenario.description} />
      <CurrentCaption />
    </div>
  );
}

function Description({ title, text }: { title: string; text: string }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [expanded, setExpanded] = useState(false);
  const [overflows, setOverflows] = useState(false);
  const shown = useRef<HTMLParagraphElement>(null);

  // "more" only when the clamped text is cut: measured after each change of the text or the width.
  useLayoutEffect(() => {
    const el = shown.current;
    if (el === null) return;
    const measure = () => setOverflows(el.scrollHeight > el.clientHeight + 1);
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [text, editing, expanded]);

  const commit = () => {
    setEditing(false);
    if (draft !== text) edit('Description', (d) => void (d.description = draft));
  };

  return (
    <div className="st-about">
      <h2 className="st-title" data-testid="story-title">
        {title}
      </h2>
      {editing ? (
        <textarea
          className="st-edit"
          aria-label="Description"
          value={draft}
          rows={4}
          autoFocus
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setEditing(false);
            else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) commit();
          }}
        />
      ) : (
        <div className="st-desc-row">
          <p ref={shown} className={`st-desc${expanded ? '' : ' st-clamped'}`} data-testid="story-description">
            {text === '' ? <span className="st-dim">No description.</span> : text}
          </p>
          <span className="st-desc-actions">
            {(overflows || expanded) && (
              <button className="st-link" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
                {expanded ? 'less' : 'more'}
              </button>
            )}
            <button
              className="st-link"
              aria-label="Edit the description"
              title="Edit the description (Ctrl+Enter or leaving the field keeps it, Esc cancels)"
              onClick={() => {
                setDraft(text);
                setEditing(true);
              }}
            >
              edit
            </button>
          </span>
        </div>
      )}
    </div>
  );
}

export function CurrentCaption() {
  const captions = useApp((s) => s.scenario?.captions) ?? [];
  const counterexample = useApp((s) => s.choices !== null);
  const now = useTransitioned((s) => Math.floor(s.clock));
  const index = captionIndexAt(captions, now);
  const prev = captionStep(captions, index, -1);
  const next = captionStep(captions, index, 1);
  const seek = (t: number | undefined) => t !== undefined && useApp.getState().seek(t);
  return (
    <div className="st-caption" data-testid="story-caption" data-index={index + 1}>
      <div className="st-caption-bar">
        <button aria-label="Previous caption" title="Previous caption" disabled={prev === undefined} onClick={() => seek(prev)}>
          ‹
        </button>
        <span className="st-count" data-testid="story-caption-count">
          {captions.length === 0 ? 'no captions' : `caption ${index + 1}/${captions.length}`}
        </span>
        <button aria-label="Next caption" title="Next caption" disabled={next === undefined} onClick={() => seek(next)}>
          ›
        </button>
        {index >= 0 && <span className="st-at">t={captions[index].at}</span>}
        {counterexample && captions.length > 0 && <DefaultTimingMark />}
      </div>
      <p className="st-caption-text" data-testid="story-caption-text" title={index >= 0 ? captions[index].text : undefined}>
        {index >= 0 ? (
          captions[index].text
        ) : captions.length > 0 ? (
          <span className="st-dim">The first caption is at t={captions[0].at}.</span>
        ) : (
          <span className="st-dim">Add captions in Edit › Settings to tell this story step by step.</span>
        )}
      </p>
    </div>
  );
}
