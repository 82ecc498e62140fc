// The CLI contract (README, "The command line"), run in-process: commands, report fields, the
// matrix, and a one-line message with exit status 2 for every kind of bad input.

import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './cli';
import { readFileCapped } from './input';
import { GALLERY } from '../scenario/gallery';

function sim(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), readFile: readFileCapped, writeFile: () => null });
  // Only a search in worker threads answers later.
  if (typeof code !== 'number') throw new Error(`sim ${argv.join(' ')} answered later`);
  return { code, out: out.join('\n'), err: err.join('\n') };
}
const json = (r: { out: string }) => JSON.parse(r.out);

describe('sim list', () => {
  it('prints every gallery id, one a line', () => {
    const r = sim('list');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')).toEqual(GALLERY.map((g) => g.id));
    expect(r.out.split('\n')).toHaveLength(16);
  });
});

describe('sim run', () => {
  it('reports the seed attack: I1b under P0, none under --policy P1', () => {
    const p0 = json(sim('run', 'gallery:seed-attack'));
    expect(p0.policy).toBe('P0');
    expect(p0.violations.map((v: { number: string }) => v.number)).toContain('I1b');
    const p1 = json(sim('run', 'gallery:seed-attack', '--policy', 'P1'));
    expect(p1.policy).toBe('P1');
    expect(p1.violations.map((v: { number: string }) => v.number)).not.toContain('I1b');
  });

  it('has exactly the report fields, and violations name invariant, tick, transaction, device, page and reason', () => {
    const r = json(sim('run', 'gallery:seed-attack', '--until', '200'));
    expect(Object.keys(r).sort()).toEqual([
      'dma',
      'endTime',
      'eventQueue',
      'final',
      'handovers',
      'mutations',
      'opErrors',
      'policy',
      'scenario',
      'stepErrors',
      'tickNs',
      'traceHash',
      'violations',
    ]);
    expect(r.handovers).toEqual([
      { op: 'transfer', device: 'X', to: 'P', requestedAt: 40, status: 'completed', completedAt: expect.any(Number), newOwnerDma: true },
    ]);
    expect(Object.keys(r.dma).sort()).toEqual(['aborted', 'committed', 'dropped', 'issued', 'recorded', 'suppressed']);
    expect(r.endTime).toBe(200);
    const v = r.violations.find((x: { number: string }) => x.number === 'I1b');
    expect(v).toMatchObject({ invariant: 'dma-provenance', number: 'I1b', device: 'X', page: '0x90000000' });
    expect(v.t).toBeGreaterThan(40);
    expect(typeof v.txn).toBe('number');
    expect(v.message).toMatch(/programmed by A/);
    expect(r.final.devices.X).toEqual({ owner: 'P', state: 'assigned' });
  });

  it('--mutation (repeatable) replaces the mutations; --events adds the SMMU event records', () => {
    const r = json(sim('run', 'gallery:forgot-sync', '--policy', 'P3', '--mutation', 'skip-tlbi', '--mutation', 'eventq-1', '--events'));
    expect(r.mutations).toEqual(['skip-tlbi', 'eventq-1']);
    expect(r.events.length).toBeGreaterThan(0);
    expect(r.events[0]).toMatchObject({ name: expect.stringMatching(/^[CF]_/), number: expect.stringMatching(/^0x[0-9a-f]{2}$/) });
    const clean = json(sim('run', 'gallery:forgot-sync', '--mutation', 'skip-cfgi'));
    expect(clean.mutations).toEqual(['skip-cfgi']);
    expect(clean.events).toBeUndefined();
  });

  it('reports refused operations as opErrors, not failures', () => {
    const r = sim('run', 'gallery:loan-vs-shared');
    expect(r.code).toBe(0);
    expect(json(r).opErrors.length).toBeGreaterThan(0);
    expect(json(r).opErrors[0]).toMatchObject({ op: expect.any(String), error: expect.stringMatching(/^FFA_/) });
  });

  it('is deterministic: the same input gives the same trace hash', () => {
    expect(json(sim('run', 'gallery:stale-atc')).traceHash).toBe(json(sim('run', 'gallery:stale-atc')).traceHash);
  });

  it('runs a scenario file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-'));
    const file = join(dir, 'scenario.json');
    writeFileSync(file, JSON.stringify(GALLERY[0].doc));
    const fromFile = json(sim('run', file));
    expect(fromFile.traceHash).toBe(json(sim('run', 'gallery:seed-attack')).traceHash);
  });
});

