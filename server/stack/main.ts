// `npm start`: the whole stack on one origin — the local Instant server serving the built app (dist/)
// next to its API. Run after `vite build` (the npm script does both).

import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { readInstantConfig } from '../instant/config.ts'
import { DEFAULT_APP_PORT } from '../instant/local-app.ts'
import { projectLocalApp } from '../instant/local-app-config.ts'
import { startInstantServer } from '../instant/server.ts'

async function main(): Promise<void> {
  const distDir = resolve('dist')
  if (!existsSync(resolve(distDir, 'index.html'))) {
    throw new Error('dist/index.html is missing: run `npm run build` first (npm start does this for you)')
  }
  const config = readInstantConfig(process.argv.slice(2), {
    ...process.env,
    INSTANT_LOCAL_PORT: process.env.PORT ?? String(DEFAULT_APP_PORT),
  })
  const server = await startInstantServer({
    host: config.host,
    port: config.port,
    dataDir: resolve(config.dataDir),
    localApp: projectLocalApp(),
    staticDir: distDir,
  })
  const shown = server.url.replace('127.0.0.1', 'localhost')
  process.stdout.write(
    `\neduhu.ki is running at ${shown}\n  (data in ${resolve(config.dataDir)}, admin token in ${server.adminTokenFile})\n\n`,
  )
  const stop = () => void server.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err: unknown) => {
  process.stderr.write(`eduhu.ki could not start: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
