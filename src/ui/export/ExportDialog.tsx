// The Export dialog: a picture of the canvas at the playhead as PNG or SVG, or a range of the run as
// an animated GIF; at 1× or 2×, in the app's dark theme or a light one for documents. The code that
// draws and encodes is loaded only when Download is pressed; an animation shows its progress and
// can be cancelled.

import { useRef, useState } from 'react';
import { useApp } from '../../store/appStore';
import { useExportDialog } from './exportDialog';
import type { Theme } from './sceneSvg';
import { captionSpan } from './captionSpan';
import { Dialog } from '../panels/Dialog';
import './export.css';

type Format = 'png' | 'svg' | 'gif' | 'webm' | 'report-html' | 'report-md';

export function ExportDialog() {
  const open = useExportDialog((s) => s.open);
  if (!open) return null;
  return <ExportBox />;
}

function ExportBox() {
  const clock = useApp((s) => Math.floor(s.clock));
  const horizon = useApp((s) => s.horizon);
  const [format, setFormat] = useState<Format>('png');
  const [scale, setScale] = useState(1);
  const [theme, setTheme] = useState<Theme>('dark');
  // An animation starts as the span of the caption at the playhead; the fields change it.
  const [span] = useState(() => captionSpan(useApp.getState().scenario?.captions ?? [], clock, horizon));
  const [from, setFrom] = useState(span.from);
  const [to, setTo] = useState(span.to);
  const [step, setStep] = useState<number | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const close = () => {
    abort.current?.abort();
    useExportDialog.getState().setOpen(false);
  };
  const download = async () => {
    setProblem(null);
    if (format === 'report-html' || format === 'report-md') {
      setProgress({ done: 0, total: 1 });
      const { exportReport } = await import('./exporters');
      await exportReport(format === 'report-html' ? 'html' : 'md', theme);
      useExportDialog.getState().setOpen(false);
      return;
    }
    if (format === 'png' || format === 'svg') {
      setProgress({ done: 0, total: 1 });
      const { exportImage } = await import('./exporters');
      await exportImage(format, scale, theme);
      useExportDialog.getState().setOpen(false);
      return;
    }
    const anim = await import('./exporters');
    const range = { from, to, step: step ?? anim.defaultStep(from, to) };
    const wrong = anim.rangeProblem(range, horizon);
    if (wrong !== null) return setProblem(wrong);
    const ctl = (abort.current = new AbortController());
    setProgress({ done: 0, total: anim.frameTicks(range).length });
    try {
      const render = format === 'gif' ? anim.renderGif : anim.renderWebm;
      const out = await render(range, scale, theme, (done, total) => setProgress({ done, total }), ctl.signal);
      const { saveBytes } = await import('./exporters');
      saveBytes(`${out.name}${scale === 1 ? '' : `@${scale}x`}.${format}`, out.bytes, format === 'gif' ? 'image/gif' : 'video/webm');
      useApp.getState().setNotice({ kind: 'info', text: `Exported a ${format === 'gif' ? 'GIF' : 'WebM'} of ticks ${from}–${to}.` });
      useExportDialog.getState().setOpen(false);
    } catch (e) {
      if (!(e instanceof anim.Cancelled)) setProblem(`The animation could not be made: ${e instanceof Error ? e.message : String(e)}`);
      setProgress(null);
    }
  };
  const busy = progress !== null;
  const choice = <T extends string | number>(legend: string, value: T, set: (v: T) => void, options: [T, string][]) => (
    <fieldset className="ex-choice" disabled={busy}>
      <legend>{legend}</legend>
      {options.map(([v, label]) => (
        <label key={String(v)}>
          <input type="radio" name={legend} checked={value === v} onChange={() => set(v)} /> {label}
        </label>
      ))}
    </fieldset>
  );
  const tickField = (label: string, value: number, set: (v: number) => void) => (
    <label>
      {label}{' '}
      <input type="number" min={0} max={horizon} value={value} disabled={busy} onChange={(e) => set(Math.floor(Number(e.target.value)))} />
    </label>
  );
  return (
    <Dialog label="Export picture" onClose={close} className="ex-box">
      <h3>Export picture</h3>
      <p className="pn-dim">
        {format === 'report-html' || format === 'report-md'
          ? 'The run as a document for a design review: the scenario, its policy, every verdict with liveness, each violation with its tick and a link to it, the operations with their steps, and the picture of the first violation (or the end).'
          : format === 'gif' || format === 'webm'
            ? 'A range of the run, a frame every few ticks, with the caption burned in. The same range gives the same file.'
            : `The canvas at tick ${clock}, with a caption of the title, the tick and the invariants violated so far. The picture carries the scenario: drop it on the app to open this moment.`}
      </p>
      {choice<Format>('Format', format, setFormat, [
        ['png', 'PNG'],
        ['svg', 'SVG'],
        ['gif', 'GIF (animation)'],
        ['webm', 'WebM (video)'],
        ['report-html', 'Report (HTML)'],
        ['report-md', 'Report (Markdown + PNG)'],
      ])}
      {choice<number>('Scale', scale, setScale, [
        [1, '1×'],
        [2, '2×'],
      ])}
      {choice<Theme>('Theme', theme, setTheme, [
        ['dark', 'Dark'],
        ['light', 'Light (for documents)'],
      ])}
      {(format === 'gif' || format === 'webm') && (
        <fieldset className="ex-choice ex-range">
          <legend>Range (ticks)</legend>
          <p className="pn-dim ex-span" data-testid="export-span" title={span.caption ?? undefined}>
            Ticks {span.from}–{span.to}
            {span.caption === null ? '' : ', the caption at the playhead'}
            {from !== span.from || to !== span.to ? ` (exporting ${from}–${to})` : ''}
            {span.caption === null ? '.' : `: “${span.caption}”`}
          </p>
          {tickField('From', from, setFrom)}
          {tickField('To', to, setTo)}
          <label>
            Every{' '}
            <input
              type="number"
              min={1}
              placeholder="auto"
              value={step ?? ''}
              disabled={busy}
              onChange={(e) => setStep(e.target.value === '' ? null : Math.floor(Number(e.target.value)))}
            />{' '}
            ticks
          </label>
        </fieldset>
      )}
      {problem !== null && (
        <p className="pn-warn" role="alert">
          {problem}
        </p>
      )}
      {progress !== null && (format === 'gif' || format === 'webm') && (
        <p>
          <progress max={progress.total} value={progress.done} aria-label="Export progress" /> Frame {progress.done} of {progress.total}
        </p>
      )}
      <div className="ex-buttons">
        <button type="button" onClick={() => void download()} disabled={busy}>
          {busy ? 'Exporting…' : 'Download'}
        </button>
        <button type="button" onClick={busy ? () => abort.current?.abort() : close}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