describe('sim compare', () => {
  it('prints the policies × invariants matrix for the seed attack', () => {
    const r = sim('compare', 'gallery:seed-attack');
    expect(r.code).toBe(0);
    const m = json(r);
    expect(Object.keys(m.matrix)).toEqual(['P0', 'P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8']);
    expect(m.invariants).toContain('I1b');
    expect(m.matrix.P0.I1b).toBe('violated');
    expect(m.matrix.P1.I1b).toBe('ok');
    expect(m.matrix.P4.I1b).toBe('ok');
    expect(m.policies[0]).toMatchObject({ policy: 'P0', name: expect.any(String), traceHash: expect.any(String) });
  });

  it('compare shows safety, liveness and refusals: a refused or unfinished hand-over is never green', () => {
    const m = json(sim('compare', 'gallery:seed-attack'));
    const row = (p: string) => m.policies.find((x: { policy: string }) => x.policy === p);
    // P7 has no transfer: refused, so nothing was handed over to break anything.
    expect(m.matrix.P7.I1).toBe('refused');
    expect(row('P7').handovers[0]).toMatchObject({ op: 'transfer', status: 'refused', completedAt: null, error: 'FFA_DENIED' });
    expect(row('P7').works).toBe(false);
    // P2 parks the transfer for P's accept, which the seed's script never gives.
    expect(m.matrix.P2.I1).toBe('incomplete');
    expect(row('P2').handovers[0]).toMatchObject({ status: 'waiting', completedAt: null });
    // P1 holds and works: the transfer completed and P's own DMA committed after it.
    expect(row('P1').works).toBe(true);
    expect(row('P1').handovers[0]).toMatchObject({ status: 'completed', requestedAt: 40, newOwnerDma: true });
    // P0 works and leaks.
    expect(row('P0').works).toBe(true);
    expect(m.matrix.P0.I1b).toBe('violated');
  });
});

