// Editing the open document: every edit goes through Immer and readDocument (a refused one says
// why), enters the undo history, and re-runs the engine — except a layout change, which leaves the
// run as it is. Undo and redo put a document of the history back, with its counterexample timing.

import { produce } from 'immer';
import { toDocument, type ScenarioDocument } from '../scenario/document';
import { errorText, readDocument } from '../scenario/read';
import { record, redo, undo } from './history';
import { insertAtTick, sameButLayout, toggled, withPositions } from './documentChanges';
import type { Actions } from './actions';
import type { Opening } from './opening';
import type { GetState, Reload, SetState } from './storeApi';

export type EditingActions = Pick<
  Actions,
  'setPolicy' | 'toggleMutation' | 'applyLive' | 'moveNode' | 'placeNodes' | 'edit' | 'undo' | 'redo'
>;

export function editing(
  set: SetState,
  get: GetState,
  persist: () => void,
  reload: Reload,
  choicesFor: Opening['choicesFor'],
): EditingActions {
  /** Puts a document in place from history (undo/redo); only a layout change skips the re-run. Returns what to say of the run's timing. */
  const restoreDoc = (doc: ScenarioDocument): string => {
    const r = readDocument(doc);
    if (!r.ok) return '';
    const prev = get().doc;
    if (prev !== null && sameButLayout(prev, doc)) {
      set({ doc, scenario: r.scenario, dirty: true, edited: true });
      persist();
      return '';
    }
    set({ dirty: true, edited: true });
    const said = choicesFor(doc);
    reload(doc, r.scenario, Math.floor(get().clock));
    return said;
  };

  /** The document is about to change by `label`: its present form becomes an undo step. */
  const recordChange = (label: string) => {
    const { doc, past, future } = get();
    if (doc !== null) set({ ...record({ past, future }, doc, label), dirty: true, edited: true });
  };

  const edit = (label: string, recipe: (d: ScenarioDocument) => void): boolean => {
    const { doc, embedded } = get();
    // An embed is a player: nothing in it edits the document it shows.
    if (doc === null || embedded) return false;
    const next = produce(doc, recipe);
    const r = readDocument(next);
    if (!r.ok) {
      set({ notice: { kind: 'error', text: `${label}: refused — ${errorText(r.errors[0])}` } });
      return false;
    }
    recordChange(label);
    const said = choicesFor(next);
    reload(next, r.scenario, Math.floor(get().clock));
    if (said !== '') set({ notice: { kind: 'info', text: said } });
    return true;
  };

  /** Undo or redo: the history's answer is put in place, and the notice names the step. */
  const travel = (step: typeof undo<ScenarioDocument>, done: string) => {
    const { past, future, doc } = get();
    if (doc === null) return;
    const r = step({ past, future }, doc);
    if (r === null) return;
    set({ ...r.history, notice: { kind: 'info', text: `${done}: ${r.label}` } });
    const said = restoreDoc(r.restore);
    if (said !== '') set({ notice: { kind: 'info', text: `${done}: ${r.label}. ${said}` } });
  };

  return {
    setPolicy(id) {
      edit(`Policy ${id}`, (d) => {
        d.policy = { ...d.policy, id };
      });
    },

    toggleMutation(m) {
      edit(`Mutation ${m}`, (d) => {
        d.policy = { ...d.policy, mutations: toggled(d.policy?.mutations ?? [], m) };
      });
    },

    applyLive(op) {
      const at = Math.floor(get().clock);
      const { scenario } = get();
      if (scenario === null) return;
      // Into the document form (hex addresses).
      const [docOp] = toDocument({ ...scenario, script: [{ ...op, at }] }).script ?? [];
      const had = get().choices !== null;
      const ok = edit(`${op.op} at t=${at}`, (d) => insertAtTick((d.script ??= []), docOp, at));
      if (ok) {
        const dropped = had && get().choices === null ? ` ${get().notice?.text ?? ''}` : '';
        set({ notice: { kind: 'info', text: `${op.op} inserted into the script at tick ${at}.${dropped}` } });
      }
    },

    moveNode(id, pos) {
      get().placeNodes({ [id]: pos }, `Move ${id}`);
    },

    placeNodes(positions, label) {
      const { doc, scenario, embedded } = get();
      if (doc === null || embedded) return;
      // Layout only: the run is unchanged, so the engine is not reloaded. One drag or one
      // arrangement, one undo step.
      const next = withPositions(doc, positions);
      recordChange(label);
      set({ doc: next, scenario: scenario && { ...scenario, layout: { ...next.layout } } });
      persist();
    },

    edit,
    undo: () => travel(undo, 'Undone'),
    redo: () => travel(redo, 'Redone'),
  };
}
