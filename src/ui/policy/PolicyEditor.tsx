// The policy editor: start a custom policy from a preset or from nothing, name it, and edit each
// operation's hypervisor steps — add from the palette, reorder (drag, Alt+↑/↓, buttons), remove,
// set arguments. Every change is one store edit (one undo step, autosaved); a change the reader
// refuses is shown beside the step with its field path and reason.

import { useRef, useState } from 'react';
import { produce } from 'immer';
import { POLICY_IDS, POLICIES, POLICY_OPS, presetAsCustom, type PolicyId, type PolicyOp, type StepSpec } from '../../sim';
import { readDocument } from '../../scenario/read';
import { useApp } from '../../store/appStore';
import { edit, type Doc } from '../actions/edits';
import { TextField } from '../editor/fields';
import { adoptCustom, insertStep, moveStep, removeStep, rename, setArg } from './listOps';
import { ARGS, BOOLEAN_ARGS, CHOICES, DOES, OPTIONAL, STEP_KINDS, type StepKind } from './palette';
import { openExplore } from '../explore/exploreOpen';
import './policyEditor.css';

interface Refusal {
  op: PolicyOp;
  /** The step the refused change was at (or would have been added at). */
  at: number;
  /** The kind of a step that was to be added. */
  added?: StepKind;
  path: string;
  message: string;
}