describe('sim report', () => {
  it('prints the Markdown report of a gallery scenario, its links naming the gallery id', () => {
    const r = sim('report', 'gallery:seed-attack', '--base', 'https://example.org/app/');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe("# The seed's attack");
    expect(r.out).toContain('[open this moment](https://example.org/app/#g=seed-attack@1&model=1&trace=354e568c&t=77&sel=v2)');
  });

  it('--policy changes the run and the link carries the edited scenario', () => {
    const r = sim('report', 'gallery:seed-attack', '--policy', 'P1');
    expect(r.out).toContain('| I1b | holds |');
    expect(r.out).not.toContain('#g=seed-attack');
  });

  it("--choices reports a counterexample's run, says so, and its links carry the timing", () => {
    // The hand-over's window: clean at its default tick, I2 breaks when it falls at the window's other end.
    expect(sim('report', 'gallery:handover-window').out).toContain('| I2 | holds |');
    const r = sim('report', 'gallery:handover-window', '--choices', '0-14');
    expect(r.code).toBe(0);
    expect(r.out).toContain('| I2 | **violated** | t=60 |');
    expect(r.out).toContain("a counterexample's timing, choices `0-14` differ from the default run");
    expect(r.out).toMatch(/\(#g=handover-window@\d+&x=0-14&model=/);
    expect(sim('report', 'gallery:handover-window', '--choices', '0-')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--choices'),
    });
  });

  it('--out writes the file (HTML for .html) and prints nothing', () => {
    const files = new Map<string, string>();
    const out: string[] = [];
    const code = runCli(['report', 'gallery:seed-attack', '--out', 'r.html'], {
      out: (t) => out.push(t),
      err: () => {},
      readFile: readFileCapped,
      writeFile: (p, t) => (files.set(p, t), null),
    });
    expect(code).toBe(0);
    expect(out).toEqual([]);
    expect(files.get('r.html')).toMatch(/^<!doctype html>/);
  });

  it('a file that cannot be written is exit 2 with the reason', () => {
    const err: string[] = [];
    const code = runCli(['report', 'gallery:seed-attack', '--out', '/nope/r.md'], {
      out: () => {},
      err: (t) => err.push(t),
      readFile: readFileCapped,
      writeFile: () => 'ENOENT',
    });
    expect(code).toBe(2);
    expect(err).toEqual(['sim: cannot write /nope/r.md: ENOENT']);
  });
});

describe('bad input: exit 2 and one line naming the problem', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sim-bad-'));
  const write = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const bad = {
    'no command': [[], /no command/],
    'unknown command': [['frobnicate'], /unknown command "frobnicate"/],
    'missing scenario': [['run'], /which scenario/],
    'unknown gallery id': [['run', 'gallery:nope'], /unknown gallery id "nope".*seed-attack/],
    'unknown policy': [['run', 'gallery:seed-attack', '--policy', 'P9'], /unknown policy "P9"/],
    'unknown mutation': [['run', 'gallery:seed-attack', '--mutation', 'skip-everything'], /unknown mutation "skip-everything"/],
    'bad --until': [['run', 'gallery:seed-attack', '--until', 'soon'], /--until: expected a tick/],
    'missing option value': [['run', 'gallery:seed-attack', '--policy'], /--policy needs a value/],
    'unknown option': [['run', 'gallery:seed-attack', '--fast'], /unknown option "--fast"/],
    'unreadable file': [['run', join(dir, 'missing.json')], /cannot read .*missing\.json: ENOENT/],
    'not JSON': [['run', write('broken.json', '{ nope')], /broken\.json: not JSON/],
    'invalid scenario, naming the field': [
      ['run', write('dangling.json', JSON.stringify({ ...GALLERY[0].doc, devices: [{ id: 'X', streams: [17], owner: 'Q' }] }))],
      /devices\[0\]\.owner: no endpoint "Q"/,
    ],
    'newer version': [['compare', write('v9.json', JSON.stringify({ ...GALLERY[0].doc, version: 9 }))], /version 9, newer than this app/],
  } as const;
  it.each(Object.entries(bad))('%s', (_, [argv, message]) => {
    const r = sim(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toMatch(message);
  });

  it('help prints the usage with exit 0', () => {
    const r = sim('--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/npm run -s sim -- list/);
  });
});

describe('sim explore', () => {
  /** Seed-attack's read loop and hand-over alone: I1 breaks only under a non-default delay. */
  function handoverFile(): string {
    const doc = structuredClone(GALLERY.find((g) => g.id === 'seed-attack')!.doc) as unknown as { script: unknown[] };
    doc.script = doc.script.slice(0, 2);
    const path = join(mkdtempSync(join(tmpdir(), 'sim-explore-')), 'handover.json');
    writeFileSync(path, JSON.stringify(doc));
    return path;
  }

  it('finds a counterexample with its link fragment, and its replay breaks the invariant', () => {
    const file = handoverFile();
    expect(json(sim('run', file)).violations.map((v: { number: string }) => v.number)).not.toContain('I1');
    const r = sim('explore', file, '--deviations', '1', '--budget', '400');
    expect(r.code).toBe(0);
    const out = json(r);
    const i1 = out.invariants.find((x: { number: string }) => x.number === 'I1');
    expect(i1.result).toBe('counterexample');
    expect(i1.link).toMatch(/^&x=[0-9a-z]+-[0-9a-z]+$/);
    expect(i1.deviations).toHaveLength(1);
    const replay = json(sim('run', file, '--choices', i1.link.slice('&x='.length)));
    expect(replay.traceHash).toBe(i1.traceHash);
    expect(replay.violations.map((v: { number: string }) => v.number)).toContain('I1');
    expect(out.invariants.find((x: { number: string }) => x.number === 'I1b').result).toBe('broken by default');
    expect(out.coverage.deviationBound).toBe(1);
  });

  it('reports none found with coverage under a sound policy, and stops at its budget', () => {
    const out = json(sim('explore', 'gallery:seed-attack', '--policy', 'P1', '--deviations', '2', '--budget', '30'));
    expect(out.invariants.every((x: { result: string }) => x.result === 'none found')).toBe(true);
    expect(out.coverage).toMatchObject({ schedules: 30, boundExhausted: false });
  });

  it('refuses bad options with a message and exit status 2', () => {
    expect(sim('explore', 'gallery:seed-attack', '--deviations', 'x')).toMatchObject({
      code: 2,
      err: 'sim: --deviations: expected a whole number ≤ 8, got "x"',
    });
    expect(sim('explore', 'gallery:nope').code).toBe(2);
    expect(sim('run', 'gallery:seed-attack', '--choices', '3k')).toMatchObject({
      code: 2,
      err: expect.stringContaining('"3k" is not an index-value pair'),
    });
    expect(sim('explore', 'gallery:seed-attack', '--until', '5')).toMatchObject({ code: 2, err: 'sim: explore: unknown option "--until"' });
  });
});
