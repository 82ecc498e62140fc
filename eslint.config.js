// Lint: TypeScript rules, React hooks rules for the UI, and the import rules of docs/architecture.md —
// imports only point down (ui → store → worker → scenario → sim; cli → scenario → sim), code
// outside the engine enters it through src/sim/index.ts only, the engine's own folders import one
// way, the test builders in src/testing serve tests only, no module imports itself through a
// cycle, and the engine stays pure.

import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';

const DOC = 'docs/architecture.md';
const REACT = ['react', 'react/*', 'react-dom', 'react-dom/*', '@xyflow/*', 'zustand', 'zustand/*', 'immer'];
const TESTS = ['**/*.test.ts', '**/*.test.tsx'];

/** Import patterns (gitignore syntax, as no-restricted-imports reads them) with the reason. */
const forbid = (group, message) => ({ group, message });

/** An upward import: this layer may not import src/<dir>. */
const upward = (dirs) => dirs.map((dir) => forbid([`**/${dir}/*`], `layer rule (${DOC}): this layer may not import src/${dir}`));

const uiLibraries = (libs) => forbid(libs, `layer rule (${DOC}): no UI libraries below the store`);

/** Outside src/sim, the engine is one module: src/sim/index.ts. */
const simEntry = forbid(
  ['**/sim/*', '!**/sim/index'],
  `engine entry point (${DOC}): import the engine from src/sim (src/sim/index.ts), not from its internal files`,
);

/** src/testing holds the test scenario builders: tests, the benchmark, e2e and scripts import them, nothing else. */
const testingForTestsOnly = forbid(
  ['**/testing/*'],
  `layer rule (${DOC}): src/testing serves tests only (*.test.ts, bench/, e2e/, scripts/)`,
);

/**
 * The engine's folders, lowest first: a folder imports only folders before it (and core/ and
 * model/ import nothing above them). engine.ts, boot.ts, report.ts and index.ts sit above them all.
 */
const SIM_FOLDERS = ['core', 'model', 'invariants', 'smmu', 'device', 'memory', 'hyp', 'policies', 'ops'];
const SIM_TOP = ['engine', 'boot', 'report', 'index'];
const simFolder = (i) =>
  forbid(
    [...SIM_FOLDERS.slice(i + 1).flatMap((dir) => [`**/${dir}`, `**/${dir}/*`]), ...SIM_TOP.map((f) => `**/${f}`)],
    `engine layering (${DOC}): src/sim/${SIM_FOLDERS[i]} may import only ${['itself', ...SIM_FOLDERS.slice(0, i)].join(', ')}`,
  );

const SIM_OUTSIDE = ['scenario', 'store', 'worker', 'ui', 'cli', 'report'];

/**
 * One no-restricted-imports setting per area: a file takes the options of the last block that
 * sets the rule, so each area's patterns are complete here rather than spread over blocks. Test
 * files of an area get the same patterns less the src/testing one.
 */
const AREAS = [
  { files: ['src/sim/*.ts'], patterns: [...upward(SIM_OUTSIDE), uiLibraries(REACT)], testing: true },
  ...SIM_FOLDERS.map((dir, i) => ({
    files: [`src/sim/${dir}/**`],
    patterns: [...upward(SIM_OUTSIDE), uiLibraries(REACT), simFolder(i)],
    testing: true,
  })),
  {
    files: ['src/scenario/**'],
    patterns: [...upward(['store', 'worker', 'ui', 'cli', 'report']), uiLibraries(REACT), simEntry],
    testing: true,
  },
  {
    files: ['src/testing/**'],
    patterns: [...upward(['store', 'worker', 'ui', 'cli', 'report']), uiLibraries(REACT), simEntry],
    testing: false,
  },
  { files: ['src/report/**'], patterns: [...upward(['store', 'worker', 'ui', 'cli']), uiLibraries(REACT), simEntry], testing: true },
  { files: ['src/worker/**'], patterns: [...upward(['store', 'ui', 'cli', 'report']), uiLibraries(REACT), simEntry], testing: true },
  {
    files: ['src/store/**'],
    patterns: [...upward(['ui', 'cli']), uiLibraries(['react', 'react/*', 'react-dom', 'react-dom/*', '@xyflow/*']), simEntry],
    testing: true,
  },
  { files: ['src/cli/**'], patterns: [...upward(['ui', 'store', 'worker']), uiLibraries(REACT), simEntry], testing: true },
  { files: ['src/ui/**', 'src/main.tsx'], patterns: [...upward(['cli']), simEntry], testing: true },
  { files: ['src/*.ts'], patterns: [simEntry], testing: true },
  { files: ['bench/**', 'e2e/**', 'scripts/**'], patterns: [simEntry], testing: false },
];

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const areaBlocks = AREAS.flatMap(({ files, patterns, testing }) =>
  testing
    ? [
        { files, rules: restrict([...patterns, testingForTestsOnly]) },
        // An area's test files (both globs must match) may import src/testing.
        { files: files.flatMap((f) => TESTS.map((t) => [f, t])), rules: restrict(patterns) },
      ]
    : [{ files, rules: restrict(patterns) }],
);

export default tseslint.config(
  { ignores: ['dist', 'dist-bench', 'node_modules', 'test-results', 'playwright-report', 'coverage', '.scratch'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  { files: ['src/ui/**', 'src/store/**', 'src/worker/**', 'src/main.tsx'], languageOptions: { globals: globals.browser } },
  { files: ['src/cli/**', 'bench/**', 'scripts/**', 'e2e/**', '*.config.*', '*.js', '*.mjs'], languageOptions: { globals: globals.node } },
  { files: ['src/ui/**', 'src/main.tsx'], plugins: { 'react-hooks': reactHooks }, rules: reactHooks.configs.recommended.rules },
  // No import cycles: a module never reaches itself through its runtime imports (type-only imports
  // vanish at build time and are not followed). Resolution is Node's with TypeScript's extensions,
  // which is all the repository uses (relative, extensionless imports; no path aliases).
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  ...areaBlocks,
  {
    files: ['src/sim/**'],
    rules: {
      // The engine is deterministic: time is the tick, randomness is the seeded generator.
      'no-restricted-globals': [
        'error',
        ...[
          'Date',
          'setTimeout',
          'setInterval',
          'setImmediate',
          'clearTimeout',
          'clearInterval',
          'requestAnimationFrame',
          'performance',
          'window',
          'document',
          'self',
          'globalThis',
          'localStorage',
          'fetch',
          'navigator',
          'process',
        ].map((name) => ({
          name,
          message: 'src/sim is pure and deterministic: no clocks, timers, DOM or host globals',
        })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'use the seeded generator (src/sim/core/rng.ts)' },
      ],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date']", message: 'src/sim has no wall clock' }],
    },
  },
);
