// The script: every operation with its tick (edit the tick to move it in time), its text, and its
// JSON for editing (including DMA descriptors); insert a new one; delete. Each change is one
// validated, undoable edit.

import { useState } from 'react';
import { useApp } from '../../store/appStore';
import { parseScenario } from '../../scenario/parse';
import { opText } from '../panels/format';
import { NumberField } from './fields';
import { edit, type Doc } from '../actions/edits';

type Op = Record<string, unknown> & { at: number; op: string };
const script = (d: Doc) => d.script as Op[];

/** The operation as one line, read through the parser so addresses print as the engine sees them. */
function describe(doc: Doc, i: number): string {
  const r = parseScenario({ ...doc, script: [script(doc)[i]], captions: [] });
  return r.ok ? opText(r.scenario.script[0]) : script(doc)[i].op;
}

export function ScriptEditor({ doc }: { doc: Doc }) {
  const ops = script(doc);
  const [open, setOpen] = useState<number | null>(null);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState('');
  const [adding, setAdding] = useState(false);

  const apply = (label: string, recipe: (d: Doc) => void) => {
    if (edit(label, recipe)) {
      setOpen(null);
      setAdding(false);
      setError('');
    } else setError(useApp.getState().notice?.text ?? 'refused');
  };
  const parse = (): Op | null => {
    try {
      const v = JSON.parse(draft) as Op;
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('an operation is a JSON object');
      return v;
    } catch (e) {
      setError(`Not JSON: ${(e as Error).message}`);
      return null;
    }
  };
  // The script stays in time order: an operation moved or inserted goes after those at its tick.
  const place = (list: Op[], op: Op) => {
    let k = list.findIndex((o) => o.at > op.at);
    if (k < 0) k = list.length;
    list.splice(k, 0, op);
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
                    const [moved] = script(d).splice(i, 1);
                    moved.at = t;
                    place(script(d), moved);
                  })
                }
              />
              <span className="ed-op-text">{describe(doc, i)}</span>
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
                onClick={() => edit(`Delete ${o.op} at t=${o.at}`, (d) => void script(d).splice(i, 1))}
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
                <button
                  onClick={() => {
                    const v = parse();
                    if (v)
                      apply(`Edit ${v.op} at t=${v.at}`, (d) => {
                        script(d).splice(i, 1);
                        place(script(d), v);
                      });
                  }}
                >
                  Apply
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
      {adding ? (
        <div className="ed-json">
          <textarea aria-label="New operation JSON" value={draft} onChange={(e) => setDraft(e.target.value)} rows={6} spellCheck={false} />
          <button
            onClick={() => {
              const v = parse();
              if (v) apply(`Insert ${v.op} at t=${v.at}`, (d) => place(script(d), v));
            }}
          >
            Insert
          </button>
          <button onClick={() => setAdding(false)}>Cancel</button>
        </div>
      ) : (
        <button
          onClick={() => {
            const dev = (doc.devices as { id: string; owner: string | null }[])[0];
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
