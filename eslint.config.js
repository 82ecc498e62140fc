// Lint: TypeScript rules, React hooks rules for the UI, and the layer rule of DESIGN.md §3.1 —
// imports only point down (ui → store → worker → scenario → sim), no module imports itself
// through a cycle, and the engine stays pure.

import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';

const REACT = ['react', 'react/*', 'react-dom', 'react-dom/*', '@xyflow/*', 'zustand', 'zustand/*', 'immer'];
const layer = (forbidden, extra = []) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        ...forbidden.map((dir) => ({
          group: [`**/${dir}/*`],
          message: `layer rule (DESIGN.md §3.1): this layer may not import src/${dir}`,
        })),
        ...(extra.length ? [{ group: extra, message: 'layer rule (DESIGN.md §3.1): no UI libraries below the store' }] : []),
      ],
    },
  ],
});

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
  {
    files: ['src/sim/**'],
    rules: {
      ...layer(['scenario', 'store', 'worker', 'ui', 'cli'], REACT),
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
  { files: ['src/scenario/**'], rules: layer(['store', 'worker', 'ui', 'cli'], REACT) },
  { files: ['src/worker/**'], rules: layer(['store', 'ui', 'cli'], REACT) },
  { files: ['src/store/**'], rules: layer(['ui', 'cli'], ['react', 'react/*', 'react-dom', 'react-dom/*', '@xyflow/*']) },
  { files: ['src/cli/**'], rules: layer(['ui', 'store', 'worker'], REACT) },
);
