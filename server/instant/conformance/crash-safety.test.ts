// Crash safety: kill -9 the server during a stream of writes, restart it on the same data dir, and
// check that no acknowledged transaction was lost and that a live client reconnects, re-subscribes
// and sees the same data.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { i, id } from '@instantdb/core'
import { afterAll, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { LOCAL_APP_ID } from '../local-app.ts'
import { eventually } from './harness.ts'
import { nodeClient } from './node-client.ts'
import { freePort, type ServerProcess, startServerProcess } from './server-process.ts'

const dataDir = mkdtempSync(join(tmpdir(), 'instant-crash-'))
let server: ServerProcess | undefined
afterAll(async () => {
  await server?.kill()
  rmSync(dataDir, { recursive: true, force: true })
})

// The project's local app has no rules-free namespace, so the writer acts as the admin.
async function adminSocket(url: string, adminToken: string) {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/runtime/session?app_id=${LOCAL_APP_ID}`)
  await new Promise((r, j) => {
    ws.once('open', r)
    ws.once('error', j)
  })
  const pending = new Map<string, (f: Record<string, unknown>) => void>()
  ws.on('message', (d) => {
    const f = JSON.parse(d.toString()) as Record<string, unknown>
    pending.get(f['client-event-id'] as string)?.(f)
  })
  const request = (frame: Record<string, unknown>) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const eventId = id()
      pending.set(eventId, resolve)
      ws.send(JSON.stringify({ ...frame, 'client-event-id': eventId }))
    })
  const init = await request({ op: 'init', 'app-id': LOCAL_APP_ID, '__admin-token': adminToken })
  return { ws, request, attrs: init.attrs as { id: string; 'forward-identity': string[] }[] }
}

it('loses no acknowledged transaction when killed mid-write, and clients resume', async () => {
  const port = await freePort()
  server = await startServerProcess(dataDir, port)
  const { readFileSync } = await import('node:fs')
  const adminToken = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim()
  const writer = await adminSocket(server.url, adminToken)
  const attr = (etype: string, label: string) =>
    writer.attrs.find((a) => a['forward-identity'][1] === etype && a['forward-identity'][2] === label)!.id

  // A live client watching the same data through the real core client (as the admin, rules bypassed).
  const schema = i.schema({
    entities: { conversations: i.entity({ title: i.string() }) },
    links: {},
    rooms: {},
  })
  const watcher = nodeClient({ appId: LOCAL_APP_ID, url: server.url, schema, adminToken })
  let seen: string[] = []
  watcher.subscribeQuery({ conversations: {} }, (r) => {
    if (r.data) seen = r.data.conversations.map((c) => c.id)
  })
  let reconnects = 0
  watcher.subscribeConnectionStatus((s) => {
    if (s === 'authenticated') reconnects++
  })

  const acked: string[] = []
  const now = Date.now()
  const closed = new Promise<undefined>((r) => writer.ws.once('close', () => r(undefined)))
  let stop = false
  const writes = (async () => {
    for (let k = 0; !stop && k < 5000; k++) {
      const e = id()
      const reply = await Promise.race([
        writer.request({
          op: 'transact',
          'tx-steps': [
            ['add-triple', e, attr('conversations', 'id'), e],
            ['add-triple', e, attr('conversations', 'title'), `crash ${k}`],
            ['add-triple', e, attr('conversations', 'createdAt'), now + k],
            ['add-triple', e, attr('conversations', 'updatedAt'), now + k],
            ['add-triple', e, attr('conversations', 'pinned'), false],
            ['add-triple', e, attr('conversations', 'archived'), false],
          ],
        }),
        closed,
      ])
      if (!reply) return
      if (reply.op === 'transact-ok') acked.push(e)
      else throw new Error(JSON.stringify(reply))
    }
  })()
  await eventually(() => (acked.length >= 50 ? true : undefined), 20_000)
  await server.kill('SIGKILL')
  stop = true
  await writes
  expect(acked.length).toBeGreaterThanOrEqual(50)

  server = await startServerProcess(dataDir, port)
  const check = await adminSocket(server.url, adminToken)
  const reply = await check.request({ op: 'add-query', q: { conversations: {} } })
  const triples = JSON.stringify(reply.result)
  const missing = acked.filter((e) => !triples.includes(e))
  expect(missing).toEqual([])
  // The watcher reconnects on its own, re-subscribes, and shows every acknowledged write.
  await eventually(
    () => (reconnects >= 2 && acked.every((e) => seen.includes(e)) ? true : undefined),
    30_000,
  ).catch((err) => {
    throw new Error(`${err} reconnects=${reconnects} seen=${seen.length} acked=${acked.length}`)
  })
  check.ws.close()
  watcher.shutdown()
}, 60_000)
