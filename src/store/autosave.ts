// Saving the open work in the browser as it changes, without one tab destroying another's. Every
// page writes the same autosave record, marked with the page that wrote it. Before a page writes
// over a record another page left edited (and different from its own work), it keeps that work in
// My scenarios. When a page hears that another saved (BroadcastChannel), it pauses its own saving
// and says so, so two tabs never overwrite each other in turn; the user chooses what happens next.

import { addToLibrary, autosaveRecord, saveAutosave, type Autosave } from './library';
import { readDocument } from '../scenario/read';
import { toDocument } from '../scenario/document';

export type SaveOutcome = 'saved' | 'failed' | 'paused';

const CHANNEL = 'dma-handoff/autosave';
type Message = { type: 'saved' | 'here'; tab: string };

export interface AutosaveEvents {
  /** Another page saved over this one's autosave: this one has paused. */
  otherSaved(): void;
  /** Another page answered this one's save: it is open too, and has paused. */
  otherPaused(): void;
  /** Another page's edited work was kept in My scenarios (under `name`) before it was written over. */
  keptOther(name: string): void;
}

/** The same scenario, whatever defaults or address spelling the two documents use. */
const sameWork = (a: unknown, b: unknown): boolean => {
  const x = readDocument(a);
  const y = readDocument(b);
  return x.ok && y.ok && JSON.stringify(toDocument(x.scenario)) === JSON.stringify(toDocument(y.scenario));
};

export class Autosaver {
  readonly tab = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  private channel: BroadcastChannel | null = null;
  private paused = false;

  constructor(private readonly events: AutosaveEvents) {}

  /** Starts hearing other pages (the app; tests of one page need not). */
  listen(): void {
    if (this.channel !== null || typeof BroadcastChannel !== 'function') return;
    this.channel = new BroadcastChannel(CHANNEL);
    this.channel.onmessage = (e: MessageEvent<Message>) => {
      if (e.data?.tab === this.tab) return;
      if (e.data?.type === 'saved') {
        const wasPaused = this.paused;
        this.paused = true;
        this.post('here');
        if (!wasPaused) this.events.otherSaved();
      } else if (e.data?.type === 'here') this.events.otherPaused();
    };
  }

  get isPaused(): boolean {
    return this.paused;
  }

  /** Saving stops until `resume` (something stored must not be written over yet). */
  hold(): void {
    this.paused = true;
  }

  /** Saving resumes here. */
  resume(): void {
    this.paused = false;
  }

  save(work: Omit<Autosave, 'version' | 'tab'>): SaveOutcome {
    if (this.paused) return 'paused';
    const current = autosaveRecord();
    if (current !== null && current.tab !== undefined && current.tab !== this.tab && current.dirty && !sameWork(current.doc, work.doc)) {
      const title = (current.doc as { title?: unknown } | null)?.title;
      const name = `${typeof title === 'string' ? title : 'Untitled'} (edited in another tab)`;
      if (addToLibrary(name, current.doc) === null) return 'failed';
      this.events.keptOther(name);
    }
    if (!saveAutosave({ ...work, tab: this.tab })) return 'failed';
    this.post('saved');
    return 'saved';
  }

  dispose(): void {
    this.channel?.close();
    this.channel = null;
  }

  private post(type: Message['type']): void {
    this.channel?.postMessage({ type, tab: this.tab } satisfies Message);
  }
}
