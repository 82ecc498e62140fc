// The matrix view's state: whether it is open, and the matrix of the scenario it was computed for
// as its rows arrive. A new scenario or run (another document) computes it again.

import { create } from 'zustand';
import type { Scenario } from '../../sim';
import { MATRIX_INVARIANTS, type Matrix } from '../../report/matrix';
import type { MatrixReply, MatrixRequest } from './protocol';
import { defaultHorizon } from '../../scenario/horizon';
import { choicePairs, type LinkChoices } from '../../scenario/choiceLink';
import { useApp } from '../../store/appStore';

interface MatrixState {
  open: boolean;
  /** The scenario the matrix is for (by identity: each edit or opening makes a new one). */
  of: Scenario | null;
  /** The run's timing it was computed with: a counterexample's for the scenario's own row, or null. */
  choices: LinkChoices | null;
  matrix: Matrix | null;
  done: boolean;
  error: string | null;
  /** Opens (computing the matrix of `scenario` to the end its timeline shows, unless it is known) or closes. */
  setOpen(open: boolean, scenario?: Scenario | null): void;
}

export const useMatrix = create<MatrixState>()((set, get) => {
  let worker: Worker | null = null;
  const stop = () => {
    worker?.terminate();
    worker = null;
  };
  return {
    open: false,
    of: null,
    choices: null,
    matrix: null,
    done: false,
    error: null,
    setOpen(open, scenario = null) {
      if (!open) {
        // A matrix still computing is dropped; a complete one is kept for the same scenario.
        if (!get().done) {
          stop();
          set({ of: null, matrix: null });
        }
        return set({ open: false });
      }
      if (scenario === null) return set({ open: true });
      const until = defaultHorizon(scenario);
      const choices = useApp.getState().choices;
      if (get().of === scenario && get().choices === choices && get().matrix?.until === until && (get().done || worker !== null))
        return set({ open: true });
      stop();
      const matrix: Matrix = {
        scenario: scenario.title,
        mutations: scenario.policy.mutations,
        until,
        invariants: MATRIX_INVARIANTS,
        matrix: {},
        policies: [],
      };
      set({ open: true, of: scenario, choices, matrix, done: false, error: null });
      const w = new Worker(new URL('./matrix.worker.ts', import.meta.url), { type: 'module', name: 'dma-handoff-matrix' });
      worker = w;
      w.onmessage = (e: MessageEvent<MatrixReply>) => {
        if (worker !== w) return;
        const m = e.data;
        if (m.kind === 'row') {
          const cur = get().matrix!;
          set({ matrix: { ...cur, matrix: { ...cur.matrix, [m.row.policy]: m.cells }, policies: [...cur.policies, m.row] } });
        } else {
          stop();
          set(m.kind === 'done' ? { done: true } : { error: m.message });
        }
      };
      w.onerror = () => {
        if (worker !== w) return;
        stop();
        set({ error: 'The matrix could not be computed: its worker stopped.' });
      };
      w.postMessage({ scenario, until, deviations: choicePairs(choices) } satisfies MatrixRequest);
    },
  };
});
