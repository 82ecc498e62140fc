// A button that names its action: label, tooltip (label and shortcut), enabled state and onClick
// all come from the actions table, so a button cannot disagree with the keyboard or the list.

import type { ReactNode } from 'react';
import { useApp } from '../../store/appStore';
import { action, perform, tooltip, type ButtonAction } from './registry';

interface Props {
  name: ButtonAction;
  /**
   * Drawn instead of text (an icon, a glyph): the action's label is then the accessible name.
   * Without it the button shows `children`, or else the label, and that text names it.
   */
  icon?: ReactNode;
  children?: ReactNode;
  className?: string;
  role?: 'menuitem';
}

export function ActionButton({ name, icon, children, className, role }: Props) {
  const a = action(name);
  const label = useApp((s) => a.labelNow?.(s) ?? a.label);
  const title = useApp((s) => tooltip(a, s));
  const enabled = useApp((s) => a.enabled?.(s) ?? true);
  return (
    <button
      type="button"
      data-action={name}
      className={className}
      role={role}
      aria-label={icon === undefined ? undefined : label}
      title={title}
      disabled={!enabled}
      onClick={() => perform(name)}
    >
      {icon ?? children ?? label}
    </button>
  );
}
