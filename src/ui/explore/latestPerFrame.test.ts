import { describe, expect, it } from 'vitest';
import { latestPerFrame } from './latestPerFrame';

function frames() {
  const queue: (() => void)[] = [];
  return { schedule: (cb: () => void) => queue.push(cb), flush: () => queue.splice(0).forEach((cb) => cb()), size: () => queue.length };
}

describe('latestPerFrame', () => {
  it('hands on the latest value once a frame', () => {
    const f = frames();
    const seen: number[] = [];
    const l = latestPerFrame<number>((v) => seen.push(v), f.schedule);
    for (let i = 1; i <= 100; i++) l.push(i);
    expect(f.size()).toBe(1);
    expect(seen).toEqual([]);
    f.flush();
    expect(seen).toEqual([100]);
    l.push(101);
    f.flush();
    expect(seen).toEqual([100, 101]);
  });

  it('drops a value cancelled before its frame', () => {
    const f = frames();
    const seen: number[] = [];
    const l = latestPerFrame<number>((v) => seen.push(v), f.schedule);
    l.push(1);
    l.cancel();
    f.flush();
    expect(seen).toEqual([]);
  });
});
