// Conformance: Instant Streams with the unmodified clients on real SQLite — @instantdb/admin writes
// over /admin/sse, @instantdb/core reads over its WebSocket (and the SSE fallback); live appends,
// late readers, multi-byte offsets, `$streams` rules and batched persists.

import { join } from 'node:path'
import { init as adminInit } from '@instantdb/admin'
import type { InstantCoreDatabase } from '@instantdb/core'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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
})
