import { describe, expect, it } from 'vitest';
import { produce } from 'immer';
import { galleryEntry } from '../../scenario/gallery';
import { readDocument } from '../../scenario/read';
import type { Doc } from '../actions/edits';
import { adoptCustom, insertStep, moveStep, removeStep, rename, setArg } from './listOps';

const seed = galleryEntry('seed-attack')!.doc as Doc;
const base = produce(seed, (d) =>
  adoptCustom(d, {
    name: 'mine',
    steps: { transfer: [{ kind: 'setOwner', to: 'to', state: 'assigned' }, { kind: 'reset' }, { kind: 'sync' }] },
  }),
);
const kinds = (d: Doc) => d.policy?.custom?.steps.transfer?.map((s) => s.kind);

describe('policy editor list operations', () => {
  it('starts a custom policy, keeping the mutations', () => {
    const withMut = produce(seed, (d) => void (d.policy = { ...d.policy, mutations: ['skip-tlbi'] }));
    const d = produce(withMut, (x) => adoptCustom(x, { name: 'n', steps: {} }));
    expect(d.policy).toMatchObject({ id: 'custom', mutations: ['skip-tlbi'], custom: { name: 'n', steps: {} } });
    expect(readDocument(d).ok).toBe(true);
  });

  it('inserts at a position, clamped to the list', () => {
    expect(kinds(produce(base, (d) => insertStep(d, 'transfer', 1, { kind: 'busMaster', on: false })))).toEqual([
      'setOwner',
      'busMaster',
      'reset',
      'sync',
    ]);
    expect(kinds(produce(base, (d) => insertStep(d, 'transfer', 99, { kind: 'lock' })))).toEqual(['setOwner', 'reset', 'sync', 'lock']);
    const d = produce(base, (x) => insertStep(x, 'enable', 0, { kind: 'start' }));
    expect(d.policy?.custom?.steps.enable).toEqual([{ kind: 'start' }]);
  });

  it('moves a step up, down, and to either end', () => {
    expect(kinds(produce(base, (d) => moveStep(d, 'transfer', 1, 0)))).toEqual(['reset', 'setOwner', 'sync']);
    expect(kinds(produce(base, (d) => moveStep(d, 'transfer', 0, 2)))).toEqual(['reset', 'sync', 'setOwner']);
    expect(kinds(produce(base, (d) => moveStep(d, 'transfer', 2, -5)))).toEqual(['sync', 'setOwner', 'reset']);
  });

  it('removes a step, and the operation once its list is empty', () => {
    expect(kinds(produce(base, (d) => removeStep(d, 'transfer', 1)))).toEqual(['setOwner', 'sync']);
    const one = produce(base, (d) => insertStep(d, 'abort', 0, { kind: 'reset' }));
    expect('abort' in (produce(one, (d) => removeStep(d, 'abort', 0)).policy?.custom?.steps ?? {})).toBe(false);
  });

  it('sets and clears an argument, and renames', () => {
    const d = produce(base, (x) => {
      setArg(x, 'transfer', 2, 'completesHandover', true);
      rename(x, 'renamed');
    });
    expect(d.policy?.custom?.steps.transfer?.[2]).toEqual({ kind: 'sync', completesHandover: true });
    expect(d.policy?.custom?.name).toBe('renamed');
    expect(produce(d, (x) => setArg(x, 'transfer', 2, 'completesHandover', undefined)).policy?.custom?.steps.transfer?.[2]).toEqual({
      kind: 'sync',
    });
  });

  it('gives a document the reader refuses when a step can never act, naming the step', () => {
    const d = produce(base, (x) => insertStep(x, 'unassign', 0, { kind: 'tableMap', region: 'a-ram' }));
    const r = readDocument(d);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].path).toBe('policy.custom.steps.unassign[0]');
  });
});
