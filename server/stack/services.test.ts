// `npm run services` as its own process against a local Instant server, as deploy/ runs it beside a
// self-hosted Instant: settings from an env file (the environment winning), /health, account deletion
// through the admin API, the retention pass at start, a clear error for a missing setting, SIGTERM.

import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { id, init } from '@instantdb/admin'
import { afterAll, beforeAll, expect, test } from 'vitest'
import schema from '../../instant.schema.ts'
import { eventually } from '../instant/conformance/harness.ts'
import { refreshTokenFor } from '../instant/conformance/project-users.ts'
import { freePort, type ServerProcess, startServerProcess } from '../instant/conformance/server-process.ts'
import { LOCAL_APP_ID } from '../instant/local-app.ts'

const DAY_MS = 86_400_000
let server: ServerProcess
let dataDir: string
let adminToken: string
const children: ChildProcess[] = []

/** The services process; its stdout and stderr are collected for the assertions. */
function startServices(env: Record<string, string | undefined>): {
  proc: ChildProcess
  output: () => string
} {
  const base = { ...process.env }
  for (const name of ['INSTANT_API_URI', 'INSTANT_APP_ID', 'INSTANT_ADMIN_TOKEN', 'INSTANT_ADMIN_TOKEN_FILE'])
    delete base[name]
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/stack/services-main.ts'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...base, INSTANT_LOCAL_LOG: 'warn', ...env },
  })
  children.push(proc)
  let out = ''
  proc.stdout?.on('data', (d: Buffer) => {
    out += d.toString()
  })
  proc.stderr?.on('data', (d: Buffer) => {
    out += d.toString()
  })
  return { proc, output: () => out }
}

function exitOf(proc: ChildProcess): Promise<number | null> {
  if (proc.exitCode !== null) return Promise.resolve(proc.exitCode)
  return new Promise((resolve) => proc.once('exit', (code) => resolve(code)))
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'eduhu-services-'))
  server = await startServerProcess(dataDir, await freePort(), { env: { INSTANT_LOCAL_LOG: 'error' } })
  adminToken = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim()
}, 180_000)

afterAll(async () => {
  for (const proc of children) if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL')
  await server?.kill('SIGKILL')
  rmSync(dataDir, { recursive: true, force: true })
})

test('a missing setting stops the start with its name', async () => {
  const { proc, output } = startServices({
    EDUHU_ENV_FILE: '',
    INSTANT_API_URI: server.url,
    INSTANT_ADMIN_TOKEN_FILE: join(dataDir, 'admin-token'),
  })
  expect(await exitOf(proc)).toBe(1)
  expect(output()).toContain('INSTANT_APP_ID is not set')
}, 60_000)

test('from an env file: health, account deletion, retention at start, SIGTERM', async () => {
  const admin = init({ appId: LOCAL_APP_ID, adminToken, apiURI: server.url, schema })
  // Two teachers: one deletes their account, the other has an old chat and a fresh one.
  const leaving = await refreshTokenFor({ url: server.url, adminToken }, 'geht@schule.example')
  await refreshTokenFor({ url: server.url, adminToken }, 'bleibt@schule.example')
  const { $users } = await admin.query({ $users: { $: { fields: ['id', 'email'] } } })
  const userId = (email: string) => $users.find((u) => u.email === email)!.id
  const chat = (owner: string, ageDays: number) => {
    const at = new Date(Date.now() - ageDays * DAY_MS)
    const chatId = id()
    return {
      chatId,
      step: admin.tx.conversations[chatId]!.update({
        title: `vor ${ageDays} Tagen`,
        createdAt: at,
        updatedAt: at,
        pinned: false,
        archived: false,
      }).link({ owner }),
    }
  }
  const gone = chat(userId('geht@schule.example'), 1)
  const old = chat(userId('bleibt@schule.example'), 40)
  const fresh = chat(userId('bleibt@schule.example'), 2)
  await admin.transact([gone.step, old.step, fresh.step])

  const filePort = await freePort()
  const envPort = await freePort()
  const envFile = join(dataDir, 'services.env')
  writeFileSync(
    envFile,
    [
      '# as deploy/env.example, with the values of this test',
      `INSTANT_API_URI=${server.url}`,
      `INSTANT_APP_ID=${LOCAL_APP_ID}`,
      `INSTANT_ADMIN_TOKEN_FILE=${join(dataDir, 'admin-token')}`,
      `EDUHU_SERVICES_PORT=${filePort} # the environment below wins`,
      'RETENTION_DAYS=30',
      '',
    ].join('\n'),
  )
  const { proc, output } = startServices({ EDUHU_ENV_FILE: envFile, EDUHU_SERVICES_PORT: String(envPort) })
  const url = `http://127.0.0.1:${envPort}`
  // Starting compiles on the fly: wait for the process to say where it listens (by a condition).
  await eventually(() => (output().includes('listening on') ? true : undefined), 120_000, 50)
  expect(output()).toContain(`listening on ${url}`)

  const health = await fetch(`${url}/health`)
  expect(health.status).toBe(200)
  expect(await health.json()).toEqual({
    ok: true,
    instant: 'reachable',
    assistant: { state: 'none', workers: 0 },
  })

  // Retention ran at start with the school's 30 days: the 40-day-old chat is gone, the fresh one stays.
  await eventually(
    async () => {
      const { conversations } = await admin.query({ conversations: { $: { where: { id: old.chatId } } } })
      return conversations.length === 0 ? true : undefined
    },
    60_000,
    100,
  )
  const kept = await admin.query({ conversations: { $: { where: { id: fresh.chatId } } } })
  expect(kept.conversations).toHaveLength(1)

  const del = (init: RequestInit) => fetch(`${url}/api/account/delete`, init)
  expect((await del({ method: 'GET' })).status).toBe(405)
  expect((await del({ method: 'POST' })).status).toBe(401)
  expect((await del({ method: 'POST', headers: { authorization: 'Bearer kein-token' } })).status).toBe(401)
  const ok = await del({ method: 'POST', headers: { authorization: `Bearer ${leaving}` } })
  expect(ok.status).toBe(200)
  expect(await ok.json()).toEqual({ deleted: true })
  const after = await admin.query({
    $users: { $: { where: { email: 'geht@schule.example' } } },
    conversations: { $: { where: { id: gone.chatId } } },
  })
  expect(after.$users).toHaveLength(0)
  expect(after.conversations).toHaveLength(0)
  expect((await fetch(`${url}/anything-else`)).status).toBe(404)

  proc.kill('SIGTERM')
  expect(await exitOf(proc)).toBe(0)
}, 240_000)

test('health answers 503 while Instant cannot be reached', async () => {
  const port = await freePort()
  const { output } = startServices({
    EDUHU_ENV_FILE: '',
    INSTANT_API_URI: server.url,
    INSTANT_APP_ID: LOCAL_APP_ID,
    INSTANT_ADMIN_TOKEN_FILE: join(dataDir, 'admin-token'),
    EDUHU_SERVICES_PORT: String(port),
  })
  await eventually(() => (output().includes('listening on') ? true : undefined), 120_000, 50)
  await server.kill('SIGKILL')
  const res = await fetch(`http://127.0.0.1:${port}/health`)
  expect(res.status).toBe(503)
  expect(await res.json()).toEqual({ ok: false, instant: 'unreachable' })
}, 180_000)
