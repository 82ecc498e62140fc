// The Explore panel: the search over the open scenario's schedules (its policy — the custom one the
// policy editor edits, when it is open), run in a pool of workers so the canvas keeps running. Its
// bounds, Run and Explore all policies, progress with Cancel, and the results: per invariant and
// liveness a counterexample that opens, or "none found" with what was covered. Loaded only when opened.

import { useEffect, useState } from 'react';
import { useApp } from '../../store/appStore';
import { defaultHorizon } from '../../scenario/horizon';
import { closeExplore } from './exploreOpen';
import { openCounterexample, useExplore, type Bounds, type Explored } from './exploreStore';
import { coverageBrief, coverageWords, findings, type Finding } from './findings';
import { poolSize } from './pool';
import { Dialog } from '../panels/Dialog';
import { AllPoliciesMatrix } from './AllPoliciesMatrix';
import '../matrix/matrix.css';
import './explore.css';

function seconds(s: number): string {
  if (!Number.isFinite(s)) return '—';
  return s < 90 ? `${Math.ceil(s)} s` : `${Math.round(s / 60)} min`;
}

/**
 * The progress line: schedules, states, states per second, the bound, the ETA. The bar shows how far
 * the search is towards whichever ends it first, the budget or the time limit. While the run plays
 * the search rests at each frame (renderHold.ts), and the line says it is slower for it.
 */
function ProgressLine({ budget, timeLimit }: { budget: number; timeLimit: number | null }) {
  // The only part of the panel that follows the progress: the rest re-renders when the search starts or ends.
  const r = useExplore((s) => s.running);
  const playing = useApp((s) => s.playing);
  if (r === null) return null;
  const elapsed = Math.max(0.001, (r.at - r.startedAt) / 1000);
  const p = r.progress;
  const rate = p.states / elapsed;
  const left = p.schedules > 0 ? (elapsed * Math.max(0, budget - p.schedules)) / p.schedules : Infinity;
  const eta = timeLimit === null ? left : Math.min(left, Math.max(0, timeLimit - elapsed));
  const done = Math.min(1, Math.max(p.schedules / budget, timeLimit === null ? 0 : elapsed / timeLimit));
  return (
    <div className="ex-progress" data-testid="explore-progress">
      <progress max={1} value={done} aria-label="Search progress" />
      <span>
        {r.of > 1 && `${r.policy} (${r.index + 1} of ${r.of}) · `}
        <b data-testid="explore-schedules">{p.schedules}</b> schedules · {p.states} states · {Math.round(rate)} states/s · bound {p.bound} ·
        ETA {p.schedules > 0 ? seconds(eta) : '—'}
        {r.of > 1 && ' for this policy'}
        {playing && (
          <span
            data-testid="explore-yields"
            title="The search rests while the page draws each frame of the playing run: the canvas comes first. Pause to give it the cores."
          >
            {' '}
            · slower while the run plays
          </span>
        )}
      </span>
    </div>
  );
}

function Open({ e, f }: { e: Explored; f: Finding }) {
  if (f.found === null) return null;
  const what = f.found.deviations.length === 0 ? 'the default schedule' : `${f.found.deviations.length} deviation(s)`;
  return (
    <button
      onClick={() => {
        closeExplore();
        openCounterexample(e.fragment(), f.found!.open);
      }}
      title={`Open the run under ${e.label} with ${what}: ${f.number} ${f.found.tick === null ? 'fails' : `is violated at t=${f.found.tick}`}`}
    >
      Open
    </button>
  );
}

