// A problem found in a document, named by the field it is in (`devices[0].owner`), the way
// docs/scenario-format.md shows them. The path is empty when the problem is the document as a whole.

export interface FieldError {
  path: string;
  message: string;
}

/** Longest piece of a document a message repeats (a path, a field name, a value), "…" included. */
const ECHO_CHARS = 120;
/** Longest message: room for the longest list of allowed values, never a megabyte of input. */
const MESSAGE_CHARS = 400;

/** A run of characters with no space in it longer than ECHO_CHARS. */
const LONG_RUN = new RegExp(`\\S{${ECHO_CHARS + 1},}`, 'g');

/**
 * The one-line form: `devices[0].owner: no endpoint "Q"`. Every message shown passes through here,
 * so this is where a message is kept short whatever the document held: the path, and any run of
 * characters with no space in it (a field name, an address, a quoted value), is cut to 120
 * characters ending in "…", and the whole message to 400.
 */
export function errorText(e: FieldError): string {
  // Only the start is shown: the rest of a long message is never scanned.
  const message = e.message.slice(0, 2 * MESSAGE_CHARS).replace(LONG_RUN, (run) => clip(run, ECHO_CHARS));
  return clip(e.path === '' ? message : `${clip(e.path, ECHO_CHARS)}: ${message}`, MESSAGE_CHARS);
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
