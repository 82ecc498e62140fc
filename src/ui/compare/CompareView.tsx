// The Compare view: the open scenario under two configurations, A (left) and B (right), on one
// playhead — two canvases, one timeline with a lane each, the verdicts as a diff, and the first tick
// at which the runs diverge with a button to go there. Loaded only when opened.

import { useEffect, useMemo, useState } from 'react';
import { useApp } from '../../store/appStore';
import { MUTATION_IDS, POLICY_IDS, type MutationId, type PolicyId, type Scenario } from '../../sim';
import { configOf, configText, underConfig, type CompareConfig } from '../../scenario/compareConfig';
import { defaultHorizon } from '../../scenario/horizon';
import { choicePairs } from '../../scenario/choiceLink';
import { copyText, shareUrl } from '../actions/share';
import { useCompare } from './compareStore';
import { useRuns } from './useRuns';
import { compareKey } from './compareKeys';
import { useKeyOwner } from '../panels/keyOwner';
import { focusOnOpen } from '../panels/Dialog';
import { RunCanvas } from './RunCanvas';
import { LaneTimeline } from './LaneTimeline';
import { verdictDiff, type DiffItem } from './verdictDiff';
import type { DivergenceReply, DivergenceRequest } from './compare.worker';
import './compare.css';

/** Where the runs part: unknown while computing, null if never within the horizon. */
type Divergence = { state: 'computing' } | { state: 'done'; t: number | null } | { state: 'error'; message: string };

function useDivergence(a: Scenario | null, b: Scenario | null, until: number, deviationsA: [number, number][]): Divergence {
  // The answer, with the runs it is for: an answer for other runs is still computing.
  const [d, setD] = useState<{ of: [Scenario | null, Scenario | null, number, [number, number][]]; d: Divergence } | null>(null);
  useEffect(() => {
    if (a === null || b === null) return;
    const of: [Scenario, Scenario, number, [number, number][]] = [a, b, until, deviationsA];
    const answer = (x: Divergence) => setD({ of, d: x });
    const w = new Worker(new URL('./compare.worker.ts', import.meta.url), { type: 'module', name: 'dma-handoff-compare' });
    w.onmessage = (e: MessageEvent<DivergenceReply>) => {
      answer(e.data.kind === 'done' ? { state: 'done', t: e.data.t } : { state: 'error', message: e.data.message });
      w.terminate();
    };
    w.onerror = () => answer({ state: 'error', message: 'its worker stopped' });
    w.postMessage({ a, b, until, deviationsA } satisfies DivergenceRequest);
    return () => w.terminate();
  }, [a, b, until, deviationsA]);
  return d !== null && d.of[0] === a && d.of[1] === b && d.of[2] === until && d.of[3] === deviationsA ? d.d : { state: 'computing' };
}

