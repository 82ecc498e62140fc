// Frame times and main-thread long tasks on the production build, as the canvas benchmarks record
// them: 600 animation frames with the overlay's count of transactions drawn, and every long task
// that began before the last frame, each with its time from the start.

import type { Page } from '@playwright/test';

type Perf = { frames: number[]; tasks: number[]; taskAt: string[]; inflight: number[]; end: number };

export interface FrameFigures {
  /** The frame at quantile p (0…1), in milliseconds, the first 30 frames left out. */
  q(p: number): number;
  frameCount: number;
  longest: number;
  tasks: number[];
  taskAt: string[];
  inflight: number;
}

/**
 * Records 600 frames. The buttons named in `press` (CSS selectors, or `dialog:<text>` for a
 * dialog's button with that text) are clicked in the task that starts the recording: Playwright's
 * own click runs its actionability checks on the page's main thread, which would show as a long
 * task of the test driver's.
 */
export async function recordFrames(page: Page, press: string[]): Promise<FrameFigures> {
  await page.evaluate((press) => {
    const w = window as unknown as { __perf: Perf; __startedAt: number };
    w.__perf = { frames: [], tasks: [], taskAt: [], inflight: [], end: Infinity };
    const start = performance.now();
    new PerformanceObserver((l) =>
      l.getEntries().forEach((e) => {
        if (e.startTime >= w.__perf.end) return;
        w.__perf.tasks.push(e.duration);
        w.__perf.taskAt.push(`${e.duration.toFixed(0)} ms at +${(e.startTime - start).toFixed(0)} ms`);
      }),
    ).observe({ type: 'longtask', buffered: false });
    let last = start;
    const loop = (t: number) => {
      w.__perf.frames.push(t - last);
      last = t;
      const c = document.querySelector<HTMLCanvasElement>('[data-testid=dma-overlay]');
      w.__perf.inflight.push(Number(c?.dataset.drawn ?? 0));
      if (w.__perf.frames.length < 600) requestAnimationFrame(loop);
      else w.__perf.end = performance.now();
    };
    requestAnimationFrame(loop);
    for (const p of press) {
      const b = p.startsWith('dialog:')
        ? [...document.querySelectorAll<HTMLButtonElement>('[role=dialog] button')].find((x) => x.textContent === p.slice(7))
        : document.querySelector<HTMLButtonElement>(p);
      b!.click();
    }
    w.__startedAt = performance.now();
  }, press);
  await page.waitForFunction(() => (window as unknown as { __perf: Perf }).__perf.end < Infinity, null, { timeout: 60_000 });
  await page.waitForTimeout(300); // the observer reports after the fact
  const perf = await page.evaluate(() => (window as unknown as { __perf: Perf }).__perf);
  const frames = perf.frames.slice(30).sort((a, b) => a - b);
  return {
    q: (p) => frames[Math.min(frames.length - 1, Math.floor(p * frames.length))],
    frameCount: frames.length,
    longest: Math.max(0, ...perf.tasks),
    tasks: perf.tasks,
    taskAt: perf.taskAt,
    inflight: Math.max(...perf.inflight),
  };
}

/** Seconds since the buttons `recordFrames` pressed were pressed. */
export async function secondsSinceStart(page: Page): Promise<number> {
  return page.evaluate(() => (performance.now() - (window as unknown as { __startedAt: number }).__startedAt) / 1000);
}
