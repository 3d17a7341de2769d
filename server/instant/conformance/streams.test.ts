// Conformance: Instant Streams with the unmodified clients on real SQLite — @instantdb/admin writes
// over /admin/sse, @instantdb/core reads over its WebSocket (and the SSE fallback); live appends,
// late readers, multi-byte offsets, `$streams` rules and batched persists.

import { join } from 'node:path'
import { init as adminInit } from '@instantdb/admin'
import type { InstantCoreDatabase } from '@instantdb/core'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { authenticated, createEphemeralApp, startTestServer, type TestServer } from './harness.ts'
import { nodeClient } from './node-client.ts'

const RULES = {
  $streams: {
    allow: { create: 'false', view: "auth.id != null && data.clientId.startsWith('reply:' + auth.id + ':')" },
  },
}

let server: TestServer
let app: { id: string; adminToken: string }

beforeAll(async () => {
  server = await startTestServer()
  app = await createEphemeralApp(server.url, { rules: { code: RULES } })
})
afterAll(async () => {
  await server.close()
})

// biome-ignore lint/suspicious/noExplicitAny: the client's schema generics are declared with any
type Core = InstantCoreDatabase<any, false>

function admin() {
  return adminInit({ appId: app.id, adminToken: app.adminToken, apiURI: server.url })
}

/** A connected core client signed in as a fresh guest, and that guest's id. */
async function guest(transport: 'ws' | 'sse' = 'ws'): Promise<{ db: Core; userId: string }> {
  const db = nodeClient({ appId: app.id, url: server.url, transport }) as Core
  const { user } = await db.auth.signInAsGuest()
  await authenticated(db)
  return { db, userId: user.id }
}

async function readAll(reader: ReadableStreamDefaultReader<string>): Promise<string> {
  let text = ''
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return text
    text += value
  }
}

/** Reads until `expected` has arrived in full (it may come in several pieces); fails on done first. */
async function readUntil(
  reader: ReadableStreamDefaultReader<string>,
  expected: string,
  sofar = '',
): Promise<string> {
  let text = sofar
  while (text.length < expected.length) {
    const { done, value } = await reader.read()
    if (done)
      throw new Error(`stream ended after ${JSON.stringify(text)}, expected ${JSON.stringify(expected)}`)
    text += value
  }
  expect(text).toBe(expected)
  return text
}

