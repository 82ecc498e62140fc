// The import rules of eslint.config.js, each shown to catch a deliberate violation (and to let the
// matching legitimate import through, so a rule that forbade everything would fail here too).
// Snippets are linted under virtual paths; the cycle rule follows imports on disk, so its two
// files are written to a temporary folder that the repository's own lint run ignores.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SLOW = 60_000;

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The messages of one rule for `code` linted as if it were the file at `filePath`. */
async function lint(filePath: string, code: string, ruleId: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, filePath) });
  return result.messages.filter((m) => m.ruleId === ruleId);
}

describe('layer rule: imports point down', () => {
  it(
    'refuses a worker file importing the store, accepts it importing scenario',
    async () => {
      const up = await lint('src/worker/probe.ts', "export { useApp } from '../store/appStore';\n", 'no-restricted-imports');
      expect(up.map((m) => m.message)).toEqual([expect.stringContaining('layer rule (docs/architecture.md)')]);
      expect(up[0].message).toContain('src/store');
      expect(await lint('src/worker/probe.ts', "export { parseScenario } from '../scenario/parse';\n", 'no-restricted-imports')).toEqual(
        [],
      );
    },
    SLOW,
  );

  it(
    'refuses the engine importing scenario reading',
    async () => {
      const up = await lint('src/sim/report.probe.ts', "export { parseScenario } from '../scenario/parse';\n", 'no-restricted-imports');
      expect(up.map((m) => m.message)).toEqual([expect.stringContaining('may not import src/scenario')]);
    },
    SLOW,
  );

  it(
    'refuses model/ importing a folder above it, accepts model/ importing core/',
    async () => {
      const up = await lint('src/sim/model/probe.ts', "export { cpuTable } from '../hyp/steps';\n", 'no-restricted-imports');
      expect(up.map((m) => m.message)).toEqual([expect.stringContaining('src/sim/model may import only itself, core')]);
      const top = await lint('src/sim/smmu/probe.ts', "export { createEngine } from '../engine';\n", 'no-restricted-imports');
      expect(top.map((m) => m.message)).toEqual([expect.stringContaining('engine layering')]);
      expect(await lint('src/sim/model/probe.ts', "export { mix } from '../core/hash';\n", 'no-restricted-imports')).toEqual([]);
    },
    SLOW,
  );
});

describe('engine entry point: outside src/sim, only src/sim/index.ts', () => {
  it(
    'refuses imports of internal files, at any depth, values and types alike',
    async () => {
      const cases: [string, string][] = [
        ['src/ui/panels/probe.ts', "export { V } from '../../sim/model/state';\n"],
        ['src/ui/panels/probe.ts', "export { createEngine } from '../../sim/engine';\n"],
        ['src/store/probe.ts', "export type { Scenario } from '../sim/model/scenario';\n"],
        ['src/cli/probe.ts', "import type { Engine } from '../sim/engine';\nexport type E = Engine;\n"],
        ['bench/probe.ts', "export { createEngine } from '../src/sim/engine';\n"],
      ];
      for (const [file, code] of cases) {
        const found = await lint(file, code, 'no-restricted-imports');
        expect(
          found.map((m) => m.message),
          `${file}: ${code}`,
        ).toEqual([expect.stringContaining('src/sim/index.ts')]);
      }
    },
    SLOW,
  );

  it(
    'accepts the entry point, as a folder or as index',
    async () => {
      expect(await lint('src/ui/panels/probe.ts', "export { V } from '../../sim';\n", 'no-restricted-imports')).toEqual([]);
      expect(await lint('src/worker/probe.ts', "export { createEngine } from '../sim/index';\n", 'no-restricted-imports')).toEqual([]);
    },
    SLOW,
  );
});

