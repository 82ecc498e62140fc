// The embed's postMessage API (docs/embed.md). The host page sends commands; the player answers
// with events. Every message is an object with `type`; anything else gets an `error` event naming
// what is wrong, and changes nothing.

/** A command from the host page. */
export type HostCommand = { type: 'load'; link: string } | { type: 'seek'; t: number } | { type: 'play' } | { type: 'pause' };

/** An event the player sends to the host page. */
export type PlayerEvent =
  | { type: 'ready'; title: string | null; horizon: number }
  | { type: 'tick'; t: number; playing: boolean }
  | { type: 'violation'; invariant: string; number: string; t: number; message: string }
  | { type: 'error'; message: string };

export type Read = { ok: true; command: HostCommand } | { ok: false; message: string };

/** Reads a message's data as a command. */
export function readCommand(data: unknown): Read {
  if (typeof data !== 'object' || data === null || !('type' in data) || typeof data.type !== 'string')
    return { ok: false, message: 'a message to the player is an object with a "type" (load, seek, play or pause)' };
  const d = data as Record<string, unknown>;
  switch (d.type) {
    case 'play':
    case 'pause':
      return { ok: true, command: { type: d.type } };
    case 'seek':
      if (typeof d.t !== 'number' || !Number.isInteger(d.t) || d.t < 0)
        return { ok: false, message: `seek needs "t", a whole tick ≥ 0 (got ${JSON.stringify(d.t)})` };
      return { ok: true, command: { type: 'seek', t: d.t } };
    case 'load': {
      const fragment = typeof d.link === 'string' ? d.link.slice(d.link.indexOf('#') + 1) : '';
      if (!/(?:^|&)(s|g)=/.test(fragment))
        return { ok: false, message: 'load needs "link", a link or its fragment naming a scenario (#g=… or #s=…)' };
      return { ok: true, command: { type: 'load', link: fragment } };
    }
    default:
      return { ok: false, message: `unknown message type "${d.type}": the player knows load, seek, play and pause` };
  }
}
