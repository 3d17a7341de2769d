// Starts a fresh local Instant server on a free port and runs @instantdb/core's own e2e tests
// (20 tests, unmodified) against it in headless Chromium. `--json=<file>` writes vitest's JSON report.

import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startInstantServer } from '../server/instant/server.ts'
import { createLogger } from '../server/instant/shared/log.ts'
import { findChromium } from './browser.mjs'

async function main(): Promise<number> {
  const json = process.argv.find((a) => a.startsWith('--json='))?.slice('--json='.length)
  const rest = process.argv.slice(2).filter((a) => !a.startsWith('--json='))
  const browser = await findChromium()
  const dataDir = mkdtempSync(join(tmpdir(), 'instant-upstream-'))
  const server = await startInstantServer({ dataDir, port: 0, log: createLogger('warn') })
  process.stdout.write(`local Instant server for upstream e2e at ${server.url}\n`)
  try {
    const args = [
      join('node_modules', 'vitest', 'vitest.mjs'),
      'run',
      '--config',
      'vitest.upstream-e2e.config.ts',
    ]
    if (json) args.push('--reporter=default', '--reporter=json', `--outputFile.json=${json}`)
    // Asynchronous on purpose: the server runs in this process and must keep answering meanwhile.
    const child = spawn(process.execPath, [...args, ...rest], {
      stdio: 'inherit',
      env: { ...process.env, E2E_PORT: String(server.port), CHROMIUM_PATH: browser.executablePath ?? '' },
    })
    return await new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)))
  } finally {
    await server.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`upstream e2e could not run: ${err instanceof Error ? err.stack : String(err)}\n`)
    process.exit(1)
  },
)