describe('src/testing: tests only', () => {
  it(
    'refuses a non-test file importing the test builders',
    async () => {
      const cases: [string, string][] = [
        ['src/ui/probe.ts', '../testing/scenarios'],
        ['src/store/probe.ts', '../testing/scenarios'],
        ['src/scenario/probe.ts', '../testing/scenarios'],
        ['src/sim/probe.ts', '../testing/scenarios'],
        ['src/sim/hyp/probe.ts', '../../testing/scenarios'],
      ];
      for (const [file, from] of cases) {
        const found = await lint(file, `export { runScenario } from '${from}';\n`, 'no-restricted-imports');
        expect(
          found.map((m) => m.message),
          file,
        ).toEqual([expect.stringContaining('src/testing serves tests only')]);
      }
    },
    SLOW,
  );

  it(
    'accepts tests, the benchmark, e2e and scripts importing them',
    async () => {
      const code = "export { runScenario } from '../testing/scenarios';\n";
      expect(await lint('src/ui/probe.test.ts', code, 'no-restricted-imports')).toEqual([]);
      expect(await lint('src/sim/probe.test.ts', code, 'no-restricted-imports')).toEqual([]);
      expect(await lint('bench/probe.ts', "export { runScenario } from '../src/testing/scenarios';\n", 'no-restricted-imports')).toEqual(
        [],
      );
      expect(await lint('scripts/probe.ts', "export { runScenario } from '../src/testing/scenarios';\n", 'no-restricted-imports')).toEqual(
        [],
      );
    },
    SLOW,
  );

  it(
    'refuses the test builders importing the store, accepts them importing scenario',
    async () => {
      const up = await lint('src/testing/probe.ts', "export { useApp } from '../store/appStore';\n", 'no-restricted-imports');
      expect(up.map((m) => m.message)).toEqual([expect.stringContaining('may not import src/store')]);
      expect(await lint('src/testing/probe.ts', "export { parseScenario } from '../scenario/parse';\n", 'no-restricted-imports')).toEqual(
        [],
      );
    },
    SLOW,
  );
});

describe('the engine is pure', () => {
  it(
    'refuses Math.random, Date and timers in src/sim, allows them elsewhere',
    async () => {
      const random = await lint('src/sim/hyp/probe.ts', 'export const r = Math.random();\n', 'no-restricted-properties');
      expect(random.map((m) => m.message)).toEqual([expect.stringContaining('seeded generator')]);
      const now = await lint('src/sim/hyp/probe.ts', 'export const t = Date.now();\n', 'no-restricted-globals');
      expect(now.map((m) => m.message)).toEqual([expect.stringContaining('pure and deterministic')]);
      const timer = await lint('src/sim/probe.ts', 'setTimeout(() => {}, 1);\n', 'no-restricted-globals');
      expect(timer).toHaveLength(1);
      expect(await lint('src/ui/probe.ts', 'export const r = Math.random();\n', 'no-restricted-properties')).toEqual([]);
    },
    SLOW,
  );
});

describe('no import cycles', () => {
  const dir = join(ROOT, '.scratch', `lint-cycle-${process.pid}`);
  beforeAll(() => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a.ts'), "import { b } from './b';\nexport const a = (): number => b() + 1;\n");
    writeFileSync(join(dir, 'b.ts'), "import { a } from './a';\nexport const b = (): number => a() - 1;\n");
    writeFileSync(join(dir, 'c.ts'), "import type { d } from './d';\nexport const c = (x: typeof d): number => x;\n");
    writeFileSync(join(dir, 'd.ts'), "import { c } from './c';\nexport const d = c(1);\n");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    'reports two modules importing each other',
    async () => {
      // .scratch is ignored by the repository's lint run; this instance lints it on purpose.
      const own = new ESLint({ cwd: ROOT, ignore: false });
      const [a, b] = await own.lintFiles([join(dir, 'a.ts'), join(dir, 'b.ts')]);
      for (const r of [a, b]) {
        expect(r.messages.filter((m) => m.ruleId === 'import-x/no-cycle').map((m) => m.message)).toEqual([
          expect.stringContaining('Dependency cycle'),
        ]);
      }
    },
    SLOW,
  );

  it(
    'follows runtime imports only: a type-only import back is no cycle',
    async () => {
      const own = new ESLint({ cwd: ROOT, ignore: false });
      const results = await own.lintFiles([join(dir, 'c.ts'), join(dir, 'd.ts')]);
      for (const r of results) expect(r.messages.filter((m) => m.ruleId === 'import-x/no-cycle')).toEqual([]);
    },
    SLOW,
  );
});
