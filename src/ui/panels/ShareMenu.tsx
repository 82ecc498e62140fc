// Share: copy a link, export a file, import a file.

import { useMemo, useRef, useState } from 'react';
import { copyLink, exportFile, importFile, shareUrl } from '../actions/share';
import { LINK_WARN_CHARS } from '../../scenario/codec';
import { useApp } from '../../store/appStore';
import { alignDropdown } from './dropdown';
import './panels.css';

export function ShareMenu() {
  const file = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const doc = useApp((s) => s.doc);
  const dirty = useApp((s) => s.dirty);
  // Encoding compresses the whole document: only while the menu is open, once per document.
  const length = useMemo(() => (open && doc !== null ? (shareUrl()?.length ?? 0) : 0), [open, doc, dirty]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <details
      className="pn-dropdown"
      onToggle={(e) => {
        setOpen(e.currentTarget.open);
        alignDropdown(e);
      }}
    >
      <summary aria-label="Share">Share</summary>
      <div className="pn-menu" role="menu">
        <button role="menuitem" onClick={() => void copyLink()}>
          Copy link <span className="pn-dim">({length} chars)</span>
        </button>
        {length > LINK_WARN_CHARS && (
          <p className="pn-warn">This link is over {LINK_WARN_CHARS} characters: some chat tools cut it. Export a file instead.</p>
        )}
        <button role="menuitem" onClick={exportFile}>
          Export .json file
        </button>
        <button role="menuitem" onClick={() => file.current?.click()}>
          Import .json file…
        </button>
        <input
          ref={file}
          type="file"
          accept=".json,application/json"
          aria-label="Import scenario file"
          hidden
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void importFile(f);
            e.target.value = '';
          }}
        />
        <p className="pn-dim pn-small">Or drop a .json file on the canvas, or paste its text.</p>
      </div>
    </details>
  );
}
