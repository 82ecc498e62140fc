// The engine's frames as they arrive, for the overlay: never rendered by React. `latest` is the
// last one (null while a scenario is being opened), so an overlay that mounts later starts from it.

import type { Frame } from './protocol';

export class FrameBus {
  latest: Frame | null = null;
  private listeners = new Set<(f: Frame | null) => void>();

  /** Calls `cb` with every frame from now on; returns the unsubscribe. */
  subscribe(cb: (f: Frame | null) => void): () => void {
    this.listeners.add(cb);
    return () => void this.listeners.delete(cb);
  }

  publish(f: Frame | null): void {
    this.latest = f;
    for (const cb of this.listeners) cb(f);
  }

  clear(): void {
    this.latest = null;
    this.listeners.clear();
  }
}
