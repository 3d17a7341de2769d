// Playwright e2e against the real stack: the built PWA served with the local Instant server on one
// origin (fresh data dir per run), in Chromium at a desktop and a 360 px phone viewport.

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig, devices } from '@playwright/test'
import { CHROMIUM_ARGS, findChromium } from './scripts/browser.mjs'

const port = Number(process.env.E2E_PORT ?? 4310)
const { executablePath } = await findChromium({ install: false })
const launchOptions = { args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) }
// Set once in the runner and inherited by the workers, so tests can read the admin token from it.
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'eduhu-e2e-'))
const dataDir = process.env.E2E_DATA_DIR
// Separate build and result folders let two runs (two checkouts' worth of work) share one machine.
const distDir = process.env.EDUHU_DIST_DIR || 'dist'
// The stacks the specs start read no developer's .env (server/instant/shared/env-file.ts).
process.env.EDUHU_ENV_FILE ??= ''

export default defineConfig({
  testDir: './e2e',
  outputDir: process.env.E2E_OUTPUT_DIR || 'test-results',
  workers: 1,
  retries: 0,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  // Generous: a wait ends as soon as its condition holds, so only a failure takes this long, and a
  // busy machine (CI, several runs at once) must not turn slowness into failures.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    serviceWorkers: 'allow',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], launchOptions } },
    {
      name: 'phone',
      use: {
        defaultBrowserType: 'chromium',
        viewport: { width: 360, height: 740 },
        isMobile: true,
        hasTouch: true,
        deviceScaleFactor: 2,
        launchOptions,
      },
    },
  ],
  webServer: {
    command: `node node_modules/vite/bin/vite.js build --logLevel warn --outDir ${distDir} --emptyOutDir && node --import tsx server/stack/main.ts`,
    url: `http://127.0.0.1:${port}/health`,
    // No assistant here even if the shell has a model configured: the specs write replies themselves
    // (e2e/assistant.spec.ts runs its own stack with a scripted model).
    env: {
      PORT: String(port),
      EDUHU_DIST_DIR: distDir,
      INSTANT_LOCAL_DATA_DIR: dataDir,
      INSTANT_LOCAL_LOG: 'warn',
      ASSISTANT_API_URL: '',
      ASSISTANT_MODEL: '',
    },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
})
