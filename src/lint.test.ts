// The import rules of eslint.config.js, each shown to catch a deliberate violation. The cycle rule
// follows imports on disk, so its files are written to a temporary folder that the repository's
// own lint run ignores.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SLOW = 60_000;

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
