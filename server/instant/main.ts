// `npm run instant`: starts the local Instant server for the project's app and prints where it is.

import { resolve } from 'node:path'
import { readInstantConfig } from './config.ts'
import { LOCAL_APP_ID } from './local-app.ts'
import { projectLocalApp } from './local-app-config.ts'
import { startInstantServer } from './server.ts'
import { loadDotEnv } from './shared/env-file.ts'

async function main(): Promise<void> {
  loadDotEnv()
  const config = readInstantConfig(process.argv.slice(2), process.env)
  const server = await startInstantServer({
    host: config.host,
    port: config.port,
    dataDir: resolve(config.dataDir),
    localApp: projectLocalApp(),
  })
  const ws = server.url.replace(/^http/, 'ws')
  process.stdout.write(
    [
      'Local Instant server ready',
      `  API:         ${server.url}`,
      `  WebSocket:   ${ws}/runtime/session`,
      `  App id:      ${LOCAL_APP_ID}`,
      `  Admin token: in ${server.adminTokenFile} (keep it secret)`,
      `  Data:        ${resolve(config.dataDir)}`,
      `  Health:      ${server.url}/health`,
      `  Backups:     ${server.backups ? `every ${server.backups.intervalMinutes} min into ${server.backups.dir}` : 'npm run instant:backup (INSTANT_LOCAL_BACKUP_DIR for periodic ones)'}`,
      '',
    ].join('\n'),
  )
  const stop = () => {
    void server.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err: unknown) => {
  process.stderr.write(
    `Could not start the local Instant server: ${err instanceof Error ? err.message : String(err)}\n`,
  )
  process.exit(1)
})
