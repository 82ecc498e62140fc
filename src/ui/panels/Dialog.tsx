// A dialog over the workbench: a dimmed backdrop that closes it when clicked, a box that does not,
// and the keyboard owned by the dialog while it is open (Escape closes it; the workbench's
// shortcuts do not act behind it).

import type { ReactNode } from 'react';
import { useKeyOwner } from './keyOwner';
import './panels.css';

/** Takes the focus into a dialog as it opens, off the button behind it that opened it (a ref callback). */
export function focusOnOpen(el: HTMLElement | null): void {
  if (el !== null && !el.contains(document.activeElement)) el.focus();
}

export function Dialog({
  label,
  onClose,
  className,
  children,
}: {
  /** The dialog's accessible name. */
  label: string;
  onClose(): void;
  /** A class for the box, beside `pn-modal-box`. */
  className?: string;
  children: ReactNode;
}) {
  useKeyOwner(onClose);
  return (
    <div className="pn-modal" role="dialog" aria-label={label} onClick={onClose}>
      <div
        className={className === undefined ? 'pn-modal-box' : `pn-modal-box ${className}`}
        onClick={(e) => e.stopPropagation()}
        tabIndex={-1}
        ref={focusOnOpen}
      >
        {children}
      </div>
    </div>
  );
}
