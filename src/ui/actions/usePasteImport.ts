// Pasting a scenario's JSON (or a share link) anywhere but a text field opens it.

import { useEffect } from 'react';
import { useApp } from '../../store/appStore';
import { findLink } from '../../scenario/codec';

export function usePasteImport(): void {
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      if ((e.target as HTMLElement | null)?.closest?.('input, textarea, [contenteditable="true"]')) return;
      const text = e.clipboardData?.getData('text/plain')?.trim() ?? '';
      if (text === '') return;
      e.preventDefault();
      // A scenario's JSON may mention a link in a caption: text that opens as an object is JSON.
      const hash = text.startsWith('{') ? null : findLink(text);
      if (hash !== null) void useApp.getState().openLink(hash);
      else useApp.getState().importText(text, 'the pasted text');
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, []);
}
