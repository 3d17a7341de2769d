// Pushing schema and rules to a running local server: a live query follows new rules at once, a rule
// that does not compile is refused with a clear error and the old rules stay, new schema attrs arrive
// without touching existing data, and all of it survives a restart. `npm run instant:push` does the
// same from the command line, and explains what to do for an Instant that is not the local server.

import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { init as initAdmin } from '@instantdb/admin'
import { i, id } from '@instantdb/core'
import { afterAll, describe, expect, it } from 'vitest'
import { startInstantServer } from '../server.ts'
import { createLogger } from '../shared/log.ts'
import { createEphemeralApp, eventually } from './harness.ts'
import { nodeClient } from './node-client.ts'
import { freePort, type ServerProcess, startServerProcess } from './server-process.ts'

const v1 = i.schema({
  entities: {
    $users: i.entity({ email: i.string().unique().indexed().optional() }),
    notes: i.entity({ text: i.string() }),
  },
  links: {
    noteOwner: {
      forward: { on: 'notes', has: 'one', label: 'owner' },
      reverse: { on: '$users', has: 'many', label: 'notes' },
    },
  },
  rooms: {},
})
const v2 = i.schema({
  entities: {
    $users: i.entity({ email: i.string().unique().indexed().optional() }),
    notes: i.entity({ text: i.string(), color: i.string().optional() }),
    tags: i.entity({ name: i.string() }),
  },
  links: {
    noteOwner: {
      forward: { on: 'notes', has: 'one', label: 'owner' },
      reverse: { on: '$users', has: 'many', label: 'notes' },
    },
  },
  rooms: {},
})
const ownerOnly = { notes: { allow: { view: "auth.id in data.ref('owner.id')" } } }

const root = mkdtempSync(join(tmpdir(), 'instant-push-'))
const processes: ServerProcess[] = []
afterAll(async () => {
  for (const p of processes) await p.kill()
  rmSync(root, { recursive: true, force: true })
})

