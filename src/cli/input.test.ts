// The runner against hostile input (README, "The command line"): it never blocks or reads without
// end, it refuses what is not a scenario file with one line naming the problem and the limit, and
// no message carries a control character, an escape sequence or an unbounded run of input.

import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './cli';
import { firstInvalidUtf8, readFileCapped } from './input';
import { GALLERY } from '../scenario/gallery';

function sim(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), readFile: readFileCapped, writeFile: () => null });
  // Only a search in worker threads answers later.
  if (typeof code !== 'number') throw new Error(`sim ${argv.join(' ')} answered later`);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

/**
 * The runner as a process, for input that would block or never end if it were read: killed after
 * a while, and with its data memory capped, so a runner that reads it fails the test rather than
 * hanging it or filling the machine's memory.
 */
function simProcess(...argv: string[]) {
  const r = spawnSync('/bin/sh', ['-c', 'ulimit -d 1000000; exec "$@"', 'sh', process.execPath, '--import', 'tsx', MAIN, ...argv], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
    killSignal: 'SIGKILL',
  });
  return { code: r.status, signal: r.signal, out: r.stdout.trim(), err: r.stderr.trim() };
}

const dir = mkdtempSync(join(tmpdir(), 'sim-input-'));
const write = (name: string, data: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};
const seed = GALLERY[0].doc as Record<string, unknown>;
const seedText = JSON.stringify(seed);
const seedBytes = new TextEncoder().encode(seedText).length;
const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
const posix = process.platform !== 'win32';

/** Exit 2, nothing on stdout, and one plain line on stderr matching `message`. */
function expectRefused(r: { code: number | null; out: string; err: string }, message: RegExp) {
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  expect(r.err.split('\n')).toHaveLength(1);
  expect(r.err).toMatch(message);
}

describe('files that are not scenario files are refused before they are read', () => {
  it.skipIf(!posix)('a FIFO with no writer: refused without opening it', () => {
    const fifo = join(dir, 'pipe.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = simProcess('run', fifo);
    expect(r.signal).toBeNull();
    expectRefused(r, /^sim: \S*pipe\.json: not a regular file \(a FIFO\)$/);
  });

  it.skipIf(!existsSync('/dev/zero'))('/dev/zero: refused, not read forever', () => {
    const r = simProcess('run', '/dev/zero');
    expect(r.signal).toBeNull();
    expectRefused(r, /^sim: \/dev\/zero: not a regular file \(a character device\)$/);
  });

  it('a directory', () => {
    const d = join(dir, 'folder.json');
    mkdirSync(d);
    expectRefused(sim('compare', d), /^sim: \S*folder\.json: not a regular file \(a directory\)$/);
  });

  it('a file over the limit for a scenario document; one at the limit is read', () => {
    const over = write('big.json', seedText + ' '.repeat(2_000_001 - seedBytes));
    expectRefused(sim('run', over), /^sim: \S*big\.json: larger than 2,000,000 bytes, the limit for a scenario document$/);
    const at = write('limit.json', seedText + ' '.repeat(2_000_000 - seedBytes));
    const r = sim('run', at, '--until', '50');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).scenario).toBe(seed.title);
  });

  it('reads no more than the limit and one byte, however long the file', () => {
    const big = write('huge.bin', new Uint8Array(3_000_000).fill(0x20));
    const r = readFileCapped(big, 1000);
    expect(r.kind === 'bytes' && r.bytes.length).toBe(1001);
    const small = readFileCapped(write('small.json', '{}'), 1000);
    expect(small.kind === 'bytes' && new TextDecoder().decode(small.bytes)).toBe('{}');
  });

  it('asks the reader for the documented limit', () => {
    const limits: number[] = [];
    runCli(['run', 'x.json'], {
      out: () => {},
      err: () => {},
      writeFile: () => null,
      readFile: (_, limit) => {
        limits.push(limit);
        return { kind: 'error', code: 'ENOENT' };
      },
    });
    expect(limits).toEqual([2_000_000]);
  });
});

