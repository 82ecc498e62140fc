// The user's actions on the app's state, as the store offers them (appStore.ts implements them).

import type { ScriptOp, PolicyId, MutationId } from '../sim';
import type { ScenarioDocument } from '../scenario/document';
import type { SimClient } from '../worker/client';
import type { SessionEnv } from '../worker/session';
import type { ReadResult } from '../scenario/read';
import type { Alert, AppState, Selection } from './state';

export interface Actions {
  /**
   * Connects the engine host. With `restart` (how to make a new one), a host that stops answering
   * for two seconds (worker/session.ts) or crashes is replaced and reloaded at the playhead; the document is untouched.
   */
  connect(client: SimClient, restart?: () => SimClient, env?: Partial<SessionEnv>): void;
  /** Opens a document read by readDocument; returns the errors when it is not a valid scenario. */
  open(read: ReadResult, opts?: { galleryId?: string | null; at?: number; edited?: boolean; dirty?: boolean }): string[] | null;
  openGallery(id: string): string[] | null;
  setPolicy(id: PolicyId): void;
  toggleMutation(m: MutationId): void;
  /** A live operation: inserted into the script at the playhead, then the run restarts there. */
  applyLive(op: ScriptOp): void;
  moveNode(id: string, pos: [number, number]): void;
  /** Places many nodes at once (arranging the canvas): one undo step. */
  placeNodes(positions: Record<string, [number, number]>, label: string): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  seek(t: number): void;
  /** One event, tick or scripted operation forward, or with `back` the same back (a seek). */
  step(unit: 'event' | 'tick' | 'op', back?: boolean): void;
  setSpeed(ticksPerSecond: number): void;
  select(s: Selection): void;
  setNotice(n: AppState['notice']): void;
  setLogFilter(f: Partial<AppState['logFilter']>): void;
  setShortcutsOpen(open: boolean): void;
  /**
   * A labelled edit of the document, validated before it happens: refused with a message (and no
   * change) when the result would not be a valid scenario. Enters the undo history.
   */
  edit(label: string, recipe: (d: ScenarioDocument) => void): boolean;
  undo(): void;
  redo(): void;
  /**
   * Opens what a location hash names (`#s=…` or `#g=…`): whether it opened (false, with a message,
   * when it is bad), or the promise of that when the link is decoded in a worker (linkDecoder.ts).
   * `whenOpened` (store/opened.ts) takes either.
   */
  openLink(hash: string): boolean | Promise<boolean>;
  /** Opens a scenario file or pasted text; false (with a message naming the problem) when bad. */
  importText(text: string, source: string): boolean;
  /** The current scenario as a share link fragment (`s=2.…`), with its timing (`&x=…`) when it is a counterexample's. */
  linkFragment(): string | null;
  /** Drops the counterexample's timing (`&x=`): the same scenario runs with the default choices; the notice offers Undo. */
  dropChoices(): void;
  /** A link fragment to this moment: the scenario, the playhead's tick and the selection. */
  momentFragment(): string | null;
  saveToLibrary(name?: string): void;
  openFromLibrary(id: string): void;
  renameInLibrary(id: string, name: string): void;
  deleteFromLibrary(id: string): void;
  setPresenting(on: boolean): void;
  /** Presentation: run to the next caption / seek to the previous one. */
  caption(dir: 1 | -1): void;
  /** Presentation: seek to the first or the last caption. */
  captionAt(which: 'first' | 'last'): void;
  setBlank(blank: boolean): void;
  /** Disposes the engine session and puts back the initial state (tests start from it). */
  reset(): void;
  /** Hears other tabs of the app saving (start-up; tests of one page need not). */
  listenToOtherTabs(): void;
  /** Start-up: opens the autosaved work as it was left; saved data that cannot be read is set aside and said. */
  restoreSavedWork(): void;
  dismissAlert(id: Alert['id']): void;
}