function dash(url: string, appId: string, path: string, token: string | undefined, body?: unknown) {
  return fetch(`${url}/dash/apps/${appId}/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

function runPush(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; out: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/instant/ops/push-main.ts', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  })
  let out = ''
  proc.stdout.on('data', (d) => (out += d))
  proc.stderr.on('data', (d) => (out += d))
  return new Promise((resolve) => proc.once('exit', (code) => resolve({ code, out })))
}

describe('pushing to the local server', () => {
  it('reloads rules and schema live, refuses a broken rule, keeps the data, survives a restart', async () => {
    const dataDir = join(root, 'live')
    let server = await startInstantServer({ dataDir, port: 0, log: createLogger('error'), backups: false })
    const app = await createEphemeralApp(server.url, { schema: JSON.parse(JSON.stringify(v1)) })
    const admin = initAdmin({ appId: app.id, adminToken: app.adminToken, apiURI: server.url, schema: v2 })

    const teacher = nodeClient({ appId: app.id, url: server.url, schema: v1 })
    const { user } = await teacher.auth.signInAsGuest()
    const mine = id()
    await admin.transact([
      admin.tx.notes[mine]!.update({ text: 'meine Notiz' }).link({ owner: user.id }),
      admin.tx.notes[id()]!.update({ text: 'fremde Notiz' }),
    ])
    let seen: string[] = []
    teacher.subscribeQuery({ notes: {} }, (r) => {
      if (r.data) seen = r.data.notes.map((n) => n.text).sort()
    })
    await eventually(() => (seen.length === 2 ? true : undefined), 30_000)

    // New rules: the open subscription shrinks to the teacher's own note, without resubscribing.
    const pushed = await dash(server.url, app.id, 'rules', app.adminToken, { code: ownerOnly })
    expect(pushed.status).toBe(200)
    await eventually(() => (seen.length === 1 ? true : undefined), 30_000)
    expect(seen).toEqual(['meine Notiz'])

    // A rule that does not compile: refused, named, and the rules in force stay as they were.
    const broken = await dash(server.url, app.id, 'rules', app.adminToken, {
      code: { notes: { allow: { view: 'auth.id ==' } } },
    })
    expect(broken.status).toBe(400)
    const error = (await broken.json()) as { type: string; message: string }
    expect(error.type).toBe('validation-failed')
    expect(error.message).toMatch(/^Invalid permission rules: .*notes\.allow\.view/)
    const pulled = await dash(server.url, app.id, 'perms/pull', app.adminToken)
    expect(await pulled.json()).toEqual({ perms: ownerOnly })
    const { data } = await teacher.queryOnce({ notes: {} })
    expect(data.notes.map((n) => n.text)).toEqual(['meine Notiz'])

    // Only the app's admin token may push.
    expect((await dash(server.url, app.id, 'rules', undefined, { code: {} })).status).toBe(401)
    expect((await dash(server.url, app.id, 'rules', 'not-the-token', { code: {} })).status).toBe(403)

    // New schema: new entity and attribute usable at once, the existing notes untouched.
    const schemaRes = await dash(server.url, app.id, 'schema', app.adminToken, {
      schema: JSON.parse(JSON.stringify(v2)),
    })
    expect(schemaRes.status).toBe(200)
    expect(((await schemaRes.json()) as { added: number }).added).toBe(3)
    await admin.transact([
      admin.tx.notes[mine]!.update({ color: 'grün' }),
      admin.tx.tags[id()]!.update({ name: 'Mathe' }),
    ])
    const afterSchema = await admin.query({ notes: {}, tags: {} })
    expect(afterSchema.notes.map((n) => [n.text, n.color ?? null]).sort()).toEqual([
      ['fremde Notiz', null],
      ['meine Notiz', 'grün'],
    ])
    expect(afterSchema.tags.map((t) => t.name)).toEqual(['Mathe'])
    teacher.shutdown()

    await server.close()
    server = await startInstantServer({ dataDir, port: 0, log: createLogger('error'), backups: false })
    try {
      expect(await (await dash(server.url, app.id, 'perms/pull', app.adminToken)).json()).toEqual({
        perms: ownerOnly,
      })
      const restarted = initAdmin({
        appId: app.id,
        adminToken: app.adminToken,
        apiURI: server.url,
        schema: v2,
      })
      const { notes, tags } = await restarted.query({ notes: {}, tags: {} })
      expect(notes).toHaveLength(2)
      expect(tags).toHaveLength(1)
    } finally {
      await server.close()
    }
  }, 120_000)
})

describe('npm run instant:push', () => {
  it("pushes the project's schema and rules to a running local server", async () => {
    const dataDir = join(root, 'project')
    const server = await startServerProcess(dataDir, await freePort())
    processes.push(server)
    const args = ['--api-uri', server.url, '--admin-token-file', join(dataDir, 'admin-token')]
    const ok = await runPush(args)
    expect(ok.out).toMatch(/schema: pushed — \d+ attrs, 0 new/)
    expect(ok.out).toContain('perms:  pushed')
    expect(ok.code).toBe(0)

    const brokenFile = join(root, 'broken.perms.ts')
    writeFileSync(brokenFile, 'export default { conversations: { allow: { view: "auth.id ==" } } }\n')
    const broken = await runPush(['perms', ...args], { INSTANT_PERMS_FILE_PATH: brokenFile })
    expect(broken.code).toBe(1)
    expect(broken.out).toMatch(
      /Push failed: .*broken\.perms\.ts has a rule that does not compile: .*conversations/,
    )

    const wrongToken = join(root, 'wrong-token')
    writeFileSync(wrongToken, 'nope\n')
    const denied = await runPush(['perms', '--api-uri', server.url, '--admin-token-file', wrongToken])
    expect(denied.code).toBe(1)
    expect(denied.out).toContain('The token is not valid for this app')
  }, 60_000)

  it('hands any other Instant to instant-cli, and says how when it is not installed', async () => {
    const other = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}'),
    )
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', () => r()))
    try {
      const url = `http://127.0.0.1:${(other.address() as AddressInfo).port}`
      const res = await runPush(['--api-uri', url, '--app-id', 'some-app'])
      expect(res.code).toBe(1)
      expect(res.out).toContain('is not the local server, and instant-cli is not installed')
      expect(res.out).toContain(`INSTANT_CLI_API_URI=${url} INSTANT_APP_ID=some-app`)
    } finally {
      other.close()
    }
  }, 60_000)
})