describe('every message is one plain line', () => {
  /** One line, no control characters (C0, DEL, C1) or separators, and no run of input kept whole past 200 characters. */
  function expectPlain(err: string) {
    expect(err.split('\n')).toHaveLength(1);
    // eslint-disable-next-line no-control-regex
    expect(err).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
    expect(err.length).toBeLessThanOrEqual(1001);
    expect(err).not.toMatch(/\S{202,}/);
  }

  it('a key with a terminal escape sequence and a NUL is shown escaped', () => {
    const r = sim('run', write('esc-key.json', JSON.stringify({ ...seed, '\u001b[2J\u0000\u009b': 1 })));
    // The reader quotes the key as JSON (\u001b, \u0000); the line escapes what JSON leaves raw (\x9b).
    expectRefused(r, /unknown field "\\u001b\[2J\\u0000\\x9b"$/);
    expectPlain(r.err);
  });

  it('a megabyte-long field path is cut short with an ellipsis', () => {
    const key = '\u001b[31m' + 'k'.repeat(1_000_000);
    const r = sim('run', write('long-key.json', JSON.stringify({ ...seed, layout: { [key]: [0, 0] } })));
    expectRefused(r, /: layout\.\\x1b\[31mk+…: Invalid key in record$/);
    expectPlain(r.err);
  });

  it('a megabyte-long unknown field, spaces and all, is cut short', () => {
    const r = sim('run', write('long-field.json', JSON.stringify({ ...seed, ['a '.repeat(500_000)]: 1 })));
    expectRefused(r, /unknown field "a a a .*…$/);
    expect(r.err.length).toBeLessThan(1100);
    expectPlain(r.err);
  });

  it('a file name with a newline and an escape sequence', () => {
    const r = sim('run', write('evil\n\u001b[2J.json', '{ nope'));
    expectRefused(r, /evil\\n\\x1b\[2J\.json: not JSON/);
    expectPlain(r.err);
    const missing = sim('run', join(dir, 'gone\r\u0007\u2028.json'));
    expectRefused(missing, /gone\\r\\x07\\u2028\.json: ENOENT/);
    expectPlain(missing.err);
  });

  it('a NUL in a file name', () => {
    const r = sim('run', 'a\u0000b.json');
    expectRefused(r, /^sim: cannot read a\\x00b\.json: /);
    expectPlain(r.err);
  });

  it('text that is not JSON, quoted back by the parser', () => {
    const r = sim('run', write('esc.json', '\u001b[2J\u001b]0;title\u0007'));
    expectRefused(r, /esc\.json: not JSON: .*\\x1b\[2J/);
    expectPlain(r.err);
  });

  it('arguments echoed back', () => {
    const policy = sim('run', 'gallery:seed-attack', '--policy', '\u001b[2J\n');
    expectRefused(policy, /unknown policy "\\x1b\[2J\\n"/);
    expectPlain(policy.err);
    const id = sim('run', 'gallery:' + 'x'.repeat(100_000));
    expectRefused(id, /unknown gallery id "x+…/);
    expectPlain(id.err);
  });
});

describe('text: a byte-order mark, UTF-8, nesting', () => {
  it('accepts a UTF-8 byte-order mark, as the app does', () => {
    const r = sim('run', write('bom.json', '\ufeff' + seedText), '--until', '100');
    expect(r.err).toBe('');
    expect(JSON.parse(r.out).traceHash).toBe(JSON.parse(sim('run', 'gallery:seed-attack', '--until', '100').out).traceHash);
  });

  it('refuses bytes that are not UTF-8, naming the offset', () => {
    const bytes = new TextEncoder().encode(seedText);
    const at = seedText.indexOf(String(seed.title));
    bytes[at] = 0xff;
    expectRefused(sim('run', write('latin.json', bytes)), /^sim: \S*latin\.json: not UTF-8 text \(invalid byte at offset \d+\)$/);
    expect(sim('run', write('latin.json', bytes)).err).toContain(`offset ${at})`);
    // A sequence cut short: the offset is where it starts.
    const cut = new Uint8Array([...new TextEncoder().encode('{"title":"'), 0xe2, 0x28, 0xa1]);
    expect(sim('run', write('cut.json', cut)).err).toMatch(/not UTF-8 text \(invalid byte at offset 10\)$/);
  });

  it('finds the first byte that UTF-8 decoding fails on, as TextDecoder decides', () => {
    const cases: [number[], number][] = [
      [[0x41, 0x42], -1],
      [[0xef, 0xbb, 0xbf, 0x7b], -1],
      [[0xf0, 0x9f, 0x98, 0x80], -1],
      [[0x41, 0x80], 1],
      [[0xc0, 0xaf], 0],
      [[0x41, 0xe0, 0x80, 0x80], 1],
      [[0xed, 0xa0, 0x80], 0],
      [[0xf4, 0x90, 0x80, 0x80], 0],
      [[0x41, 0xe2, 0x82], 1],
      [[0xf5], 0],
    ];
    for (const [bytes, at] of cases) {
      expect(firstInvalidUtf8(new Uint8Array(bytes))).toBe(at);
      let decodes = true;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
      } catch {
        decodes = false;
      }
      expect(decodes).toBe(at === -1);
    }
  });

  it('refuses 100,000 nested arrays with its own message, at the top or in a field', () => {
    expectRefused(sim('run', write('deep.json', deep(100_000))), /^sim: \S*deep\.json: nested too deeply to read \(.*1,000 levels/);
    const inField = write('deep-field.json', JSON.stringify({ ...seed, devices: ['D'] }).replace('"D"', deep(100_000)));
    expectRefused(sim('compare', inField), /deep-field\.json: nested too deeply to read/);
    const unclosed = write('open.json', '{"format":' + '{"a":'.repeat(100_000));
    expectRefused(sim('run', unclosed), /open\.json: nested too deeply to read/);
  });

  it('reads a document nested to the limit, and brackets in strings do not count', () => {
    const atLimit = write('deep-ok.json', JSON.stringify({ ...seed, devices: ['D'] }).replace('"D"', deep(998)));
    const r = sim('run', atLimit);
    expectRefused(r, /deep-ok\.json: devices\[0\]: expected object, got \[\[\[/);
    const quoted = write('quoted.json', JSON.stringify({ ...seed, captions: [{ at: 0, text: '['.repeat(5000) }] }));
    expect(sim('run', quoted).err).not.toMatch(/nested/);
  });
});

describe('the report on stdout', () => {
  it('escapes the C1 controls, separators and bidirectional controls a title may hold', () => {
    const title = 'CSI \u009b2J NEL \u0085 LS \u2028 RLO \u202e DEL \u007f ESC \u001b[2J';
    const r = sim('run', write('title.json', JSON.stringify({ ...seed, title })), '--until', '10');
    expect(r.code).toBe(0);
    // eslint-disable-next-line no-control-regex
    expect(r.out).not.toMatch(/[\u001b\u007f-\u009f\u2028\u2029\u202e]/);
    expect(r.out).toContain('CSI \\u009b2J');
    expect(JSON.parse(r.out).scenario).toBe(title);
  });
});
