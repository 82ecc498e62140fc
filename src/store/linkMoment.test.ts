// A link that lands on its moment: at its tick, paused, with its selection; a link to this moment
// written back; and opening a link over edited work, which keeps the work and can be undone.

import { beforeEach, describe, expect, it } from 'vitest';
import { useApp } from './appStore';
import { inProcessClient } from '../worker/client';
import { memoryStorage } from '../testing/storage';
import { galleryEntry } from '../scenario/gallery';
import { readDocument } from '../scenario/read';
import { addressLink, momentSelection, selectionFor } from './linkMoment';

const storage = memoryStorage();
const settle = () => new Promise((r) => setTimeout(r, 0));
const state = () => useApp.getState();

beforeEach(async () => {
  storage.clear();
  state().reset();
  state().connect(inProcessClient());
  state().openGallery('quarantine');
  await settle();
});

describe('a link to a moment', () => {
  it('lands at its tick, paused, with the violation selected', async () => {
    expect(state().openLink('#g=seed-attack&t=60&sel=v0')).toBe(true);
    await settle();
    expect(state().galleryId).toBe('seed-attack');
    expect(state().clock).toBe(60);
    expect(state().playing).toBe(false);
    expect(state().selection).toEqual({ kind: 'violation', index: 0 });
    expect(state().link).toBe('g=seed-attack&t=60&sel=v0');
    expect(state().notice).toBeNull();
  });

  it('selects an entity by its id, and says what it could not select', async () => {
    state().openLink('#g=seed-attack&sel=X');
    expect(state().selection).toEqual({ kind: 'device', id: 'X' });
    state().openLink('#g=seed-attack&t=x&sel=nothing-here');
    expect(state().selection).toBeNull();
    expect(state().notice?.text).toMatch(/opened, but its time "t=x" is not a tick.*"nothing-here"/);
  });

  it('says so when it selects a violation or an operation the run does not have', async () => {
    state().openLink('#g=seed-attack&t=77&sel=v99');
    expect(state().selection).toEqual({ kind: 'violation', index: 99 });
    await settle();
    await settle();
    expect(state().selection).toBeNull();
    expect(state().notice?.text).toMatch(/^The link opened, but it selects violation v99, and this run has \d+, v0 to v\d+ up to t=600\.$/);
    state().openLink('#g=seed-attack&sel=op40');
    expect(state().selection).toBeNull();
    expect(state().notice?.text).toMatch(/opened, but it selects operation op40, and the script has op0 to op\d+\./);
    // One the run has stays selected, and nothing is said.
    state().openLink('#g=seed-attack&t=77&sel=v2');
    await settle();
    await settle();
    expect(state().selection).toEqual({ kind: 'violation', index: 2 });
    expect(state().notice).toBeNull();
  });

  it('writes a link to the moment the user is at', async () => {
    state().openGallery('seed-attack');
    await settle();
    state().seek(42);
    await settle();
    state().select({ kind: 'device', id: 'X' });
    expect(state().momentFragment()).toBe('g=seed-attack@1&t=42&sel=X');
    state().select({ kind: 'smmu', id: 'smmu' });
    expect(state().momentFragment()).toBe('g=seed-attack@1&t=42&sel=smmu');
  });

  it('opened over edited work, keeps it, and Undo brings it back as it was', async () => {
    state().setPolicy('P3');
    await settle();
    expect(state().openLink('#g=seed-attack&t=10')).toBe(true);
    const notice = state().notice!;
    expect(notice.text).toMatch(/over your edited work.*kept in My scenarios/);
    expect(state().library).toHaveLength(1);
    notice.action!.run();
    await settle();
    expect(state().galleryId).toBe('quarantine');
    expect(state().scenario!.policy.id).toBe('P3');
    expect(state().edited && state().dirty).toBe(true);
    expect(state().library).toHaveLength(0);
    expect(state().past.map((p) => p.label)).toEqual(['Policy P3']);
    expect(state().notice?.text).toBe('Your edited work is back.');
  });

  it('a broken link with nothing open names what is wrong and opens nothing', () => {
    state().reset();
    state().connect(inProcessClient());
    expect(state().openLink('#g=no-such-scenario')).toBe(false);
    expect(state().scenario).toBeNull();
    expect(state().notice).toEqual({ kind: 'error', text: expect.stringMatching(/"no-such-scenario", which does not exist\.$/) });
  });
});

describe('selections in links', () => {
  const r = readDocument(galleryEntry('seed-attack')!.doc);
  if (!r.ok) throw new Error('seed-attack does not read');
  it('are the scenario’s endpoints, devices, regions and SMMU, and violations and operations by index', () => {
    expect(selectionFor({ kind: 'entity', id: 'P' }, r.scenario)).toEqual({ kind: 'endpoint', id: 'P' });
    expect(selectionFor({ kind: 'entity', id: 'smmu' }, r.scenario)).toEqual({ kind: 'smmu', id: 'smmu' });
    expect(selectionFor({ kind: 'entity', id: r.scenario.memory[0].id }, r.scenario)?.kind).toBe('region');
    expect(selectionFor({ kind: 'op', index: 2 }, r.scenario)).toEqual({ kind: 'op', index: 2 });
    expect(selectionFor({ kind: 'entity', id: 'nope' }, r.scenario)).toBeNull();
    expect(momentSelection({ kind: 'txn', id: 3 })).toBeNull();
    expect(momentSelection({ kind: 'violation', index: 1 })).toEqual({ kind: 'violation', index: 1 });
  });
});

describe('the address a link leaves', () => {
  it('keeps the scenario, the moment and the fingerprint, not what the link asked to do once', () => {
    expect(addressLink('#g=seed-attack@1&t=60&present&view=matrix&model=1&trace=354e568c')).toBe(
      'g=seed-attack@1&t=60&model=1&trace=354e568c',
    );
    expect(addressLink('#s=2.abc&present=1&vs=P0+skip-sync')).toBe('s=2.abc');
  });
});
