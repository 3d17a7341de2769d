// Instant Streams across a crash: kill -9 the server mid-stream, restart it on the same data dir and
// port; the admin writer resumes and resends what was not durable, the core reader re-subscribes
// from the offset it has, and ends with the exact full text.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { init as adminInit } from '@instantdb/admin'
import type { InstantCoreDatabase } from '@instantdb/core'
import { afterAll, expect, it } from 'vitest'
import { authenticated, createEphemeralApp } from './harness.ts'
import { nodeClient } from './node-client.ts'
import { freePort, type ServerProcess, startServerProcess } from './server-process.ts'

const dataDir = mkdtempSync(join(tmpdir(), 'instant-streams-'))
let server: ServerProcess | undefined
afterAll(async () => {
  await server?.kill()
  rmSync(dataDir, { recursive: true, force: true })
})

const RULES = {
  $streams: {
    allow: { create: 'false', view: "auth.id != null && data.clientId.startsWith('reply:' + auth.id + ':')" },
  },
}

it('resumes a stream after the server is killed mid-stream: the reader ends with the exact text', async () => {
  const port = await freePort()
  // Nothing is persisted before done, so the crash loses every byte the server had: the hardest case.
  const env = { INSTANT_LOCAL_STREAM_FLUSH_MS: '600000' }
  server = await startServerProcess(dataDir, port, { env })
  const app = await createEphemeralApp(server.url, { rules: { code: RULES } })
  // biome-ignore lint/suspicious/noExplicitAny: the client's schema generics are declared with any
  const db = nodeClient({ appId: app.id, url: server.url }) as InstantCoreDatabase<any, false>
  const { user } = await db.auth.signInAsGuest()
  await authenticated(db)
  const clientId = `reply:${user.id}:crash`
  const stream = adminInit({
    appId: app.id,
    adminToken: app.adminToken,
    apiURI: server.url,
  }).streams.createWriteStream({
    clientId,
  })
  // A reader can only subscribe to a stream that exists: the writer has started it once it has an id.
  await stream.streamId()
  const writer = stream.getWriter()
  const reader = db.streams.createReadStream({ clientId }).getReader()
  let text = ''
  const readUntil = async (expected: string) => {
    while (text.length < expected.length) {
      const { done, value } = await reader.read()
      if (done) throw new Error(`ended after ${JSON.stringify(text)}`)
      text += value
    }
    expect(text).toBe(expected)
  }

  await writer.write('Erster Teil – ä ö ü. ')
  await readUntil('Erster Teil – ä ö ü. ')

  await server.kill()
  server = await startServerProcess(dataDir, port, { env })
  // Written while the writer may still be reconnecting: it is buffered and resent with the rest.
  await writer.write('Zweiter Teil 🎉.')
  await readUntil('Erster Teil – ä ö ü. Zweiter Teil 🎉.')
  // The reader has the second part, so the writer is connected again: close() reaches the server.
  await writer.close()
  expect(await reader.read()).toEqual({ done: true, value: undefined })

  // A reader arriving now gets the whole text from SQLite.
  const late = db.streams.createReadStream({ clientId }).getReader()
  let all = ''
  for (let r = await late.read(); !r.done; r = await late.read()) all += r.value
  expect(all).toBe('Erster Teil – ä ö ü. Zweiter Teil 🎉.')
  db.shutdown()
}, 240_000)
