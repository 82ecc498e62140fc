// A message is one plain line whatever the input put in it: characters that move the cursor, end
// the line, start a terminal escape sequence or reorder the text become visible escapes, and a
// long run of text (a field path, a key, a file name) is cut short with an ellipsis in its middle,
// keeping its end: the last field of a path, a closing quote, the colon before the message.

/** Longest run of characters without a space kept whole: a field path, a key, a file name. */
export const MAX_WORD = 200;
/** How much of the end of a long run is kept. */
const WORD_TAIL = 10;
/** Longest message. */
export const MAX_LINE = 1000;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * C0 controls (ESC among them), DEL, C1 controls, the line and paragraph separators, the
 * bidirectional embedding, override and isolate controls, and surrogates without their pair.
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const LONG_WORD = new RegExp(`\\S{${MAX_WORD + 1},}`, 'g');

export function oneLine(text: string): string {
  const escaped = text.replace(UNSAFE, (c) => NAMED[c] ?? escape(c.charCodeAt(0)));
  const words = escaped.replace(LONG_WORD, (w) => head(w, MAX_WORD - WORD_TAIL - 1) + '…' + tail(w, WORD_TAIL));
  return words.length <= MAX_LINE ? words : head(words, MAX_LINE - 1) + '…';
}

const escape = (code: number) => (code <= 0xff ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`);
const hex = (n: number, digits: number) => n.toString(16).padStart(digits, '0');

/** The first `n` characters, or one fewer rather than half a surrogate pair. */
const head = (text: string, n: number) => text.slice(0, /[\ud800-\udbff]/.test(text[n - 1]) ? n - 1 : n);
/** The last `n` characters, or one fewer rather than half a surrogate pair. */
const tail = (text: string, n: number) => text.slice(/[\udc00-\udfff]/.test(text[text.length - n]) ? text.length - n + 1 : text.length - n);
