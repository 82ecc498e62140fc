// The Explore panel's store over the app store: it explores the open scenario's own policy with the
// scenario's link to open counterexamples from, Explore all policies runs P0–P8 and the custom
// policy when one is open, each under its own link, and a bad bound is named with nothing run.

import { beforeEach, describe, expect, it } from 'vitest';
import { useApp } from '../../store/appStore';
import { inProcessClient } from '../../worker/client';
import { memoryStorage } from '../../testing/storage';
import { POLICY_IDS, presetAsCustom } from '../../sim';
import { createExploreStore } from './exploreStore';
import { runShard } from './runShard';
import type { WorkerLike } from './pool';
import type { WorkerMessage } from './protocol';

const storage = memoryStorage();
const settle = () => new Promise((r) => setTimeout(r, 0));

/** A worker that runs its shard in-process, after the current task. */
function inProcess(): WorkerLike {
  let stopped = false;
  const w: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (req: WorkerMessage) =>
      req.kind === 'search' && setTimeout(() => stopped || runShard(req, (m) => w.onmessage?.({ data: m })), 0),
    terminate: () => void (stopped = true),
  };
  return w;
}

async function finished(store: ReturnType<typeof createExploreStore>) {
  for (let i = 0; i < 2000 && store.getState().running !== null; i++) await new Promise((r) => setTimeout(r, 5));
  expect(store.getState().running).toBeNull();
}

beforeEach(async () => {
  storage.clear();
  useApp.getState().reset();
  useApp.getState().connect(inProcessClient());
  useApp.getState().openGallery('seed-attack');
  await settle();
});

describe('the explore store', () => {
  it("explores the scenario's own policy, under its link", async () => {
    const store = createExploreStore(inProcess, () => 2);
    store.getState().setBounds({ deviations: '1', budget: '60' });
    store.getState().run('one');
    expect(store.getState().running?.policy).toBe('P0 whole-address-space');
    await finished(store);
    const one = store.getState().one!;
    expect(one.policy).toBe('P0');
    expect(one.fragment()).toBe(useApp.getState().linkFragment());
    expect(one.options).toEqual({ horizon: 600, maxDeviations: 1, budget: 60, mode: 'systematic' });
    expect(one.defaults.find((d) => d.number === 'I1b')?.tick).toBe(77);
    expect(store.getState().status).toMatch(/^Done: P0 whole-address-space explored in \d+\.\d s by 2 workers\.$/);
  });

  it('Explore all policies runs P0–P8 and the custom policy, each with its own link', async () => {
    const app = useApp.getState();
    app.edit('Custom policy from P3', (d) => {
      d.policy = { id: 'custom', custom: { ...presetAsCustom('P3', app.scenario!).custom, name: 'mine' } };
    });
    await settle();
    expect(useApp.getState().scenario!.policy.id).toBe('custom');
    const store = createExploreStore(inProcess, () => 1);
    store.getState().setBounds({ deviations: '0', budget: '5' });
    store.getState().run('all');
    expect(store.getState().allPolicies).toEqual([...POLICY_IDS, 'custom']);
    await finished(store);
    const all = store.getState().all;
    expect(all.map((e) => e.policy)).toEqual([...POLICY_IDS, 'custom']);
    expect(all[9].label).toBe('custom: mine');
    expect(all[9].fragment()).toBe(useApp.getState().linkFragment());
    // Each preset is explored as the scenario under that preset: a link of its own.
    expect(new Set(all.map((e) => e.fragment())).size).toBe(10);
    // P0 breaks I1b in its default run; P1 does not.
    expect(all[0].defaults.some((d) => d.number === 'I1b')).toBe(true);
    expect(all[1].defaults.some((d) => d.number === 'I1b')).toBe(false);
  });

  it('watches the page for each search it runs, and stops watching when the search ends', async () => {
    const log: string[] = [];
    const watch = (hold: (on: boolean) => void) => {
      log.push('watch');
      hold(true);
      hold(false);
      return () => void log.push('stop');
    };
    const store = createExploreStore(inProcess, () => 1, watch);
    store.getState().setBounds({ deviations: '0', budget: '5' });
    store.getState().run('all');
    await finished(store);
    expect(log).toEqual(Array.from({ length: POLICY_IDS.length }, () => ['watch', 'stop']).flat());
  });

  it('names a bad bound and runs nothing', () => {
    const store = createExploreStore(inProcess, () => 1);
    store.getState().setBounds({ horizon: '-5' });
    store.getState().run('one');
    expect(store.getState().running).toBeNull();
    expect(store.getState().status).toBe('Horizon must be a whole number from 1 to 10000000 (it is "-5").');
  });
});
