// The scenario an exported SVG carries: a moment's link fragment in its <metadata>, written and read
// back as plain text so that it survives any XML tool that keeps metadata.

/** The keyword of the PNG chunk and the name of the SVG metadata element. */
export const META_KEY = 'dma-handoff';
const NS = 'urn:dma-handoff:moment';

/** `text` with the five XML special characters escaped, for element content and attribute values. */
export function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function xmlUnescape(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (e[0] !== '#') return named[e.toLowerCase()];
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** The <metadata> element carrying `payload`. */
export function metadataElement(payload: string): string {
  return `<metadata><${META_KEY} xmlns="${NS}">${xmlEscape(payload)}</${META_KEY}></metadata>`;
}

/** The payload an SVG document's <metadata> carries, or null when it carries none of ours. */
export function readSvgPayload(svg: string): string | null {
  const m = new RegExp(`<metadata>\\s*<${META_KEY} xmlns="${NS}">([^<]*)</${META_KEY}>`).exec(svg);
  return m === null ? null : xmlUnescape(m[1]);
}