describe('Instant Streams', () => {
  it('an admin writer streams to a signed-in reader live: each chunk arrives before the next is written', async () => {
    const { db, userId } = await guest()
    const clientId = `reply:${userId}:live`
    const writer = admin().streams.createWriteStream({ clientId }).getWriter()
    await writer.ready
    await writer.write('Hallo')
    const reader = db.streams.createReadStream({ clientId }).getReader()
    // The late part of a live stream: the reader gets what is there, then each new chunk as it comes.
    let text = await readUntil(reader, 'Hallo')
    for (const chunk of [' liebe', ' Lehrerin', '!']) {
      await writer.write(chunk)
      text = await readUntil(reader, text + chunk, text)
    }
    await writer.close()
    expect(await reader.read()).toEqual({ done: true, value: undefined })
    db.shutdown()
  })

  it('a reader arriving after done gets the whole content, multi-byte characters counted in UTF-8 bytes', async () => {
    const { db, userId } = await guest()
    const clientId = `reply:${userId}:umlauts`
    const chunks = ['Grüße', ' 👩‍🏫', ' ä', 'ö', 'ü ß', ' — 🎉', ' Ende']
    const writer = admin().streams.createWriteStream({ clientId }).getWriter()
    for (const c of chunks) await writer.write(c)
    await writer.close()
    const whole = chunks.join('')
    expect(await readAll(db.streams.createReadStream({ clientId }).getReader())).toBe(whole)
    // From a byte offset in the middle (after "Grüße", 7 bytes), as a reader resuming would ask.
    const resumed = db.streams.createReadStream({ clientId, byteOffset: Buffer.byteLength('Grüße') })
    expect(await readAll(resumed.getReader())).toBe(whole.slice('Grüße'.length))
    db.shutdown()
  })

  it('reads over the SSE fallback transport too', async () => {
    const { db, userId } = await guest('sse')
    const clientId = `reply:${userId}:sse`
    const writer = admin().streams.createWriteStream({ clientId }).getWriter()
    await writer.write('über SSE')
    const reader = db.streams.createReadStream({ clientId }).getReader()
    await readUntil(reader, 'über SSE')
    await writer.write(' weiter')
    await writer.close()
    expect(await readAll(reader)).toBe(' weiter')
    db.shutdown()
  })

  it("refuses a stranger, a signed-out client and a client's own write", async () => {
    const owner = await guest()
    const stranger = await guest()
    const clientId = `reply:${owner.userId}:private`
    const writer = admin().streams.createWriteStream({ clientId }).getWriter()
    await writer.write('geheim')
    await expect(readAll(stranger.db.streams.createReadStream({ clientId }).getReader())).rejects.toThrow(
      /Permission denied/,
    )
    const signedOut = nodeClient({ appId: app.id, url: server.url }) as Core
    await authenticated(signedOut)
    await expect(readAll(signedOut.streams.createReadStream({ clientId }).getReader())).rejects.toThrow(
      /Permission denied/,
    )
    // create: 'false' — even the owner cannot open a stream under its own prefix.
    const own = owner.db.streams.createWriteStream({ clientId: `reply:${owner.userId}:mine` })
    await expect(own.streamId()).rejects.toThrow(/Permission denied/)
    await writer.close()
    expect(await readAll(owner.db.streams.createReadStream({ clientId }).getReader())).toBe('geheim')
    for (const db of [owner.db, stranger.db, signedOut]) db.shutdown()
  })

  it('the admin SDK acting as a user (asUser) is held to the rules; the admin token alone is not', async () => {
    const db = nodeClient({ appId: app.id, url: server.url }) as Core
    const { user } = await db.auth.signInAsGuest()
    const asOwner = admin().asUser({ token: user.refresh_token })
    await expect(
      asOwner.streams.createWriteStream({ clientId: `reply:${user.id}:own` }).streamId(),
    ).rejects.toThrow(/Permission denied/)
    const clientId = `reply:${user.id}:as-user`
    const writer = admin().streams.createWriteStream({ clientId }).getWriter()
    await writer.write('für dich')
    await writer.close()
    expect(await readAll(asOwner.streams.createReadStream({ clientId }).getReader())).toBe('für dich')
    const asGuest = admin().asUser({ guest: true })
    await expect(readAll(asGuest.streams.createReadStream({ clientId }).getReader())).rejects.toThrow(
      /Permission denied/,
    )
    db.shutdown()
  })

  it('/admin/sse needs the admin token, and its pushes the session token it handed out', async () => {
    const open = (authorization?: string) =>
      fetch(`${server.url}/admin/sse?app_id=${app.id}`, {
        method: 'POST',
        headers: authorization ? { authorization } : {},
      })
    expect((await open()).status).toBe(401)
    expect((await open('Bearer 00000000-0000-4000-8000-000000000000')).status).toBe(403)
    const push = await fetch(`${server.url}/admin/sse/push?app_id=${app.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ session_id: crypto.randomUUID(), sse_token: crypto.randomUUID(), messages: [] }),
    })
    expect(push.status).toBe(400)
    const ok = await open(`Bearer ${app.adminToken}`)
    expect(ok.status).toBe(200)
    await ok.body?.cancel()
  })

  it('persists in batches: a 200-chunk stream takes far fewer than 200 writes', async () => {
    const { db, userId } = await guest()
    const clientId = `reply:${userId}:batched`
    const writer = admin().streams.createWriteStream({ clientId }).getWriter()
    await writer.ready
    const started = Date.now()
    const chunks = Array.from({ length: 200 }, (_, n) => `Wort${n} `)
    for (const c of chunks) await writer.write(c)
    await writer.close()
    const elapsed = Date.now() - started
    expect(await readAll(db.streams.createReadStream({ clientId }).getReader())).toBe(chunks.join(''))
    const sqlite = new Database(join(server.dataDir, 'instant.sqlite'), { readonly: true })
    const { id } = sqlite.prepare('SELECT id FROM streams WHERE client_id = ?').get(clientId) as {
      id: string
    }
    const { n } = sqlite.prepare('SELECT count(*) AS n FROM stream_chunks WHERE stream_id = ?').get(id) as {
      n: number
    }
    sqlite.close()
    // At most one persist per flush interval while writing, plus the one at done.
    expect(n).toBeGreaterThan(0)
    expect(n).toBeLessThanOrEqual(Math.floor(elapsed / 250) + 2)
    expect(n).toBeLessThan(200)
    db.shutdown()
  })

  it('answers the wire ops as upstream: wrong offset is an error, a reconnect resumes at the durable offset', async () => {
    const ws = await adminSocket()
    const token = crypto.randomUUID()
    const clientId = `wire-${crypto.randomUUID()}`
    const started = await ws.request({ op: 'start-stream', 'client-id': clientId, 'reconnect-token': token })
    expect(started).toMatchObject({ op: 'start-stream-ok', 'client-id': clientId, offset: 0 })
    const streamId = started['stream-id'] as string
    ws.send({ op: 'append-stream', 'stream-id': streamId, chunks: ['ä', 'b'], offset: 0, done: false })
    // The client counts UTF-8 bytes: 'ä' is two, so the next append starts at 3, not 2.
    const wrong = await ws.request({
      op: 'append-stream',
      'stream-id': streamId,
      chunks: ['c'],
      offset: 2,
      done: false,
    })
    expect(wrong).toMatchObject({
      op: 'error',
      type: 'validation-failed',
      'original-event': { op: 'append-stream' },
    })
    // A reconnect makes what arrived durable first and answers that offset, so the writer may drop it.
    const resumed = await ws.request({ op: 'start-stream', 'client-id': clientId, 'reconnect-token': token })
    expect(resumed).toMatchObject({ op: 'start-stream-ok', 'stream-id': streamId, offset: 3 })
    const flushed = ws.next((f) => f.op === 'stream-flushed' && f.done === true)
    ws.send({ op: 'append-stream', 'stream-id': streamId, chunks: ['c'], offset: 3, done: true })
    expect(await flushed).toMatchObject({ 'stream-id': streamId, offset: 4, done: true })
    const other = await ws.request({
      op: 'start-stream',
      'client-id': clientId,
      'reconnect-token': crypto.randomUUID(),
    })
    expect(other).toMatchObject({ op: 'error', message: expect.stringMatching(/Reconnect token is invalid/) })
    const closed = await ws.request({ op: 'start-stream', 'client-id': clientId, 'reconnect-token': token })
    expect(closed).toMatchObject({ op: 'error', message: 'Stream is closed.' })
    const fromB = await ws.request({ op: 'subscribe-stream', 'stream-id': streamId, offset: 2 })
    expect(fromB).toMatchObject({ op: 'stream-append', offset: 2, content: 'bc', done: true })
    // An offset inside a character is moved back to its start (the reader skips what it has).
    const inside = await ws.request({ op: 'subscribe-stream', 'stream-id': streamId, offset: 1 })
    expect(inside).toMatchObject({ op: 'stream-append', offset: 0, content: 'äbc', done: true })
    const missing = await ws.request({ op: 'subscribe-stream', 'client-id': 'no-such-stream' })
    expect(missing).toMatchObject({ op: 'error', message: 'Stream is missing.' })
    ws.close()
  })

  it('removes finished streams after the done TTL and abandoned ones after the idle TTL', async () => {
    const hub = server.server.ctx.streams
    const { db, userId } = await guest()
    const finishedId = `reply:${userId}:finished`
    const finished = admin().streams.createWriteStream({ clientId: finishedId }).getWriter()
    await finished.write('fertig')
    await finished.close()
    const abandonedId = `reply:${userId}:abandoned`
    const abandoned = admin().streams.createWriteStream({ clientId: abandonedId })
    await abandoned.getWriter().write('halb')
    const live = db.streams.createReadStream({ clientId: abandonedId }).getReader()
    await readUntil(live, 'halb')
    expect(await readAll(db.streams.createReadStream({ clientId: finishedId }).getReader())).toBe('fertig')

    const now = Date.now()
    hub.sweep(now)
    expect(await readAll(db.streams.createReadStream({ clientId: finishedId }).getReader())).toBe('fertig')
    hub.sweep(now + hub.opts.doneTtlMs + 1_000)
    await expect(readAll(db.streams.createReadStream({ clientId: finishedId }).getReader())).rejects.toThrow(
      'Stream is missing.',
    )
    // Still being written (within the idle TTL), so it stays.
    await readUntil(db.streams.createReadStream({ clientId: abandonedId }).getReader(), 'halb')
    // Its last persist may come a while after `now` on a busy machine: sweep well past the idle TTL.
    hub.sweep(now + hub.opts.idleTtlMs + 10 * 60_000)
    await expect(live.read()).rejects.toThrow('Stream expired.')
    await expect(readAll(db.streams.createReadStream({ clientId: abandonedId }).getReader())).rejects.toThrow(
      'Stream is missing.',
    )
    const sqlite = new Database(join(server.dataDir, 'instant.sqlite'), { readonly: true })
    const left = sqlite
      .prepare('SELECT count(*) AS n FROM streams WHERE client_id IN (?, ?)')
      .get(finishedId, abandonedId) as { n: number }
    sqlite.close()
    expect(left.n).toBe(0)
    db.shutdown()
  })
})

/** A raw admin WebSocket session: frames in, frames out, matched by client-event-id. */
async function adminSocket() {
  const socket = new WebSocket(`${server.url.replace('http', 'ws')}/runtime/session`)
  await new Promise((resolve, reject) => {
    socket.once('open', resolve)
    socket.once('error', reject)
  })
  const waiters: {
    match: (f: Record<string, unknown>) => boolean
    resolve: (f: Record<string, unknown>) => void
  }[] = []
  socket.on('message', (d) => {
    const frames = [JSON.parse(d.toString())].flat() as Record<string, unknown>[]
    for (const f of frames) {
      const i = waiters.findIndex((w) => w.match(f))
      if (i >= 0) waiters.splice(i, 1)[0]!.resolve(f)
    }
  })
  const next = (match: (f: Record<string, unknown>) => boolean) =>
    new Promise<Record<string, unknown>>((resolve) => waiters.push({ match, resolve }))
  const send = (frame: Record<string, unknown>) => socket.send(JSON.stringify(frame))
  const request = (frame: Record<string, unknown>) => {
    const eventId = crypto.randomUUID()
    const reply = next((f) => f['client-event-id'] === eventId)
    send({ ...frame, 'client-event-id': eventId })
    return reply
  }
  await request({ op: 'init', 'app-id': app.id, '__admin-token': app.adminToken })
  return { request, send, next, close: () => socket.close() }
}
