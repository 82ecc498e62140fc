// A large region's pages drawn on one canvas: a region of hundreds of pages would otherwise be
// hundreds of elements, and a system of 256 such regions tens of thousands, which the page takes
// seconds to lay out. The cells sit where the element grid puts them (pageGrid.ts), so the
// overlay's geometry is the same for both; the hover text of the page under the pointer is the
// canvas's title.

import { memo, useEffect, useRef } from 'react';
import { PAGE_CELL, cellCentre, cellAt, gridSize } from './pageGrid';
import { pageFacts } from './pageFacts';
import { SECRET_COLOUR } from '../theme';
import type { PageView } from '../../worker/view';
import { PAGE_BYTES } from '../../scenario/hex';

interface Props {
  pages: PageView[];
  firstPage: number;
  pa: number;
  names: readonly { id: string }[];
  /** Canvas pixels per CSS pixel: fewer in the overview, where a cell is a few screen pixels. */
  scale: number;
}

export const PageCanvas = memo(function PageCanvas({ pages, firstPage, pa, names, scale }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const size = gridSize(pages.length);

  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    ctx.clearRect(0, 0, size.w, size.h);
    const half = PAGE_CELL / 2;
    pages.forEach((p, k) => {
      const f = pageFacts(p, pa + k * PAGE_BYTES, names);
      const c = cellCentre(k);
      const x = c.x - half;
      const y = c.y - half;
      ctx.globalAlpha = f.lentOut ? 0.3 : 0.9;
      ctx.fillStyle = f.colour;
      ctx.fillRect(x, y, PAGE_CELL, PAGE_CELL);
      ctx.globalAlpha = 1;
      if (f.shared) {
        ctx.strokeStyle = '#0005';
        ctx.lineWidth = 3;
        ctx.save();
        ctx.beginPath();
        ctx.rect(x, y, PAGE_CELL, PAGE_CELL);
        ctx.clip();
        ctx.beginPath();
        for (let d = -PAGE_CELL; d < PAGE_CELL; d += 6) {
          ctx.moveTo(x + d, y + PAGE_CELL);
          ctx.lineTo(x + d + PAGE_CELL, y);
        }
        ctx.stroke();
        ctx.restore();
      }
      if (f.borrowers.length > 0) {
        const w = PAGE_CELL / f.borrowers.length;
        f.borrowers.forEach((b, i) => {
          ctx.fillStyle = b;
          ctx.fillRect(x + i * w, y + PAGE_CELL - 5, w, 5);
        });
      }
      if (f.foreign !== null) {
        ctx.fillStyle = f.foreign;
        ctx.strokeStyle = '#1b1f26';
        ctx.lineWidth = 1.5;
        ctx.beginPath();
        ctx.moveTo(x + 5, y + 1);
        ctx.lineTo(x + 9, y + 5);
        ctx.lineTo(x + 5, y + 9);
        ctx.lineTo(x + 1, y + 5);
        ctx.closePath();
        ctx.stroke();
        ctx.fill();
      }
      if (f.secret) {
        ctx.fillStyle = SECRET_COLOUR;
        ctx.beginPath();
        ctx.arc(x + PAGE_CELL - 4.5, y + 4.5, 3.5, 0, 2 * Math.PI);
        ctx.fill();
      }
    });
  }, [pages, pa, names, scale, size.w, size.h]);

  const hover = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    // The node may be drawn at any zoom: the canvas's box gives the factor.
    const k = cellAt(((e.clientX - box.left) * size.w) / box.width, ((e.clientY - box.top) * size.h) / box.height, pages.length);
    e.currentTarget.title = k === null ? '' : pageFacts(pages[k], pa + k * PAGE_BYTES, names).title;
  };

  return (
    <canvas
      ref={ref}
      className="dn-pages dn-pages-canvas"
      width={Math.ceil(size.w * scale)}
      height={Math.ceil(size.h * scale)}
      style={{ width: size.w, height: size.h }}
      data-first-page={firstPage}
      data-pages={pages.length}
      onMouseMove={hover}
    />
  );
});
