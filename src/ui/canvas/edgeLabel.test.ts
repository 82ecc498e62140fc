import { describe, expect, it } from 'vitest';
import { capLabel, LABEL_CAP } from './edgeLabel';

describe('edge label capping', () => {
  it('keeps a label of up to LABEL_CAP characters whole', () => {
    expect(LABEL_CAP).toBe(28);
    expect(capLabel('T1 · VMID 3 / T2 · VMID 4')).toBe('T1 · VMID 3 / T2 · VMID 4');
    expect(capLabel('x'.repeat(28))).toBe('x'.repeat(28));
  });

  it('cuts a longer one to LABEL_CAP characters, ending in an ellipsis', () => {
    const long = 'T1 · VMID 3 / T2 · VMID 4 / T3 · VMID 5';
    const capped = capLabel(long);
    expect(capped).toBe('T1 · VMID 3 / T2 · VMID 4 /…');
    expect([...capped].length).toBeLessThanOrEqual(LABEL_CAP);
    expect(capLabel('y'.repeat(29))).toBe('y'.repeat(27) + '…');
  });

  it('counts characters, not UTF-16 units, and trims a space before the ellipsis', () => {
    expect(capLabel('a b c d e f g h i j k l m n o p')).toBe('a b c d e f g h i j k l m n…');
    const astral = '𝔸'.repeat(30);
    expect([...capLabel(astral)].length).toBe(28);
  });
});
