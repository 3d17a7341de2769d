#!/usr/bin/env node
// Makes sure a Chromium exists for the browser tests (installing Debian's when possible) and says which.

import { findChromium } from './browser.mjs'

try {
  const { executablePath, source } = await findChromium()
  process.stdout.write(
    `browser for e2e tests: ${executablePath ?? "Playwright's own Chromium"} (${source})\n`,
  )
} catch (err) {
  process.stderr.write(`${err.message}\n`)
  process.exit(1)
}