function ConfigPicker({
  side,
  value,
  written,
  onChange,
}: {
  side: 'A' | 'B';
  value: CompareConfig | null;
  written: boolean;
  onChange(c: CompareConfig | null): void;
}) {
  const [fallback] = useState<CompareConfig>(value ?? { policy: 'P0', mutations: [] });
  const cur = value ?? fallback;
  const toggle = (m: MutationId) =>
    onChange({ policy: cur.policy, mutations: cur.mutations.includes(m) ? cur.mutations.filter((x) => x !== m) : [...cur.mutations, m] });
  return (
    <fieldset className="cmp-picker" data-testid={`compare-pick-${side}`}>
      <legend>{side}</legend>
      <label>
        Policy{' '}
        <select
          aria-label={`${side}'s policy`}
          value={value === null ? 'written' : value.policy}
          onChange={(e) => onChange(e.target.value === 'written' ? null : { policy: e.target.value as PolicyId, mutations: cur.mutations })}
        >
          {written && <option value="written">as written</option>}
          {POLICY_IDS.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      {value !== null && (
        <span className="cmp-mutations">
          {MUTATION_IDS.map((m) => (
            <label key={m}>
              <input type="checkbox" checked={value.mutations.includes(m)} onChange={() => toggle(m)} /> {m}
            </label>
          ))}
        </span>
      )}
    </fieldset>
  );
}

function DiffList({ title, items, testId }: { title: string; items: DiffItem[]; testId: string }) {
  const at = (t: number | null) => (t === null ? 'held' : `t=${t}`);
  return (
    <div className="cmp-diff-col" data-testid={testId}>
      <h4>{title}</h4>
      {items.length === 0 ? (
        <p className="pn-dim">nothing</p>
      ) : (
        <ul>
          {items.map((i) => (
            <li key={i.what} data-what={i.what}>
              <b>{i.what}</b>
              {(i.a !== null || i.b !== null) && (
                <span className="pn-dim">
                  {' '}
                  A {at(i.a)} · B {at(i.b)}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export default function CompareView() {
  const scenario = useApp((s) => s.scenario);
  const { a: ca, b: cb } = useCompare();
  const close = () => useCompare.getState().setOpen(false);
  const sa = useMemo(() => (scenario === null ? null : ca === null ? scenario : underConfig(scenario, ca)), [scenario, ca]);
  const sb = useMemo(() => (scenario === null ? null : underConfig(scenario, cb)), [scenario, cb]);
  const horizon = scenario === null ? 0 : defaultHorizon(scenario);
  // A as written is the open run, with its timing; the choices index this exact scenario, so A under
  // another configuration, and B, take the default timing.
  const choices = useApp((s) => s.choices);
  const deviationsA = useMemo(() => (ca === null ? choicePairs(choices) : []), [ca, choices]);
  const runs = useRuns(sa, sb, horizon, deviationsA);
  const divergence = useDivergence(sa, sb, horizon, deviationsA);
  // The view owns the keyboard: the playhead keys move the compare playhead, the workbench's keys do nothing behind it.
  useKeyOwner(close, (e) => compareKey(e, runs, horizon));
  if (scenario === null || sa === null || sb === null) return null;
  const written = configOf(scenario);
  const labelA =
    ca === null
      ? `A · as written${written === null ? ' (custom policy)' : ` (${configText(written)})`}${choices !== null ? ` · counterexample timing x=${choices.text}` : ''}`
      : `A · ${configText(ca)}`;
  const labelB = `B · ${configText(cb)}`;
  const complete = runs.a.summary?.complete === true && runs.b.summary?.complete === true;
  const diff = complete ? verdictDiff(runs.a.summary!, runs.b.summary!) : null;
  const copyLink = () => {
    const url = shareUrl();
    if (url !== null) void copyText(`${url}&vs=${configText(cb)}`, `Link copied: it opens this scenario compared with ${configText(cb)}.`);
  };
  return (
    <div
      className="cmp"
      role="dialog"
      aria-modal="true"
      aria-label="Compare two configurations"
      data-testid="compare"
      tabIndex={-1}
      ref={focusOnOpen}
    >
      <header className="cmp-head">
        <h3>
          Compare · {scenario.title} <span className="pn-dim">run to t={horizon}</span>
        </h3>
        <ConfigPicker side="A" value={ca} written onChange={(c) => useCompare.getState().setA(c)} />
        <ConfigPicker side="B" value={cb} written={false} onChange={(c) => c !== null && useCompare.getState().setB(c)} />
        <div className="cmp-head-actions">
          <button onClick={copyLink}>Copy link to this comparison</button>
          <button onClick={close} aria-label="Close Compare (Esc)">
            Close
          </button>
        </div>
      </header>
      <div className="cmp-controls">
        <button onClick={() => runs.step(true)} aria-label="Step back one tick">
          ◀ tick
        </button>
        {runs.playing ? <button onClick={runs.pause}>Pause</button> : <button onClick={runs.play}>Play</button>}
        <button onClick={() => runs.step(false)} aria-label="Step one tick">
          tick ▶
        </button>
        <span className="cmp-now" data-testid="compare-t">
          t={runs.t}
        </span>
        <span className="cmp-divergence" data-testid="compare-divergence" role="status">
          {divergence.state === 'computing' && 'Finding where the runs diverge…'}
          {divergence.state === 'error' && `Where the runs diverge could not be computed: ${divergence.message}.`}
          {divergence.state === 'done' &&
            (divergence.t === null ? (
              `The runs never diverge up to t=${horizon}.`
            ) : (
              <>
                The runs diverge first at <b data-testid="compare-divergence-t">t={divergence.t}</b>{' '}
                <button onClick={() => runs.seek(divergence.t!)}>Go to t={divergence.t}</button>
              </>
            ))}
        </span>
      </div>
      <div className="cmp-canvases">
        <RunCanvas label={labelA} frame={runs.a.frame} view={runs.a.view} testId="compare-canvas-a" />
        <RunCanvas label={labelB} frame={runs.b.frame} view={runs.b.view} testId="compare-canvas-b" />
      </div>
      {(runs.a.error ?? runs.b.error) !== null && (
        <p className="cmp-error" role="alert">
          {runs.a.error !== null && `A: ${runs.a.error} `}
          {runs.b.error !== null && `B: ${runs.b.error}`}
        </p>
      )}
      <LaneTimeline
        a={runs.a.summary}
        b={runs.b.summary}
        horizon={horizon}
        t={runs.t}
        divergence={divergence.state === 'done' ? divergence.t : null}
        labelA={labelA}
        labelB={labelB}
        onSeek={runs.seek}
      />
      <section className="cmp-diff" aria-label="Verdicts as a diff">
        {diff === null ? (
          <p className="pn-dim">Running both configurations to t={horizon}…</p>
        ) : (
          <>
            <DiffList title="Only A breaks" items={diff.onlyA} testId="compare-only-a" />
            <DiffList title="Only B breaks" items={diff.onlyB} testId="compare-only-b" />
            <DiffList title="Both break" items={diff.both} testId="compare-both" />
            <DiffList title="Neither breaks" items={diff.neither} testId="compare-neither" />
          </>
        )}
      </section>
    </div>
  );
}
