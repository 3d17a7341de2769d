// `npm start`: the whole stack on one origin — the local Instant server serving the built app (dist/)
// next to its API. Run after `vite build` (the npm script does both).

import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { readAssistantConfig } from '../assistant/config.ts'
import { readInstantConfig } from '../instant/config.ts'
import { DEFAULT_APP_PORT } from '../instant/local-app.ts'
import { projectLocalApp } from '../instant/local-app-config.ts'
import { startInstantServer } from '../instant/server.ts'
import { loadDotEnv } from '../instant/shared/env-file.ts'
import { lateRoutes, startAccountServices } from './account-services.ts'
import { startLocalAssistant } from './local-assistant.ts'

async function main(): Promise<void> {
  loadDotEnv()
  // EDUHU_DIST_DIR lets parallel e2e runs each serve their own build.
  const distDir = resolve(process.env.EDUHU_DIST_DIR || 'dist')
  if (!existsSync(resolve(distDir, 'index.html'))) {
    throw new Error('dist/index.html is missing: run `npm run build` first (npm start does this for you)')
  }
  const config = readInstantConfig(process.argv.slice(2), {
    ...process.env,
    INSTANT_LOCAL_PORT: process.env.PORT ?? String(DEFAULT_APP_PORT),
  })
  // Read first: a half-configured model stops the start before anything listens.
  const assistantConfig = readAssistantConfig(process.env)
  // The assistant's part of /health exists once the server (its admin API) runs.
  const health: { read?: () => Promise<Record<string, unknown>> } = {}
  const api = lateRoutes()
  const server = await startInstantServer({
    host: config.host,
    port: config.port,
    dataDir: resolve(config.dataDir),
    localApp: projectLocalApp(),
    health: async () => (await health.read?.()) ?? {},
    appRoutes: api.routes,
    staticDir: distDir,
  })
  const assistant = startLocalAssistant(server, assistantConfig)
  const account = startAccountServices(server)
  api.set(account.routes)
  health.read = assistant.health
  const shown = server.url.replace('127.0.0.1', 'localhost')
  process.stdout.write(
    `\neduhu.ki is running at ${shown}\n  (data in ${resolve(config.dataDir)}, admin token in ${server.adminTokenFile})\n  ${assistant.status}\n\n`,
  )
  const stop = async () => {
    account.close()
    await assistant.close()
    await server.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

main().catch((err: unknown) => {
  process.stderr.write(`eduhu.ki could not start: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