export default function PolicyEditor() {
  const doc = useApp((s) => s.doc);
  const scenario = useApp((s) => s.scenario);
  const [op, setOp] = useState<PolicyOp>('transfer');
  const [focus, setFocus] = useState<number | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [origin, setOrigin] = useState<PolicyId | ''>('P0');
  const [notes, setNotes] = useState<string[]>([]);
  const [drag, setDrag] = useState<number | null>(null);
  /** A step moved by keyboard keeps the focus where it lands. */
  const refocus = useRef(false);
  const takeRefocus = () => {
    const r = refocus.current;
    refocus.current = false;
    return r;
  };
  if (doc === null || scenario === null) return null;
  const custom = doc.policy?.id === 'custom' ? doc.policy.custom : undefined;
  const steps = (custom?.steps[op] ?? []) as StepSpec[];

  /** One store edit; when refused, the reader's first error is kept to show beside the step. */
  const change = (label: string, recipe: (d: Doc) => void, where: Omit<Refusal, 'path' | 'message'>): boolean => {
    if (edit(label, recipe)) {
      setRefusal(null);
      return true;
    }
    const r = readDocument(produce(doc, recipe));
    const first = r.ok ? undefined : r.errors[0];
    setRefusal(first ? { ...where, path: first.path, message: first.message } : null);
    return false;
  };

  const start = () => {
    if (origin === '') {
      change('Custom policy from nothing', (d) => adoptCustom(d, { name: 'my policy', steps: {} }), { op, at: 0 });
      setNotes([]);
      return;
    }
    const conv = presetAsCustom(origin, scenario);
    if (change(`Custom policy from ${origin}`, (d) => adoptCustom(d, conv.custom), { op, at: 0 })) setNotes(conv.notes);
  };

  const move = (from: number, to: number, keyboard = false) => {
    if (to < 0 || to >= steps.length || from === to) return;
    if (change(`Move ${op} step ${from + 1} to ${to + 1}`, (d) => moveStep(d, op, from, to), { op, at: from })) {
      refocus.current = keyboard;
      setFocus(to);
    }
  };
  const add = (kind: StepKind) => {
    const fresh = STEP_KINDS.find((k) => k.kind === kind)!.fresh;
    const at = focus === null ? steps.length : focus + 1;
    const step = fresh.kind === 'tableMap' ? { ...fresh, region: doc.memory?.[0]?.id ?? '' } : fresh;
    if (change(`Add ${kind} to ${op}`, (d) => insertStep(d, op, at, step), { op, at, added: kind })) setFocus(at);
  };
  const remove = (at: number) => {
    if (change(`Remove ${op} step ${at + 1}`, (d) => removeStep(d, op, at), { op, at }))
      setFocus(steps.length > 1 ? Math.min(at, steps.length - 2) : null);
  };

  const refusalRow = (r: Refusal) => (
    <li className="pe-refused" role="alert" data-testid="pe-refusal">
      {r.added && <b>{r.added}</b>} refused — <code>{r.path}</code>: {r.message}
    </li>
  );

  return (
    <div className="pe" data-testid="policy-editor">
      <div className="pe-row">
        <span>Start from</span>
        <select aria-label="Start from" value={origin} onChange={(e) => setOrigin(e.target.value as PolicyId | '')}>
          {POLICY_IDS.map((p) => (
            <option key={p} value={p}>
              {p} {POLICIES[p].name}
            </option>
          ))}
          <option value="">nothing (empty)</option>
        </select>
        <button onClick={start} title="Replaces the scenario's policy with a custom one: the preset's steps for this scenario, or none">
          Start
        </button>
        <button onClick={openExplore} title="Search the schedules of this policy for one that breaks an invariant">
          Explore
        </button>
      </div>
      {custom !== undefined && notes.length > 0 && (
        <div className="pe-notes" data-testid="pe-notes">
          Not exact: the custom policy cannot run as {origin} does here, because
          <ul>
            {notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      )}
      {custom === undefined ? (
        <p className="pe-hint">
          The scenario uses {doc.policy?.id ?? 'P0'}. Start a custom policy from a preset (its steps for this scenario) or from nothing to
          edit the hypervisor's steps.
        </p>
      ) : (
        <>
          <div className="pe-row">
            <span>Name</span>
            <TextField
              label="Policy name"
              value={custom.name}
              onCommit={(v) => change('Rename policy', (d) => rename(d, v), { op, at: 0 })}
            />
          </div>
          <div className="pe-ops" role="tablist" aria-label="Operation">
            {POLICY_OPS.map((o) => (
              <button
                key={o}
                role="tab"
                aria-selected={o === op}
                className={custom.steps[o] ? 'pe-has' : undefined}
                onClick={() => {
                  setOp(o);
                  setFocus(null);
                }}
              >
                {o}
                {custom.steps[o] ? ` (${custom.steps[o].length})` : ''}
              </button>
            ))}
          </div>
          <ol className="pe-steps" aria-label={`Steps of ${op}`}>
            {steps.length === 0 && <li className="pe-hint">No steps: the policy has no {op} (it is refused when asked for).</li>}
            {steps.map((st, i) => (
              <StepRow
                key={`${i}-${st.kind}`}
                st={st}
                i={i}
                n={steps.length}
                doc={doc}
                focused={focus === i}
                takeRefocus={takeRefocus}
                onFocus={() => setFocus(i)}
                onMove={move}
                onRemove={remove}
                onArg={(field, v) => change(`${op} step ${i + 1} ${field}`, (d) => setArg(d, op, i, field, v), { op, at: i })}
                dragging={drag}
                onDrag={setDrag}
                refusal={refusal !== null && refusal.op === op && refusal.at === i ? refusal : null}
                refusalRow={refusalRow}
              />
            ))}
            {refusal !== null && refusal.op === op && refusal.added !== undefined && refusal.at >= steps.length && refusalRow(refusal)}
          </ol>
          <div className="pe-palette" aria-label="Step palette" role="group">
            <h5>Add a step {focus === null ? 'at the end' : `after step ${focus + 1}`}</h5>
            {STEP_KINDS.map((k) => (
              <button key={k.kind} className="pe-add" onClick={() => add(k.kind)} aria-label={`Add ${k.kind}`} title={k.does}>
                <b>+ {k.kind}</b> <span>{k.does}</span>
              </button>
            ))}
          </div>
        </>
      )}
    </div>
  );
}

function StepRow({
  st,
  i,
  n,
  doc,
  focused,
  takeRefocus,
  onFocus,
  onMove,
  onRemove,
  onArg,
  dragging,
  onDrag,
  refusal,
  refusalRow,
}: {
  st: StepSpec;
  i: number;
  n: number;
  doc: Doc;
  focused: boolean;
  /** Whether the step now focused should take the keyboard focus (once). */
  takeRefocus: () => boolean;
  onFocus: () => void;
  onMove: (from: number, to: number, keyboard?: boolean) => void;
  onRemove: (at: number) => void;
  onArg: (field: string, v: string | boolean | undefined) => void;
  dragging: number | null;
  onDrag: (i: number | null) => void;
  refusal: Refusal | null;
  refusalRow: (r: Refusal) => React.ReactNode;
}) {
  const args = st as unknown as Record<string, unknown>;
  const regions = (doc.memory ?? []).map((r) => r.id);
  return (
    <>
      {refusal?.added !== undefined && refusalRow(refusal)}
      <li
        className={`pe-step${focused ? ' pe-focus' : ''}${dragging === i ? ' pe-dragging' : ''}`}
        data-testid="pe-step"
        data-kind={st.kind}
        tabIndex={0}
        draggable
        aria-label={`Step ${i + 1} of ${n}: ${st.kind}`}
        title={DOES[st.kind]}
        ref={(el) => {
          if (focused && el && takeRefocus()) el.focus();
        }}
        onFocus={onFocus}
        onKeyDown={(e) => {
          if (e.target !== e.currentTarget) return;
          if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
            e.preventDefault();
            onMove(i, e.key === 'ArrowUp' ? i - 1 : i + 1, true);
          } else if (e.key === 'Delete') {
            e.preventDefault();
            onRemove(i);
          }
        }}
        onDragStart={(e) => {
          e.dataTransfer.effectAllowed = 'move';
          e.dataTransfer.setData('text/plain', String(i));
          onDrag(i);
        }}
        onDragEnd={() => onDrag(null)}
        onDragOver={(e) => {
          if (dragging !== null) e.preventDefault();
        }}
        onDrop={(e) => {
          e.preventDefault();
          if (dragging !== null) onMove(dragging, i);
          onDrag(null);
        }}
      >
        <span className="pe-n">{i + 1}</span>
        <b className="pe-kind">{st.kind}</b>
        {ARGS[st.kind].map((field) => {
          const label = `Step ${i + 1} ${field}`;
          const v = args[field];
          if (BOOLEAN_ARGS.has(field))
            return (
              <label key={field} className="pe-arg">
                <input
                  type="checkbox"
                  aria-label={label}
                  checked={v === true}
                  onChange={(e) => onArg(field, OPTIONAL.has(field) && !e.target.checked ? undefined : e.target.checked)}
                />{' '}
                {field}
              </label>
            );
          const options: readonly string[] = field === 'region' ? regions : CHOICES[field as keyof typeof CHOICES];
          return (
            <label key={field} className="pe-arg">
              {field}{' '}
              <select
                aria-label={label}
                value={typeof v === 'string' ? v : ''}
                onChange={(e) => onArg(field, e.target.value === '' ? undefined : e.target.value)}
              >
                {(OPTIONAL.has(field) || v === undefined || v === '') && <option value="">{OPTIONAL.has(field) ? 'default' : '—'}</option>}
                {options.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            </label>
          );
        })}
        <span className="pe-tools">
          <button aria-label={`Move step ${i + 1} up`} disabled={i === 0} onClick={() => onMove(i, i - 1)}>
            ↑
          </button>
          <button aria-label={`Move step ${i + 1} down`} disabled={i === n - 1} onClick={() => onMove(i, i + 1)}>
            ↓
          </button>
          <button aria-label={`Remove step ${i + 1}`} onClick={() => onRemove(i)}>
            ×
          </button>
        </span>
      </li>
      {refusal !== null && refusal.added === undefined && refusalRow(refusal)}
    </>
  );
}
