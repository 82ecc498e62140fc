/// <reference types="vitest/config" />
// Vite builds the app; Vitest runs the unit tests with the same resolution rules.

import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The Content-Security-Policy (docs/deploy.md says what each source is for). It goes into the built
 * page and `vite preview` only: Vite's dev server injects an inline preamble script that a strict
 * policy would block. Scripts and workers come from our origin only (no inline script, no eval, so a
 * label or caption can never run as code); the workers are files under /assets/. Inline styles are
 * allowed for the notice in index.html; the app itself sets styles through the CSSOM, which the
 * policy does not govern.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/**
 * The headers a host sends with every file (docs/deploy.md), as `vite preview` does. The policy
 * adds frame-ancestors, which a <meta> policy cannot carry: only pages of the app's own origin may
 * frame it (the embed's host pages, docs/embed.md; a host lists its design-document sites). Every file
 * gets it, not only the page: a worker runs under the policy sent with its own script.
 */
const HOSTING_HEADERS = {
  'Content-Security-Policy': [...CSP, "frame-ancestors 'self'"].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** Files under /assets/ carry their content's hash in their name and never change; the rest is revalidated. */
function cacheControl(path: string, assets: string): string {
  return path.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * The built page carries the policy (less frame-ancestors) and the referrer policy itself, for hosts
 * that cannot set headers.
 */
function pagePolicies(): Plugin {
  return {
    name: 'page-policies',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP.join('; ') }, injectTo: 'head-prepend' },
      { tag: 'meta', attrs: { name: 'referrer', content: HOSTING_HEADERS['Referrer-Policy'] }, injectTo: 'head-prepend' },
    ],
  };
}

/** `vite preview` caches as docs/deploy.md asks of a host (preview.headers sets the rest). */
function previewCaching(): Plugin {
  return {
    name: 'preview-caching',
    configurePreviewServer(server) {
      const assets = `${server.config.base}${server.config.build.assetsDir}/`;
      server.middlewares.use((req, res, next) => {
        res.setHeader('Cache-Control', cacheControl(req.url ?? '/', assets));
        next();
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), pagePolicies(), previewCaching()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  server: { port: 4317, strictPort: true },
  preview: { port: 4317, strictPort: true, headers: HOSTING_HEADERS },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    reporters: ['default', ['json', { outputFile: 'test-results/unit-results.json' }]],
  },
});
