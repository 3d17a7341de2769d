// `npm run services`: the server-side routes the app needs beyond Instant, for a deployment where
// Instant runs elsewhere (deploy/): POST /api/account/delete, the retention job and /health. `npm
// start` does not need this: the stack serves the same routes next to the local Instant server.

import { createServer } from 'node:http'
import { assistantStatus } from '../../src/lib/assistant-state.ts'
import { adminDb } from '../assistant/admin-db.ts'
import { loadDotEnv } from '../instant/shared/env-file.ts'
import { createLogger } from '../instant/shared/log.ts'
import { accountRoutes } from './account-deletion.ts'
import { readInstantTarget } from './instant-target.ts'
import { readRetentionConfig, startRetentionSchedule } from './retention.ts'

const DEFAULT_SERVICES_PORT = 3001

function readListen(env: NodeJS.ProcessEnv): { host: string; port: number } {
  const raw = env.EDUHU_SERVICES_PORT?.trim() || String(DEFAULT_SERVICES_PORT)
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`EDUHU_SERVICES_PORT must be a port (0–65535), got ${JSON.stringify(raw)}`)
  return { host: env.EDUHU_SERVICES_HOST?.trim() || '127.0.0.1', port }
}

async function main(): Promise<void> {
  loadDotEnv()
  const env = process.env
  // Everything is read before anything listens: a wrong setting stops the start with its name.
  const target = readInstantTarget(env)
  const retentionConfig = readRetentionConfig(env)
  const listen = readListen(env)
  const log = createLogger(undefined, 'services')
  const db = adminDb(target)
  const routes = accountRoutes(target)
  const retention = startRetentionSchedule(db, retentionConfig, createLogger(undefined, 'retention'))

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://services').pathname
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
      res.end(JSON.stringify(body))
    }
    const handle = async () => {
      if (path === '/health') {
        // 503 while Instant's admin API cannot be reached: the load balancer and compose see it.
        try {
          const { assistantWorkers } = await db.query({ assistantWorkers: {} })
          const workers = assistantWorkers ?? []
          send(200, {
            ok: true,
            instant: 'reachable',
            assistant: { ...assistantStatus(workers, Date.now()), workers: workers.length },
          })
        } catch {
          send(503, { ok: false, instant: 'unreachable' })
        }
        return
      }
      if (await routes(req, res, path)) return
      send(404, { error: 'not-found' })
    }
    handle().catch((err: unknown) => {
      log.error('request failed', { path, error: String(err) })
      if (!res.headersSent) send(500, { error: 'internal' })
      else res.end()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(listen.port, listen.host, () => resolve())
  })
  const { port } = server.address() as { port: number }
  process.stdout.write(
    `eduhu.ki services listening on http://${listen.host}:${port} for ${target.apiURI} (app ${target.appId})\n`,
  )
  const stop = () => {
    retention.close()
    server.close(() => process.exit(0))
    // Keep-alive connections would hold close() open; the routes are short, so end them.
    server.closeAllConnections()
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err: unknown) => {
  process.stderr.write(
    `eduhu.ki services could not start: ${err instanceof Error ? err.message : String(err)}\n`,
  )
  process.exit(1)
})
