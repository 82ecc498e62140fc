// The script: every operation with its tick (edit the tick to move it in time), its text, and its
// JSON for editing (including DMA descriptors); insert a new one; delete. Each change is one
// validated, undoable edit.

import { useState } from 'react';
import { useApp } from '../../store/appStore';
import { errorText, readDocument } from '../../scenario/read';
import { opText } from '../panels/format';
import { NumberField } from './fields';
import { edit, type Doc } from '../actions/edits';

type Op = NonNullable<Doc['script']>[number];

/** The operation as one line, read like any document so addresses print as the engine sees them. */
function describe(doc: Doc, op: Op): string {
  const r = readDocument({ ...doc, script: [op], captions: [] });
  return r.ok ? opText(r.scenario.script[0]) : op.op;
}

/** Where an operation at tick `at` goes: after those already at its tick, so the script stays in time order. */
const slot = (list: { at: number }[], at: number) => {
  const k = list.findIndex((o) => o.at > at);
  return k < 0 ? list.length : k;
};

export function ScriptEditor({ doc }: { doc: Doc }) {
  const ops = doc.script ?? [];
  const [open, setOpen] = useState<number | null>(null);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState('');
  const [adding, setAdding] = useState(false);

  const done = () => {
    setOpen(null);
    setAdding(false);
    setError('');
  };
  /**
   * Puts the operation typed as JSON into the script (in place of operation `replacing`, if any).
   * It is text from the user: the script with it in place is read like any document, and refused
   * with the message of the field that is wrong.
   */
  const insert = (replacing: number | null) => {
    let v: unknown;
    try {
      v = JSON.parse(draft);
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('an operation is a JSON object');
    } catch (e) {
      return setError(`Not JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
    const op: { op?: unknown; at?: unknown } = v;
    const label = `${replacing === null ? 'Insert' : 'Edit'} ${String(op.op)} at t=${String(op.at)}`;
    const rest = ops.filter((_, k) => k !== replacing);
    const k = slot(rest, typeof op.at === 'number' ? op.at : NaN);
    const script = [...rest.slice(0, k), v, ...rest.slice(k)];
    const r = readDocument({ ...doc, script });
    if (!r.ok) {
      const text = `${label}: refused — ${errorText(r.errors[0])}`;
      useApp.getState().setNotice({ kind: 'error', text });
      return setError(text);
    }
    if (edit(label, (d) => void (d.script = r.document.script))) done();
    else setError(useApp.getState().notice?.text ?? 'refused');
  };

  return (
    <div className="ed-script">
      <ol>
        {ops.map((o, i) => (
          <li key={i} data-testid="ed-op">
            <div className="ed-row">
              <NumberField
                label={`operation ${i + 1} tick`}
                value={o.at}
                width={52}
                onCommit={(t) =>
                  edit(`Move ${o.op} to t=${t}`, (d) => {
                    const script = (d.script ??= []);
                    const [moved] = script.splice(i, 1);
                    moved.at = t;
                    script.splice(slot(script, t), 0, moved);
                  })
                }
              />
              <span className="ed-op-text">{describe(doc, o)}</span>
              <button
                aria-label={`Edit operation ${i + 1}`}
                onClick={() => {
                  setOpen(open === i ? null : i);
                  setDraft(JSON.stringify(o, null, 1));
                  setError('');
                }}
              >
                ✎
              </button>
              <button
                aria-label={`Delete operation ${i + 1}`}
                onClick={() => edit(`Delete ${o.op} at t=${o.at}`, (d) => void d.script?.splice(i, 1))}
              >
                ×
              </button>
            </div>
            {open === i && (
              <div className="ed-json">
                <textarea
                  aria-label={`Operation ${i + 1} JSON`}
                  value={draft}
                  onChange={(e) => setDraft(e.target.value)}
                  rows={6}
                  spellCheck={false}
                />
                <button onClick={() => insert(i)}>Apply</button>
              </div>
            )}
          </li>
        ))}
      </ol>
      {adding ? (
        <div className="ed-json">
          <textarea aria-label="New operation JSON" value={draft} onChange={(e) => setDraft(e.target.value)} rows={6} spellCheck={false} />
          <button onClick={() => insert(null)}>Insert</button>
          <button onClick={() => setAdding(false)}>Cancel</button>
        </div>
      ) : (
        <button
          onClick={() => {
            const dev = doc.devices?.[0];
            const at = Math.floor(useApp.getState().clock);
            setDraft(
              JSON.stringify(
                dev
                  ? {
                      at,
                      op: 'program',
                      device: dev.id,
                      by: dev.owner ?? '',
                      dma: [{ iova: '0x40000000', pages: 1, dir: 'read', loop: true, every: 5 }],
                    }
                  : { at, op: 'smmuDisable' },
                null,
                1,
              ),
            );
            setAdding(true);
            setError('');
          }}
        >
          + operation
        </button>
      )}
      {error && <p className="ed-error">{error}</p>}
    </div>
  );
}
