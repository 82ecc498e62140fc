// The search in worker threads and in shards: the report is the same whatever the number of
// workers, N shard parts merged give the one-machine report, and explore-merge refuses parts that
// do not make one search, naming the file.

import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './cli';
import { readFileCapped } from './input';
import { GALLERY } from '../scenario/gallery';

/** The CLI in-process; a search in worker threads answers through a promise. */
async function sim(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), readFile: readFileCapped, writeFile: () => null });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const dir = mkdtempSync(join(tmpdir(), 'sim-shards-'));
const write = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

/** Seed-attack's read loop and hand-over alone: I1 breaks only under a non-default delay. */
const handover = (() => {
  const doc = structuredClone(GALLERY.find((g) => g.id === 'seed-attack')!.doc) as unknown as { script: unknown[] };
  doc.script = doc.script.slice(0, 2);
  return write('handover.json', JSON.stringify(doc));
})();

const SEARCH = [handover, '--deviations', '2', '--budget', '300'];

describe('explore --workers', () => {
  it('gives the same report with 1, 2 and 4 workers, and finds the hand-over counterexample', async () => {
    const one = await sim('explore', ...SEARCH);
    expect(one).toMatchObject({ code: 0, err: '' });
    const report = JSON.parse(one.out);
    expect(report.invariants.find((x: { number: string }) => x.number === 'I1')).toMatchObject({
      result: 'counterexample',
      link: expect.stringMatching(/^&x=/),
    });
    expect(report.coverage.schedules).toBeGreaterThan(1);
    for (const w of ['2', '4']) {
      const r = await sim('explore', ...SEARCH, '--workers', w);
      expect(r).toMatchObject({ code: 0, err: '' });
      expect(r.out).toBe(one.out);
    }
  }, 120_000);

  it('gives the same sampling report in random mode, whatever the workers, and reports no coverage', async () => {
    const one = await sim('explore', handover, '--random', '40', '--seed', '7');
    expect(one.code).toBe(0);
    const report = JSON.parse(one.out);
    expect(report.mode).toBe('random');
    expect(report.coverage).toBeUndefined();
    expect(report.sampling).toMatchObject({ samples: 40, seed: 7 });
    expect((await sim('explore', handover, '--random', '40', '--seed', '7', '--workers', '3')).out).toBe(one.out);
    // Another seed samples other schedules.
    expect(JSON.parse((await sim('explore', handover, '--random', '40', '--seed', '8')).out).sampling.seed).toBe(8);
  }, 120_000);

  it('--budget-s stops every worker: with no time left each runs nothing past the default schedule', async () => {
    const r = await sim('explore', ...SEARCH, '--workers', '2', '--budget-s', '0');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).coverage).toMatchObject({ schedules: 1, boundExhausted: false });
  }, 120_000);

  it('runs in worker threads from the npm script', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const r = spawnSync('npm', ['run', '-s', 'sim', '--', 'explore', ...SEARCH, '--workers', '2'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 90_000,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).invariants.find((x: { number: string }) => x.number === 'I1').result).toBe('counterexample');
  }, 120_000);
});

describe('explore --shard and explore-merge', () => {
  const parts = async (count: number, extra: string[] = []) => {
    const files: string[] = [];
    for (let i = 0; i < count; i++) {
      const r = await sim('explore', ...SEARCH, ...extra, '--shard', `${i}/${count}`);
      expect(r).toMatchObject({ code: 0, err: '' });
      expect(JSON.parse(r.out).part.shard).toEqual({ index: i, count });
      files.push(write(`part-${count}-${i}${extra.join('')}.json`, r.out));
    }
    return files;
  };

  it('merges three shard parts into the report one machine gives', async () => {
    const one = await sim('explore', ...SEARCH);
    const files = await parts(3);
    const merged = await sim('explore-merge', ...files);
    expect(merged).toMatchObject({ code: 0, err: '' });
    expect(merged.out).toBe(one.out);
    // In any order.
    expect((await sim('explore-merge', files[2], files[0], files[1])).out).toBe(one.out);
  }, 120_000);

  it('refuses a missing shard, a shard given twice, parts of another search, and files that are not parts', async () => {
    const files = await parts(3);
    const refused = async (argv: string[], message: RegExp) => {
      const r = await sim(...argv);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.split('\n')).toHaveLength(1);
      expect(r.err).toMatch(message);
    };
    await refused(['explore-merge', files[0], files[2]], /^sim: explore-merge: shard 1\/3 missing: given .*part-3-0\.json \(0\/3\)/);
    await refused(['explore-merge', files[0], files[1], files[1]], /part-3-1\.json: shard 1\/3 again \(.*part-3-1\.json holds it too\)/);
    const other = await parts(2);
    await refused(['explore-merge', files[0], other[1]], /part-2-1\.json: shard 1\/2, but .*part-3-0\.json is a shard of 3/);
    const deeper = await parts(3, ['--deviations', '1']);
    await refused(
      ['explore-merge', files[0], files[1], deeper[2]],
      /part-3-2--deviations1\.json: a part of another search .*maxDeviations is 1, not 2/,
    );
    await refused(['explore-merge', handover], /handover\.json: not an explore part/);
    await refused(['explore-merge', write('broken.json', '{ nope')], /broken\.json: not JSON/);
    await refused(['explore-merge', join(dir, 'absent.json')], /cannot read .*absent\.json: ENOENT/);
  }, 120_000);
});

describe('bad input: exit 2 and one line naming the problem', () => {
  const bad: [string[], string][] = [
    [['explore', 'gallery:seed-attack', '--workers', '0'], 'sim: --workers: expected at least 1 worker, got 0'],
    [['explore', 'gallery:seed-attack', '--workers', 'many'], 'sim: --workers: expected a whole number ≤ 256, got "many"'],
    [
      ['explore', 'gallery:seed-attack', '--shard', '3/3'],
      'sim: --shard: expected i/N, shard i of N with 0 ≤ i < N (0/4 … 3/4), got "3/3"',
    ],
    [
      ['explore', 'gallery:seed-attack', '--shard', 'first'],
      'sim: --shard: expected i/N, shard i of N with 0 ≤ i < N (0/4 … 3/4), got "first"',
    ],
    [
      ['explore', 'gallery:seed-attack', '--shard', '0/2', '--workers', '2'],
      'sim: explore: --shard runs one shard in this process; give --workers or --shard, not both',
    ],
    [['explore', 'gallery:seed-attack', '--seed', '3'], 'sim: explore: --seed chooses the random samples; it needs --random N'],
    [['explore', 'gallery:seed-attack', '--random', '0'], 'sim: --random: expected at least 1 sample, got 0'],
    [['run', 'gallery:seed-attack', '--workers', '2'], 'sim: run: unknown option "--workers"'],
    [['explore-merge'], 'sim: explore-merge: which parts? Give the files that explore --shard i/N wrote'],
    [['explore-merge', 'a.json', '--workers', '2'], 'sim: explore-merge: unknown option "--workers"'],
  ];
  it.each(bad)('%j', async (argv, message) => {
    expect(await sim(...argv)).toEqual({ code: 2, out: '', err: message });
  });
});
