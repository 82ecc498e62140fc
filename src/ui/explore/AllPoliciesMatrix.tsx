// Explore all policies, as a table: rows policies, columns invariants and liveness. ✓ none found
// within the bounds (the coverage on hover), ✗ a counterexample — a button that opens it. Rows
// still to run show as waiting; the table fills in as each policy's search ends.

import { INVARIANTS, LIVENESS } from '../../sim';
import { closeExplore } from './exploreOpen';
import { openCounterexample, type Explored } from './exploreStore';
import { coverageBrief, coverageWords, findings } from './findings';

const COLUMNS = [...INVARIANTS.map((i) => i.number as string), ...LIVENESS.map((l) => l.number as string)];

function Row({ e }: { e: Explored }) {
  const coverage = coverageWords(e.result, e.options.maxDeviations);
  const cells = findings(e.result, e.defaults);
  return (
    <tr data-policy={e.policy}>
      <th scope="row" title={e.label}>
        {e.label.split(' ')[0].replace(/:$/, '')} <span className="mx-name">{e.label.replace(/^\S+\s/, '')}</span>
      </th>
      {cells.map((f) =>
        f.found === null ? (
          <td
            key={f.id}
            className="mx-cell mx-ok"
            data-invariant={f.number}
            title={`${f.number}: none found within the bounds — ${coverage}`}
          >
            ✓
          </td>
        ) : (
          <td key={f.id} className="mx-cell mx-violated" data-invariant={f.number}>
            <button
              onClick={() => {
                closeExplore();
                openCounterexample(e.fragment(), f.found!.open);
              }}
              title={`${f.number} under ${e.policy}: ${f.found.deviations.length === 0 ? 'the default schedule' : f.found.deviations.join('; ')} ${f.found.tick === null ? '' : ` — t=${f.found.tick}`}: ${f.found.message}. Click to open it.`}
            >
              ✗ {f.found.deviations.length}
            </button>
          </td>
        ),
      )}
      <td className="ex-covered">{coverageBrief(e.result, e.options.maxDeviations)}</td>
    </tr>
  );
}

export function AllPoliciesMatrix({ all, policies }: { all: readonly Explored[]; policies: readonly string[] }) {
  return (
    <>
      <table className="mx-table ex-matrix" data-testid="explore-matrix">
        <thead>
          <tr>
            <th scope="col">Policy</th>
            {COLUMNS.map((n) => (
              <th scope="col" key={n}>
                {n}
              </th>
            ))}
            <th scope="col">Covered</th>
          </tr>
        </thead>
        <tbody>
          {policies.map((p) => {
            const e = all.find((x) => x.policy === p);
            if (e !== undefined) return <Row key={p} e={e} />;
            return (
              <tr key={p} data-policy={p} className="ex-waiting">
                <th scope="row">{p}</th>
                <td colSpan={COLUMNS.length + 1} className="pn-dim">
                  not explored yet
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="pn-small mx-key">
        <b>✗ N</b> a counterexample with N deviations from the default schedule (0: the default run breaks it); click to open it · <b>✓</b>{' '}
        none found within the bounds (hover for what was covered)
      </p>
    </>
  );
}