function Results({ e }: { e: Explored }) {
  const rows = findings(e.result, e.defaults);
  const coverage = coverageWords(e.result, e.options.maxDeviations);
  const brief = coverageBrief(e.result, e.options.maxDeviations);
  return (
    <>
      <p className="pn-small ex-coverage" data-testid="explore-coverage">
        {e.label}, to t={e.options.horizon}: {coverage}
        {e.timedOut && ' — the time limit ended it'}.
      </p>
      <table className="mx-table ex-results" data-testid="explore-results">
        <thead>
          <tr>
            <th scope="col">Invariant</th>
            <th scope="col">Result</th>
            <th scope="col">How</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => (
            <tr key={f.id} data-invariant={f.number} data-result={f.found ? 'counterexample' : 'none'}>
              <th scope="row" title={f.rule}>
                {f.number} <span className="mx-name">{f.id}</span>
              </th>
              {f.found === null ? (
                <>
                  <td className="mx-ok">✓ none found</td>
                  <td className="ex-how">within the bounds: {brief}</td>
                  <td />
                </>
              ) : (
                <>
                  <td className="ex-bad">✗ counterexample{f.found.tick !== null && `, t=${f.found.tick}`}</td>
                  <td className="ex-how">
                    {f.found.deviations.length === 0 ? (
                      <i>the default schedule breaks it (no deviation needed)</i>
                    ) : (
                      <ol>
                        {f.found.deviations.map((d) => (
                          <li key={d}>{d}</li>
                        ))}
                      </ol>
                    )}
                    <div className="ex-message">{f.found.message}</div>
                  </td>
                  <td>
                    <Open e={e} f={f} />
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function Field({ label, name, hint, width = 6 }: { label: string; name: keyof Bounds; hint?: string; width?: number }) {
  const value = useExplore((s) => s.bounds[name]);
  const busy = useExplore((s) => s.running !== null);
  return (
    <label className="ex-field" title={hint}>
      {label}
      <input
        value={value}
        size={width}
        disabled={busy}
        placeholder={hint}
        onChange={(ev) => useExplore.getState().setBounds({ [name]: ev.target.value })}
      />
    </label>
  );
}

export default function ExplorePanel() {
  const scenario = useApp((s) => s.scenario);
  const bounds = useExplore((s) => s.bounds);
  const status = useExplore((s) => s.status);
  const one = useExplore((s) => s.one);
  const all = useExplore((s) => s.all);
  const allPolicies = useExplore((s) => s.allPolicies);
  const runningPolicy = useExplore((s) => s.running?.policy ?? null);
  const running = runningPolicy !== null;
  // Minimised, the panel is a strip at the foot of the window: the search goes on, the canvas is uncovered.
  const [minimised, setMinimised] = useState(false);
  // Closing the panel stops a search still running.
  useEffect(() => () => useExplore.getState().cancel(), []);
  if (scenario === null) return null;
  const policy = scenario.policy.id === 'custom' ? `custom: ${scenario.policy.custom?.name ?? 'custom'}` : scenario.policy.id;
  const { run, cancel } = useExplore.getState();
  const budget = Number(bounds.mode === 'random' ? bounds.samples : bounds.budget) || 1;
  const limit = bounds.timeLimit.trim() === '' ? null : Number(bounds.timeLimit);
  const workers = poolSize();
  const statusLine = (
    <p className="pn-small" role="status" data-testid="explore-status">
      {status ?? (running ? `Exploring ${runningPolicy}…` : '')}
    </p>
  );
  if (minimised)
    return (
      <section className="ex-dock" aria-label="Explore search" data-testid="explore-dock">
        <ProgressLine budget={budget} timeLimit={limit} />
        {statusLine}
        <div className="ex-dock-actions">
          <button onClick={() => setMinimised(false)} title="Show the Explore panel again, with its results">
            Restore
          </button>
          <button onClick={cancel} disabled={!running}>
            Cancel
          </button>
        </div>
      </section>
    );
  return (
    <Dialog label="Explore" onClose={closeExplore} className="mx-box ex-box">
      <h3>
        Explore {scenario.title}
        <span className="pn-dim pn-small"> · policy {policy}</span>
      </h3>
      <p className="pn-small ex-intro">
        Runs the scenario under other schedules — other delays, evictions and operation ticks than the default run's — looking for one that
        breaks an invariant. Systematic: every schedule up to K deviations from the default, within the budget. Random: sampled schedules,
        which is sampling, not coverage.
      </p>
      <div className="ex-form">
        <Field label="Deviations K" name="deviations" width={3} />
        <Field label="Horizon" name="horizon" hint={`${defaultHorizon(scenario)}`} />
        <Field label="Budget (schedules)" name="budget" width={7} />
        <Field label="Time limit (s)" name="timeLimit" width={5} hint="none" />
        <label className="ex-field">
          Mode
          <select
            value={bounds.mode}
            disabled={running}
            onChange={(e) => useExplore.getState().setBounds({ mode: e.target.value as Bounds['mode'] })}
          >
            <option value="systematic">systematic</option>
            <option value="random">random (sampling)</option>
          </select>
        </label>
        {bounds.mode === 'random' && (
          <>
            <Field label="Samples" name="samples" width={6} />
            <Field label="Seed" name="seed" width={6} />
          </>
        )}
      </div>
      <div className="mx-actions ex-actions">
        <span className="pn-small pn-dim">
          {workers} worker{workers === 1 ? '' : 's'}
        </span>
        <button onClick={() => run('one')} disabled={running}>
          Run
        </button>
        <button onClick={() => run('all')} disabled={running}>
          Explore all policies
        </button>
        <button onClick={cancel} disabled={!running}>
          Cancel
        </button>
        <button
          onClick={() => setMinimised(true)}
          title="Keep the search running in a strip at the foot of the window, the canvas uncovered"
        >
          Minimise
        </button>
        <button onClick={closeExplore}>Close</button>
      </div>
      <ProgressLine budget={budget} timeLimit={limit} />
      {statusLine}
      {one !== null && <Results e={one} />}
      {allPolicies.length > 0 && <AllPoliciesMatrix all={all} policies={allPolicies} />}
    </Dialog>
  );
}
