// Text for operations, modes and ticks, shared by the panels.

import { O, R, V, W, X } from '../../sim';

// Operations and durations are written the same way in the app and in reports.
export { duration, opText } from '../../scenario/describe';

/** Mode bits as Hafnium writes them: V O X, plus R W. */
export function modeText(m: number): string {
  if ((m & (V | O)) === 0) return '—';
  return [m & V ? 'V' : '!V', m & O ? 'O' : '!O', m & X ? 'X' : '!X', (m & R ? 'R' : '') + (m & W ? 'W' : '')].filter(Boolean).join(' ');
}
