// The mark of a counterexample on the workbench: the run on screen takes timing choices other than
// the default run's (`&x=` in its link). It lists each deviation (what the choice decides, the
// default and the value taken), says the choices belong to this exact scenario, and offers the way
// back to the default timing.

import { useApp } from '../../store/appStore';
import { choicesHeadline, choiceWords } from './choiceWords';
import './counterexample.css';

export function CounterexampleBanner() {
  const choices = useApp((s) => s.choices);
  const taken = useApp((s) => s.summary?.deviations);
  if (choices === null) return null;
  const described = taken !== undefined && taken.length === choices.deviations.size ? taken : null;
  return (
    <section className="cx-banner" data-testid="counterexample-banner" aria-label="Counterexample">
      <div className="cx-text">
        <strong className="cx-head">{choicesHeadline(choices.deviations.size)}</strong>
        <ul className="cx-list">
          {described === null ? (
            <li>choices {choices.text}</li>
          ) : (
            described.map((c) => (
              <li key={c.index} data-testid="counterexample-choice">
                {choiceWords(c)}
              </li>
            ))
          )}
        </ul>
        <span className="cx-note">
          The choices belong to this exact scenario: an edit that changes it drops them. Link <code>&amp;x={choices.text}</code>
        </span>
      </div>
      <button type="button" className="cx-back" onClick={() => useApp.getState().dropChoices()}>
        Back to the default timing
      </button>
    </section>
  );
}
