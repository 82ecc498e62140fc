// Share: copy a link (to the scenario, or to this moment of it), export a file, import a file — the
// actions of those names.

import { useMemo, useRef, useState } from 'react';
import { shareUrl } from '../actions/share';
import { ActionButton } from '../actions/ActionButton';
import { action, perform, tooltip } from '../actions/registry';
import { LINK_WARN_CHARS } from '../../scenario/codec';
import { useApp } from '../../store/appStore';
import { dropdownClicked, dropdownToggled } from './menus';
import './panels.css';

export function ShareMenu() {
  const file = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const doc = useApp((s) => s.doc);
  const edited = useApp((s) => s.edited);
  // Encoding compresses the whole document: only while the menu is open, once per document.
  const length = useMemo(() => (open && doc !== null ? (shareUrl()?.length ?? 0) : 0), [open, doc, edited]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <details
      className="pn-dropdown"
      onClick={dropdownClicked}
      onToggle={(e) => {
        setOpen(e.currentTarget.open);
        dropdownToggled(e);
      }}
    >
      <summary aria-label="Share">Share</summary>
      <div className="pn-menu" role="menu">
        <ActionButton name="copyLink" role="menuitem">
          {action('copyLink').label} <span className="pn-dim">({length} chars)</span>
        </ActionButton>
        {length > LINK_WARN_CHARS && (
          <p className="pn-warn">This link is over {LINK_WARN_CHARS} characters: some chat tools cut it. Export a file instead.</p>
        )}
        <ActionButton name="copyMomentLink" role="menuitem" />
        <ActionButton name="copyEmbedCode" role="menuitem" />
        <ActionButton name="export" role="menuitem" />
        <ActionButton name="exportImage" role="menuitem" />
        {/* Importing needs the file first: the item opens the chooser, the chosen file performs it. */}
        <button type="button" role="menuitem" data-action="import" title={tooltip(action('import'))} onClick={() => file.current?.click()}>
          {action('import').label}
        </button>
        <input
          ref={file}
          type="file"
          accept=".json,application/json,.png,image/png,.svg,image/svg+xml"
          aria-label="Import scenario file"
          data-action="import"
          hidden
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) perform('import', f);
            e.target.value = '';
          }}
        />
        <p className="pn-dim pn-small">Or drop a .json file or an exported picture on the canvas, or paste its text.</p>
      </div>
    </details>
  );
}
