// A link's timing (`&x=`): read beside the scenario and the moment, written back in canonical form,
// and a malformed list refused in the decoder's words.

import { describe, expect, it } from 'vitest';
import { choicePairs, choicesParam, readChoices, withoutChoices } from './choiceLink';

describe('a link’s timing', () => {
  it('reads the choice list beside the scenario and the moment', () => {
    const r = readChoices('#g=seed-attack&x=2-8&t=5');
    expect(r).toMatchObject({ ok: true, choices: { text: '2-8' } });
    if (!r.ok || r.choices === null) throw new Error('not read');
    expect([...r.choices.deviations]).toEqual([[2, 8]]);
  });

  it('writes the list in index order, whatever order the link gave', () => {
    const r = readChoices('g=seed-attack&x=a0-12.3k-5');
    expect(r.ok && r.choices?.text).toBe('3k-5.a0-12');
    expect(r.ok && choicePairs(r.choices)).toEqual([
      [128, 5],
      [360, 38],
    ]);
  });

  it('is the default timing without &x= or with an empty list', () => {
    expect(readChoices('#g=seed-attack&t=5')).toEqual({ ok: true, choices: null });
    expect(readChoices('#g=seed-attack&x=')).toEqual({ ok: true, choices: null });
    expect(choicesParam(null)).toBe('');
  });

  it('refuses a malformed list with the decoder’s message', () => {
    expect(readChoices('#g=seed-attack&x=2-8.zz')).toEqual({
      ok: false,
      message: 'This link\'s timing (&x=) cannot be read: choice list: "zz" is not an index-value pair in base 36 (e.g. "3k-5").',
    });
    expect(readChoices('#g=seed-attack&x=2-8.2-3')).toEqual({
      ok: false,
      message: "This link's timing (&x=) cannot be read: choice list: choice 2 is given twice.",
    });
    const long = readChoices(`#g=seed-attack&x=${'1-1.'.repeat(1200)}1-1`);
    expect(long.ok === false && long.message).toMatch(/4803 characters long, over 4000/);
  });

  it('leaves the rest of a fragment as it was when the timing goes', () => {
    expect(withoutChoices('#g=seed-attack&x=2-8&t=5&sel=v0')).toBe('#g=seed-attack&t=5&sel=v0');
    expect(withoutChoices('g=seed-attack&t=5')).toBe('g=seed-attack&t=5');
    expect(choicesParam({ text: '2-8', deviations: new Map([[2, 8]]) })).toBe('&x=2-8');
  });
});
