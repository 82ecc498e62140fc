// The store as its parts take it (savedWork.ts, opening.ts, editing.ts, playback.ts,
// libraryActions.ts): each is a factory of `set` and `get` that appStore.ts composes.

import type { StoreApi } from 'zustand';
import type { Scenario } from '../sim';
import type { ScenarioDocument } from '../scenario/document';
import type { Actions } from './actions';
import type { AppState } from './state';

export type Store = StoreApi<AppState & Actions>;
export type SetState = Store['setState'];
export type GetState = Store['getState'];

/** Replaces the document and reloads the engine at `at` (the playhead by default), with the run's timing. */
export type Reload = (doc: ScenarioDocument, scenario: Scenario, at: number, playing?: boolean) => void;
