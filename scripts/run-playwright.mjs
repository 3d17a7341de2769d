#!/usr/bin/env node
// Finds (or installs) a Chromium, then runs the Playwright e2e suite with any extra arguments.

import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

const node = process.execPath
const ensure = spawnSync(node, ['scripts/ensure-browser.mjs'], { stdio: 'inherit' })
if (ensure.status !== 0) process.exit(ensure.status ?? 1)
const run = spawnSync(
  node,
  [join('node_modules', '@playwright', 'test', 'cli.js'), 'test', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
)
process.exit(run.status ?? 1)
