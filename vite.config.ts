/// <reference types="vitest/config" />
// Vite builds the app; Vitest runs the unit tests with the same resolution rules.

import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The Content-Security-Policy (docs/deploy.md says what each source is for). It goes into the built
 * page only: Vite's dev server injects an inline preamble script that a strict policy would block.
 * Scripts and workers come from our origin only (no inline script, no eval, so a label or caption
 * can never run as code); the workers are files under /assets/. Inline styles are allowed for the
 * notice in index.html; the app itself sets styles through the CSSOM, which the policy does not govern.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP.join('; ') }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  server: { port: 4317, strictPort: true },
  preview: { port: 4317, strictPort: true },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    reporters: ['default', ['json', { outputFile: 'test-results/unit-results.json' }]],
  },
});
