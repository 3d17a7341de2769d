// `npm run dev`: the local Instant server plus Vite's dev server, which proxies /runtime, /admin,
// /dash and /health to it, so the app again runs on one origin.

import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { readAssistantConfig } from '../assistant/config.ts'
import { readInstantConfig } from '../instant/config.ts'
import { projectLocalApp } from '../instant/local-app-config.ts'
import { startInstantServer } from '../instant/server.ts'
import { loadDotEnv } from '../instant/shared/env-file.ts'
import { lateRoutes, startAccountServices } from './account-services.ts'
import { startLocalAssistant } from './local-assistant.ts'

async function main(): Promise<void> {
  loadDotEnv()
  const config = readInstantConfig([], process.env)
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
  })
  const assistant = startLocalAssistant(server, assistantConfig)
  const account = startAccountServices(server)
  api.set(account.routes)
  health.read = assistant.health
  process.stdout.write(`Local Instant server at ${server.url}; ${assistant.status}; starting Vite…\n`)
  const vite = spawn(process.execPath, [resolve('node_modules/vite/bin/vite.js'), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, INSTANT_LOCAL_PORT: String(server.port) },
  })
  const shutDown = async (code: number) => {
    account.close()
    await assistant.close()
    await server.close()
    process.exit(code)
  }
  const stop = () => {
    vite.kill('SIGTERM')
    void shutDown(0)
  }
  vite.on('exit', (code) => void shutDown(code ?? 0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err: unknown) => {
  process.stderr.write(`npm run dev failed: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
