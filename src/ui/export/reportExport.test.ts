import { describe, expect, it } from 'vitest';
import { keyTick } from './reportExport';

describe("a report's key moment", () => {
  it('is the first violation, whatever the order they come in, or the end of the run', () => {
    expect(keyTick([{ t: 77 }, { t: 49 }], 600)).toBe(49);
    expect(keyTick([], 600)).toBe(600);
  });
});
