// The Export dialog: a picture of the canvas at the playhead as PNG or SVG, at 1× or 2×, in the
// app's dark theme or a light one for documents. The code that draws and encodes the picture is
// loaded only when Download is pressed.

import { useState } from 'react';
import { useApp } from '../../store/appStore';
import { useExportDialog } from './exportDialog';
import type { ImageFormat } from './imageExport';
import type { Theme } from './sceneSvg';
import '../panels/panels.css';
import './export.css';

export function ExportDialog() {
  const open = useExportDialog((s) => s.open);
  const clock = useApp((s) => Math.floor(s.clock));
  const [format, setFormat] = useState<ImageFormat>('png');
  const [scale, setScale] = useState(1);
  const [theme, setTheme] = useState<Theme>('dark');
  const [busy, setBusy] = useState(false);
  if (!open) return null;
  const close = () => useExportDialog.getState().setOpen(false);
  const download = async () => {
    setBusy(true);
    try {
      const { exportImage } = await import('./imageExport');
      await exportImage(format, scale, theme);
      close();
    } finally {
      setBusy(false);
    }
  };
  const choice = <T extends string | number>(legend: string, value: T, set: (v: T) => void, options: [T, string][]) => (
    <fieldset className="ex-choice">
      <legend>{legend}</legend>
      {options.map(([v, label]) => (
        <label key={String(v)}>
          <input type="radio" name={legend} checked={value === v} onChange={() => set(v)} /> {label}
        </label>
      ))}
    </fieldset>
  );
  return (
    <div className="pn-modal" role="dialog" aria-label="Export picture" onClick={close} onKeyDown={(e) => e.key === 'Escape' && close()}>
      <div className="pn-modal-box ex-box" onClick={(e) => e.stopPropagation()}>
        <h3>Export picture</h3>
        <p className="pn-dim">
          The canvas at tick {clock}, with a caption of the title, the tick and the invariants violated so far. The picture carries the
          scenario: drop it on the app to open this moment.
        </p>
        {choice<ImageFormat>('Format', format, setFormat, [
          ['png', 'PNG'],
          ['svg', 'SVG'],
        ])}
        {choice<number>('Scale', scale, setScale, [
          [1, '1×'],
          [2, '2×'],
        ])}
        {choice<Theme>('Theme', theme, setTheme, [
          ['dark', 'Dark'],
          ['light', 'Light (for documents)'],
        ])}
        <div className="ex-buttons">
          <button type="button" onClick={() => void download()} disabled={busy}>
            {busy ? 'Exporting…' : 'Download'}
          </button>
          <button type="button" onClick={close}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
