// Toolbar dropdowns open towards the side with room: the toolbar wraps on narrow screens, so the
// same button can sit at the left edge (open rightwards) or near the right edge (open leftwards).

import type { SyntheticEvent } from 'react';

/** A `<details>` onToggle handler: on opening, aligns its menu where it fits in the viewport. */
export function alignDropdown(e: SyntheticEvent<HTMLDetailsElement>): void {
  const d = e.currentTarget;
  if (!d.open) return;
  const menu = d.querySelector<HTMLElement>('.pn-menu');
  if (menu === null) return;
  const room = window.innerWidth - d.getBoundingClientRect().left;
  d.dataset.align = room < menu.offsetWidth + 8 ? 'right' : 'left';
}
