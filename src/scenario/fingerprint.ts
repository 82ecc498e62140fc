// A link's record of the run it showed: the model version and the first 8 hex digits of the run's
// trace hash (`&model=1&trace=354e568c`). Opened by the same model, the run is the same; opened
// by another, the app says whether the run still matches.

export interface Fingerprint {
  model: number;
  /** Null when the run was not yet computed to its end when the link was made. */
  trace: string | null;
}

const TRACE_DIGITS = 8;

/** The link parameters that record a run (without a leading `&`). */
export function fingerprintParams(model: number, traceHash: string | null): string {
  return `model=${model}${traceHash === null ? '' : `&trace=${traceHash.slice(0, TRACE_DIGITS)}`}`;
}

/** The fingerprint a link's fragment carries, or null when it carries none (or a malformed one). */
export function readFingerprint(hash: string): Fingerprint | null {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const model = p.get('model');
  if (model === null || !/^\d{1,6}$/.test(model)) return null;
  const trace = p.get('trace');
  return { model: Number(model), trace: trace !== null && /^[0-9a-f]{8}$/.test(trace) ? trace : null };
}

/** What to say when a link made by `recorded` opens here, given this model and the run's trace; null when nothing needs saying. */
export function fingerprintMessage(recorded: Fingerprint, model: number, traceHash: string): string | null {
  const now = traceHash.slice(0, TRACE_DIGITS);
  const same = recorded.trace === null ? null : recorded.trace === now;
  if (recorded.model === model && same !== false) return null;
  const made =
    recorded.model === model
      ? 'This link was made with this model'
      : `This link was made with model version ${recorded.model}; this is version ${model}`;
  if (same === null) return `${made}. It recorded no run to compare with.`;
  return same
    ? `${made}, and the run is the same (trace ${now}).`
    : `${made}: the run differs from the one the link recorded (trace ${recorded.trace}, now ${now}). What it shows may not be what its author saw.`;
}
