// Test harness: a real local Instant server on a random port with a fresh SQLite data dir, and
// helpers to create ephemeral apps over HTTP as Instant's own e2e tests do.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { projectLocalApp } from '../local-app-config.ts'
import { type InstantServer, startInstantServer } from '../server.ts'
import type { Limits } from '../shared/limits.ts'
import { createLogger } from '../shared/log.ts'

export interface TestServer {
  server: InstantServer
  url: string
  dataDir: string
  close(): Promise<void>
}

export async function startTestServer(
  dataDir = mkdtempSync(join(tmpdir(), 'instant-test-')),
  opts: { projectApp?: boolean; limits?: Limits } = {},
): Promise<TestServer> {
  const server = await startInstantServer({
    dataDir,
    port: 0,
    // The project's own app (instant.schema.ts + instant.perms.ts), as `npm run instant` serves it.
    localApp: opts.projectApp ? projectLocalApp() : undefined,
    limits: opts.limits,
    log: createLogger((process.env.INSTANT_LOCAL_LOG as 'debug') ?? 'warn'),
  })
  return {
    server,
    url: server.url,
    dataDir,
    close: async () => {
      await server.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export async function createEphemeralApp(
  url: string,
  body: { title?: string; schema?: unknown; rules?: { code: unknown } } = {},
): Promise<{ id: string; adminToken: string }> {
  const res = await fetch(`${url}/dash/apps/ephemeral`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'conformance', ...body }),
  })
  if (!res.ok) throw new Error(`ephemeral app: ${res.status} ${await res.text()}`)
  const { app } = (await res.json()) as { app: { id: string; 'admin-token': string } }
  return { id: app.id, adminToken: app['admin-token'] }
}

/**
 * Waits until check() returns a value that is not undefined, polling every 10 ms. The limit is
 * generous: a busy machine is slow, and only a failure ever waits that long.
 */
export async function eventually<T>(
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 20_000,
  /** Between tries; a check that queries the server should not ask every 10 ms. */
  intervalMs = 10,
): Promise<T> {
  const start = Date.now()
  for (;;) {
    const v = await check()
    if (v !== undefined) return v
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting for a condition')
    await new Promise((r) => setTimeout(r, intervalMs))
  }
}

/**
 * Resolves once the client's connection is `authenticated` (until then transact only enqueues).
 * The status callback reports changes only, so a client that is already connected is checked first.
 */
export function authenticated(db: {
  subscribeConnectionStatus(cb: (s: string) => void): () => void
}): Promise<void> {
  const current = (db as { _reactor?: { status?: string } })._reactor?.status
  if (current === 'authenticated') return Promise.resolve()
  return new Promise((resolve) => {
    const off = db.subscribeConnectionStatus((s) => {
      if (s === 'authenticated') {
        queueMicrotask(() => off())
        resolve()
      }
    })
  })
}
