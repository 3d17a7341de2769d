// Builds a running local Instant server: SQLite storage, apps, auth, sessions, the refresher and the
// HTTP/WebSocket/SSE transports, optionally serving the built app on the same origin.

import { randomUUID } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { AppDb } from './app/app-db.ts'
import { AppRegistry } from './app/app-registry.ts'
import { MagicCodeGuard } from './auth/magic-code-guard.ts'
import { MemoryMailbox } from './auth/mailbox.ts'
import { Users } from './auth/users.ts'
import type { ServerContext } from './context.ts'
import { LOCAL_APP_ID } from './local-app.ts'
import type { SchemaJson } from './model/schema-attrs.ts'
import {
  type BackupSchedule,
  type BackupScheduleOptions,
  backupScheduleFromEnv,
  startBackupSchedule,
} from './ops/backup-schedule.ts'
import { validateRules } from './perms/index.ts'
import { Rooms } from './protocol/rooms.ts'
import { Refresher } from './reactive/refresher.ts'
import { type Limits, limitsFromEnv } from './shared/limits.ts'
import { createLogger, type Logger } from './shared/log.ts'
import { SqliteStorage } from './storage/sqlite.ts'
import { StreamHub, type StreamOptions, streamOptionsFromEnv } from './streams/stream-hub.ts'
import { createRouter } from './transport/http-router.ts'
import { SseTransport } from './transport/sse.ts'
import { createStaticHandler } from './transport/static-files.ts'
import { WsTransport } from './transport/ws.ts'

export interface InstantServerOptions {
  dataDir: string
  host?: string
  port?: number
  /** The local app: its schema (instant.schema.ts) and rules (instant.perms.ts). */
  localApp?: { schema: SchemaJson; rules: unknown; title?: string }
  /** Serve this directory (the built PWA) on the same origin. */
  staticDir?: string
  /** More for /health, e.g. the assistant's state (server/stack); never secrets. */
  health?: () => Promise<Record<string, unknown>>
  /** The stack's own endpoints under /api (account deletion); answers true when it handled one. */
  appRoutes?: (req: IncomingMessage, res: ServerResponse, pathname: string) => Promise<boolean>
  limits?: Limits
  /** Instant Streams: persist interval and expiry; by default from INSTANT_LOCAL_STREAM_* (README). */
  streams?: Partial<StreamOptions>
  log?: Logger
  /** Periodic backups; by default from INSTANT_LOCAL_BACKUP_DIR (none when unset). */
  backups?: BackupScheduleOptions | false
}

export interface InstantServer {
  url: string
  port: number
  ctx: ServerContext
  localApp: AppDb | undefined
  adminTokenFile: string | undefined
  backups: BackupSchedule | undefined
  close(): Promise<void>
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1'])

export async function startInstantServer(opts: InstantServerOptions): Promise<InstantServer> {
  const log = opts.log ?? createLogger()
  const host = opts.host ?? '127.0.0.1'
  const storage = new SqliteStorage(join(opts.dataDir, 'instant.sqlite'))
  const apps = new AppRegistry(storage)
  const mailbox = new MemoryMailbox(log)
  const refresher = new Refresher()
  apps.onLoad((app) => refresher.watch(app))
  const limits = opts.limits ?? limitsFromEnv()
  const ctx: ServerContext = {
    apps,
    users: new Users(storage, mailbox.deliver, new MagicCodeGuard(limits.magicCodes, log)),
    rooms: new Rooms(),
    streams: new StreamHub(storage.streamRows(), { ...streamOptionsFromEnv(), ...opts.streams }, log),
    refresher,
    limits,
    log,
    mailbox,
    mailboxEnabled: LOOPBACK.has(host) || process.env.INSTANT_LOCAL_DEV_MAILBOX === '1',
  }

  let localApp: AppDb | undefined
  let adminTokenFile: string | undefined
  if (opts.localApp) {
    try {
      validateRules(opts.localApp.rules)
    } catch (err) {
      throw new Error(`instant.perms.ts has a rule that does not compile: ${(err as Error).message}`)
    }
    adminTokenFile = join(opts.dataDir, 'admin-token')
    const adminToken = readOrCreateSecret(adminTokenFile)
    localApp = apps.ensure(
      {
        id: LOCAL_APP_ID,
        title: opts.localApp.title ?? 'eduhu.ki',
        adminToken,
        rules: opts.localApp.rules,
        ephemeral: false,
      },
      opts.localApp.schema,
    )
  }

  const backupOptions = opts.backups === undefined ? backupScheduleFromEnv(process.env) : opts.backups
  const backups = backupOptions ? startBackupSchedule(storage, backupOptions, log) : undefined

  let ready = false
  const sse = new SseTransport(ctx)
  const ws = new WsTransport(ctx)
  const route = createRouter({
    ctx,
    sse,
    serveStatic: opts.staticDir ? createStaticHandler(opts.staticDir) : undefined,
    isReady: () => ready,
    health: opts.health,
    appRoutes: opts.appRoutes,
  })
  const server = createServer((req, res) => void route(req, res))
  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://local').pathname
    if (path === '/runtime/session') ws.upgrade(req, socket, head)
    else socket.destroy()
  })
  server.keepAliveTimeout = 65_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, host, () => resolve())
  })
  ready = true
  const port = (server.address() as AddressInfo).port
  const shownHost = host.includes(':') ? `[${host}]` : host
  return {
    url: `http://${shownHost}:${port}`,
    port,
    ctx,
    localApp,
    adminTokenFile,
    backups,
    close: async () => {
      ready = false
      await backups?.stop()
      ws.closeAll()
      sse.closeAll()
      ctx.streams.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      storage.close()
    },
  }
}

function readOrCreateSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  const secret = randomUUID()
  writeFileSync(file, `${secret}\n`, { mode: 0o600 })
  return secret
}
