// Runs the e2e tests shipped inside @instantdb/core (unmodified, straight from node_modules) in
// headless Chromium against our local Instant server. Started by scripts/run-upstream-e2e.ts.

import { playwright } from '@vitest/browser-playwright'
import { defineConfig } from 'vitest/config'

const port = Number(process.env.E2E_PORT)
// The upstream helper treats a falsy port as "use the production API"; refuse that outright.
if (!Number.isInteger(port) || port <= 0) throw new Error('E2E_PORT must be the local Instant server port')
const CORE = 'node_modules/@instantdb/core'

export default defineConfig({
  define: { __DEV_LOCAL_PORT__: JSON.stringify(port) },
  test: {
    include: [`${CORE}/__tests__/src/**/*.e2e.test.ts`],
    exclude: ['**/.git/**'],
    expect: { poll: { timeout: 10_000 } },
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      provider: playwright({
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH || undefined,
          args: [
            '--no-sandbox',
            '--disable-dev-shm-usage',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
})
