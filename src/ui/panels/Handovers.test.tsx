// A run of thousands of hand-overs lists the first LIMIT under a count by status; a short run lists
// every one.

import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { Handovers, LIMIT, handoverCounts } from './Handovers';
import type { Handover } from '../../sim';

const handover = (i: number, status: Handover['status']): Handover =>
  ({
    op: 'transfer',
    device: `d${i}`,
    to: 'P',
    status,
    requestedAt: i,
    completedAt: status === 'completed' ? i + 5 : null,
    newOwnerDma: null,
  }) as Handover;
const rows = (html: string) => html.split('data-testid="handover"').length - 1;

describe('the hand-overs in Verdicts', () => {
  it('lists every hand-over of a short run, without a count', () => {
    const html = renderToStaticMarkup(<Handovers handovers={[handover(0, 'completed'), handover(1, 'refused')]} />);
    expect(rows(html)).toBe(2);
    expect(html).not.toContain('handover-counts');
  });

  it('lists the first LIMIT of thousands, under a count by status, with the rest a click away', () => {
    const hs = Array.from({ length: 3968 }, (_, i) => handover(i, i % 50 === 0 ? 'refused' : 'completed'));
    const html = renderToStaticMarkup(<Handovers handovers={hs} />);
    expect(rows(html)).toBe(LIMIT);
    expect(handoverCounts(hs)).toBe('3,968 hand-overs: 80 refused, 3,888 done');
    expect(html).toContain('3,968 hand-overs: 80 refused, 3,888 done');
    expect(html).toContain('Show all 3,968');
  });
});
