// A counterexample link (`&x=`) in the store: the run takes its timing and lands on its first
// violation; a malformed list is refused and nothing on screen is lost; an edit that changes the
// scenario drops the timing (Undo brings it back); Back to the default timing drops it too.

import { beforeEach, describe, expect, it } from 'vitest';
import { useApp } from './appStore';
import { inProcessClient } from '../worker/client';
import { memoryStorage } from '../testing/storage';

const storage = memoryStorage();
/** Waits until the engine host has answered everything sent so far (a landing seeks once more). */
const settle = async () => {
  for (let i = 0; i < 4; i++) await new Promise((r) => setTimeout(r, 0));
};
const state = () => useApp.getState();

// `npm run -s sim -- explore gallery:seed-attack --policy P0 --deviations 1` finds I1 broken with
// `&x=2-8`; `npm run -s sim -- run gallery:seed-attack --choices 2-8` replays it with this trace.
const CLI_TRACE = '39f51abee7df2eb9';
const DEFAULT_TRACE = '354e568c35d056f6';

beforeEach(async () => {
  storage.clear();
  state().reset();
  state().connect(inProcessClient());
  state().openGallery('quarantine');
  await settle();
});

describe('a counterexample link', () => {
  it('runs with its timing and lands on its first violation, selected', async () => {
    expect(state().openLink('#g=seed-attack&x=2-8')).toBe(true);
    await settle();
    expect(state().choices?.text).toBe('2-8');
    expect(state().summary?.traceHash).toBe(CLI_TRACE);
    expect(state().summary?.deviations).toMatchObject([{ index: 2, kind: 'downstream', default: 3, taken: 8 }]);
    expect(state().summary?.violations[0]).toMatchObject({ number: 'I1', t: 47 });
    expect(state().clock).toBe(47);
    expect(state().selection).toEqual({ kind: 'violation', index: 0 });
    expect(state().link).toBe('g=seed-attack&x=2-8');
    expect(state().momentFragment()).toBe('g=seed-attack@1&x=2-8&t=47&sel=v0');
  });

  it('stays at the tick the link names', async () => {
    state().openLink('#g=seed-attack&x=2-8&t=100');
    await settle();
    expect(state().clock).toBe(100);
    expect(state().selection).toBeNull();
    expect(state().summary?.traceHash).toBe(CLI_TRACE);
  });

  it('refuses a malformed list with its message, and the work on screen stays', async () => {
    const before = state().scenario;
    expect(state().openLink('#g=seed-attack&x=2-8.q')).toBe(false);
    await settle();
    expect(state().notice).toEqual({
      kind: 'error',
      text: 'This link\'s timing (&x=) cannot be read: choice list: "q" is not an index-value pair in base 36 (e.g. "3k-5"). Your current work is unchanged.',
    });
    expect(state().scenario).toBe(before);
    expect(state().galleryId).toBe('quarantine');
    expect(state().choices).toBeNull();
  });

  it('goes back to the default timing, and Undo brings the counterexample back', async () => {
    state().openLink('#g=seed-attack&x=2-8');
    await settle();
    state().dropChoices();
    await settle();
    expect(state().choices).toBeNull();
    expect(state().summary?.traceHash).toBe(DEFAULT_TRACE);
    expect(state().link).toBe('g=seed-attack');
    expect(state().linkFragment()).toBe('g=seed-attack@1');
    expect(state().selection).toBeNull();
    state().notice?.action?.run();
    await settle();
    expect(state().choices?.text).toBe('2-8');
    expect(state().link).toBe('g=seed-attack&x=2-8');
    expect(state().summary?.traceHash).toBe(CLI_TRACE);
  });

  it('drops the timing on an edit that changes the scenario, says so, and Undo brings it back', async () => {
    state().openLink('#g=seed-attack&x=2-8');
    await settle();
    state().setPolicy('P1');
    await settle();
    expect(state().choices).toBeNull();
    expect(state().notice?.text).toMatch(/counterexample's timing was dropped/);
    expect(state().summary?.deviations).toEqual([]);
    expect(state().linkFragment()).not.toMatch(/&x=/);
    state().undo();
    await settle();
    expect(state().choices?.text).toBe('2-8');
    expect(state().notice?.text).toMatch(/^Undone: Policy P1\. The counterexample's timing \(1 choice\) is back\./);
    expect(state().summary?.traceHash).toBe(CLI_TRACE);
    state().redo();
    await settle();
    expect(state().choices).toBeNull();
  });

  it('keeps the timing when only the layout changes', async () => {
    state().openLink('#g=seed-attack&x=2-8');
    await settle();
    state().moveNode('X', [10, 10]);
    await settle();
    expect(state().choices?.text).toBe('2-8');
    expect(state().linkFragment()).toMatch(/^s=.*&x=2-8$/);
  });

  it('is dropped by opening anything else', async () => {
    state().openLink('#g=seed-attack&x=2-8');
    await settle();
    state().openGallery('seed-attack');
    await settle();
    expect(state().choices).toBeNull();
    expect(state().summary?.traceHash).toBe(DEFAULT_TRACE);
  });
});
