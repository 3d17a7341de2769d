/// <reference types="vitest/config" />
// Build, dev server and unit-test configuration of the eduhu.ki PWA.

import { readFileSync } from 'node:fs'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { manifest } from './scripts/pwa-manifest.ts'
import { precompress } from './scripts/vite-precompress.ts'
import { LOCAL_APP_ID } from './server/instant/local-app.ts'

/** The README's "First run" section, which the app links for whoever runs the server. */
function firstRunSection(): string {
  const readme = readFileSync('README.md', 'utf8')
  const start = readme.indexOf('\n## First run\n')
  if (start < 0) throw new Error('README.md has no "## First run" section (the app links it)')
  const end = readme.indexOf('\n## ', start + 1)
  return readme.slice(start + 1, end < 0 ? undefined : end + 1)
}

/** Serves that section as /docs/first-run.txt: copied into the build, and live in the dev server. */
function firstRunDocs(): Plugin {
  return {
    name: 'eduhu-first-run-docs',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'docs/first-run.txt', source: firstRunSection() })
    },
    configureServer(server) {
      server.middlewares.use('/docs/first-run.txt', (_req, res) => {
        res.setHeader('content-type', 'text/plain; charset=utf-8')
        res.end(firstRunSection())
      })
    },
  }
}
const instantTarget = `http://127.0.0.1:${process.env.INSTANT_LOCAL_PORT ?? 8888}`

export default defineConfig({
  define: { __LOCAL_INSTANT_APP_ID__: JSON.stringify(LOCAL_APP_ID) },
  plugins: [
    react(),
    firstRunDocs(),
    VitePWA({
      strategies: 'generateSW',
      // Never reload on its own: an update must not cut off a streaming reply or a draft.
      registerType: 'prompt',
      injectRegister: false,
      includeManifestIcons: false,
      manifest,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,woff2}'],
        // Install-sheet screenshots are for the browser's install UI, not for offline use.
        globIgnores: ['**/node_modules/**/*', 'screenshots/**'],
        navigateFallback: '/index.html',
        // The API lives on the same origin; it must never be answered by the app shell.
        navigateFallbackDenylist: [/^\/(runtime|admin|dash|health|dev|api|docs)\b/],
        cleanupOutdatedCaches: true,
      },
      devOptions: { enabled: false },
    }),
    precompress(),
  ],
  build: {
    rolldownOptions: {
      output: {
        // Libraries apart from the app: each chunk stays under Vite's 500 kB warning without raising the
        // limit, and they stay cached across app updates. katex and highlight.js are reached only from
        // the lazily loaded Markdown renderer, so their chunks load on demand with it.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            {
              name: 'instant',
              test: /node_modules[\\/](@instantdb|mutative|eventsource|eventsource-parser|uuid)[\\/]/,
            },
            { name: 'katex', test: /node_modules[\\/]katex[\\/]/ },
            { name: 'highlight', test: /node_modules[\\/](highlight\.js|lowlight)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/runtime': { target: instantTarget, ws: true },
      '/admin': instantTarget,
      '/dash': instantTarget,
      '/dev': instantTarget,
      '/health': instantTarget,
      '/api': instantTarget,
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'app',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: ['./src/test-setup.ts'],
          // Component tests render and type in jsdom: on a loaded 2-core machine one took 8.5 s, so
          // vitest's 5 s default would fail a correct test on a slow machine.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: [
            'server/**/*.test.ts',
            'scripts/**/*.test.ts',
            'bench/**/*.test.ts',
            'deploy/**/*.test.ts',
          ],
          testTimeout: 30_000,
          hookTimeout: 30_000,
          // The servers and workers the tests start read no developer's .env (server/instant/shared/env-file.ts).
          env: { EDUHU_ENV_FILE: '' },
        },
      },
    ],
  },
})
