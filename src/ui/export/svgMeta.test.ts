import { describe, expect, it } from 'vitest';
import { metadataElement, readSvgPayload, xmlEscape } from './svgMeta';

describe('the SVG metadata', () => {
  it('carries a payload with XML special characters there and back', () => {
    const payload = `s=2.AbC&t=60&sel=v0 <"it's">`;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg">${metadataElement(payload)}<rect/></svg>`;
    expect(svg).not.toContain('<"');
    expect(readSvgPayload(svg)).toBe(payload);
  });

  it('finds none in an SVG without ours', () => {
    expect(readSvgPayload('<svg xmlns="http://www.w3.org/2000/svg"><metadata><x>1</x></metadata></svg>')).toBeNull();
    expect(readSvgPayload('<svg/>')).toBeNull();
  });

  it('escapes the five special characters', () => {
    expect(xmlEscape(`a&b<c>d"e'f`)).toBe('a&#38;b&#60;c&#62;d&#34;e&#39;f');
  });
});
