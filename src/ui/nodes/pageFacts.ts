// What a page cell shows, worked out once for the element cells and the canvas alike: the owner's
// colour, lent out (dimmed), shared (striped), its borrowers, a foreign last write, and the hover
// text that says it all in words.

import { O, V, X } from '../../sim';
import { endpointColour, hexAddr } from '../theme';
import type { PageView } from '../../worker/view';

export interface PageFacts {
  colour: string;
  lentOut: boolean;
  shared: boolean;
  secret: boolean;
  /** The colours of the endpoints other than the owner that can access it. */
  borrowers: string[];
  /** The colour of whoever programmed the last DMA write when that is not the data's owner. */
  foreign: string | null;
  title: string;
}

export function pageFacts(page: PageView, pa: number, names: readonly { id: string }[]): PageFacts {
  const own = page.modes[page.owner] ?? 0;
  const lentOut = (own & O) !== 0 && (own & V) === 0;
  const shared = (own & V) !== 0 && (own & X) === 0;
  const borrowers: number[] = [];
  page.modes.forEach((m, e) => {
    if (e !== page.owner && m & V) borrowers.push(e);
  });
  const title = [
    `${hexAddr(pa)} — owner ${names[page.owner]?.id ?? '?'}${lentOut ? ' (lent out: no access)' : shared ? ' (shared)' : ''}`,
    borrowers.length > 0 ? `borrowers: ${borrowers.map((b) => names[b].id).join(', ')}` : '',
    `holds ${names[page.dataOf]?.id ?? '?'}'s data${page.secret ? ' — SECRET' : ''}`,
    page.lastWriteBy >= 0 ? `last DMA write programmed by ${names[page.lastWriteBy].id}` : '',
    page.kind !== 'normal' ? page.kind : '',
  ]
    .filter(Boolean)
    .join('\n');
  return {
    colour: endpointColour(page.owner),
    lentOut,
    shared,
    secret: page.secret,
    borrowers: borrowers.map(endpointColour),
    foreign: page.lastWriteBy >= 0 && page.lastWriteBy !== page.dataOf ? endpointColour(page.lastWriteBy) : null,
    title,
  };
}
