import { describe, expect, it } from 'vitest';
import { reuse, reuseByKey } from './reuse';

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

describe('structural sharing by key', () => {
  const edge = (id: string, stroke = '#888') => ({ id, style: { stroke } });
  const key = (e: { id: string }) => e.id;

  it('keeps the previous list when nothing changed', () => {
    const prev = [edge('a'), edge('b')];
    expect(reuseByKey(prev, [edge('a'), edge('b')], key)).toBe(prev);
  });

  it('an element added in front leaves every other its identity; a changed one is new', () => {
    const prev = [edge('a'), edge('b'), edge('c')];
    const r = reuseByKey(prev, [edge('new'), edge('a'), edge('b', '#f00'), edge('c')], key);
    expect(r.map((e) => e.id)).toEqual(['new', 'a', 'b', 'c']);
    expect(r[1]).toBe(prev[0]);
    expect(r[3]).toBe(prev[2]);
    expect(r[2]).not.toBe(prev[1]);
    expect(r[2].style.stroke).toBe('#f00');
    // By place, everything after the insertion would have been compared with its neighbour.
    expect(reuse(prev, [edge('new'), edge('a'), edge('b'), edge('c')])[1]).not.toBe(prev[0]);
  });

  it('a removed element leaves the others their identity', () => {
    const prev = [edge('a'), edge('b'), edge('c')];
    const r = reuseByKey(prev, [edge('a'), edge('c')], key);
    expect(r).toHaveLength(2);
    expect(r[0]).toBe(prev[0]);
    expect(r[1]).toBe(prev[2]);
  });
});
