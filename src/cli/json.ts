// JSON for people and scripts alike: indented, but any object or array that fits on one line is
// kept on one line, so a matrix row or a violation reads at a glance. Characters a terminal acts
// on or that reorder or break the line are escaped even where JSON allows them raw, so a
// scenario's own text (a title, a caption) cannot act on the terminal the report is printed to.

const WIDTH = 200;

/** DEL, C1 controls, line and paragraph separators, bidirectional controls: JSON.stringify escapes only C0. */
const RAW = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function formatJson(value: unknown): string {
  // Outside its strings JSON text is ASCII, so these can only be inside strings, where \uXXXX means the same.
  return layout(value, '').replace(RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function layout(value: unknown, indent: string): string {
  const flat = JSON.stringify(value);
  if (flat === undefined) return 'null';
  if (typeof value !== 'object' || value === null || flat.length + indent.length <= WIDTH) return flat;
  const inner = indent + '  ';
  if (Array.isArray(value)) return `[\n${value.map((v) => inner + layout(v, inner)).join(',\n')}\n${indent}]`;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${layout(v, inner)}`).join(',\n')}\n${indent}}`;
}
