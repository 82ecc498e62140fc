import { describe, expect, it } from 'vitest';
import { reuse } from './share';

const view = () => ({
  now: 10,
  devices: [
    { id: 'D0', outstanding: 3, streams: [17] },
    { id: 'D1', outstanding: 0, streams: [18] },
  ],
  smmu: { ste: [{ sid: 17, valid: true }], eventq: { count: 0 } },
});

describe('structural sharing between two views', () => {
  it('keeps the previous view whole when nothing changed', () => {
    const prev = view();
    expect(reuse(prev, view())).toBe(prev);
  });

  it('replaces only the path to a change; every untouched part keeps its identity', () => {
    const prev = view();
    const next = view();
    next.devices[1].outstanding = 4;
    const r = reuse(prev, next);
    expect(r).not.toBe(prev);
    expect(r).toEqual(next);
    expect(r.devices).not.toBe(prev.devices);
    expect(r.devices[1]).not.toBe(prev.devices[1]);
    expect(r.devices[0]).toBe(prev.devices[0]);
    expect(r.devices[1].streams).toBe(prev.devices[1].streams);
    expect(r.smmu).toBe(prev.smmu);
  });

  it('follows a list that grew or shrank, and an object that gained or lost a key', () => {
    const prev = view();
    const grown = view();
    grown.devices.push({ id: 'D2', outstanding: 1, streams: [19] });
    const r = reuse(prev, grown);
    expect(r.devices).toEqual(grown.devices);
    expect(r.devices[0]).toBe(prev.devices[0]);
    const shrunk = view();
    shrunk.devices.pop();
    expect(reuse(prev, shrunk).devices).toEqual([prev.devices[0]]);

    const a = { x: 1, y: 2 } as Record<string, number | undefined>;
    // Same number of keys, different names: not the same object.
    expect(reuse(a, { x: 1, z: 2 })).toEqual({ x: 1, z: 2 });
    expect(reuse(a, { x: 1, y: undefined })).toEqual({ x: 1, y: undefined });
    expect(reuse({ x: 1 } as Record<string, unknown>, { x: 1, y: undefined })).toEqual({ x: 1, y: undefined });
    expect(reuse({ x: 1, y: 2 } as Record<string, unknown>, { x: 1 })).toEqual({ x: 1 });
  });

  it('never shares typed arrays: they are transferred buffers, new each frame', () => {
    const prev = { now: 1, packed: new Float64Array([1, 2]) };
    const next = { now: 1, packed: new Float64Array([1, 2]) };
    const r = reuse(prev, next);
    expect(r).not.toBe(prev);
    expect(r.packed).toBe(next.packed);
  });
});
