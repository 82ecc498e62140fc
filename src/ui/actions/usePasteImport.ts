// Pasting a scenario's JSON (or a share link) anywhere but a text field opens it.

import { useEffect } from 'react';
import { useApp } from '../../store/appStore';

export function usePasteImport(): void {
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      if ((e.target as HTMLElement | null)?.closest?.('input, textarea, [contenteditable="true"]')) return;
      const text = e.clipboardData?.getData('text/plain')?.trim() ?? '';
      if (text === '') return;
      e.preventDefault();
      const hash = /#(?:.*&)?[sg]=.*/.exec(text)?.[0];
      if (hash !== undefined) useApp.getState().openLink(hash);
      else useApp.getState().importText(text, 'the pasted text');
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, []);
}
