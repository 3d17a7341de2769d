// Benchmark of Instant Streams on the local server (its own process): an @instantdb/admin writer sends
// replies of 120 tokens 25 ms apart, @instantdb/core readers (1 and 10 per reply) receive them; reports
// token append → reader latency (p50/p95) and the server's persists per reply and per second of reply.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { init as adminInit } from '@instantdb/admin'
import type { InstantCoreDatabase } from '@instantdb/core'
import Database from 'better-sqlite3'
import { authenticated, createEphemeralApp } from '../server/instant/conformance/harness.ts'
import { nodeClient } from '../server/instant/conformance/node-client.ts'
import { freePort, startServerProcess } from '../server/instant/conformance/server-process.ts'
import { percentile, round } from './stats.ts'

const TOKENS = 120
const GAP_MS = 25
const REPLIES = 6

// biome-ignore lint/suspicious/noExplicitAny: the client's schema generics are declared with any
type Core = InstantCoreDatabase<any, false>

export async function benchInstantStreams(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-streams-'))
  const server = await startServerProcess(dataDir, await freePort())
  try {
    const app = await createEphemeralApp(server.url, {
      rules: { code: { $streams: { allow: { view: 'auth.id != null', create: 'false' } } } },
    })
    const admin = adminInit({ appId: app.id, adminToken: app.adminToken, apiURI: server.url })
    const readers: Core[] = []
    for (let k = 0; k < 10; k++) {
      const db = nodeClient({ appId: app.id, url: server.url }) as Core
      await db.auth.signInAsGuest()
      await authenticated(db)
      readers.push(db)
    }
    const out: Record<string, unknown> = { tokens_per_reply: TOKENS, token_gap_ms: GAP_MS, replies: REPLIES }
    for (const fanout of [1, 10]) {
      const latencies: number[] = []
      const persists: number[] = []
      const perSecond: number[] = []
      for (let r = 0; r < REPLIES; r++) {
        const clientId = `bench-${fanout}-${r}-${Date.now()}`
        const stream = admin.streams.createWriteStream({ clientId })
        await stream.streamId()
        const writer = stream.getWriter()
        const sentAt: number[] = []
        const endsAt: number[] = []
        const streams = readers.slice(0, fanout).map((db) => db.streams.createReadStream({ clientId }))
        // Every reader has subscribed (its first stream-append came) before the first token is written.
        await Promise.all(streams.map((s) => s.streamId()))
        const reads = streams.map((s) => readStream(s, endsAt, sentAt, latencies))
        const started = performance.now()
        let bytes = 0
        for (let t = 0; t < TOKENS; t++) {
          const token = t % 10 === 0 ? ` Grüße${t}` : ` Wort${t}`
          bytes += Buffer.byteLength(token)
          endsAt.push(bytes)
          sentAt.push(performance.now())
          await writer.write(token)
          await new Promise((resolve) => setTimeout(resolve, GAP_MS))
        }
        await writer.close()
        await Promise.all(reads)
        const seconds = (performance.now() - started) / 1000
        const n = chunkRows(dataDir, clientId)
        persists.push(n)
        perSecond.push(n / seconds)
      }
      out[`readers_${fanout}`] = {
        append_to_reader_ms: {
          p50: round(percentile(latencies, 50)),
          p95: round(percentile(latencies, 95)),
          max: round(Math.max(...latencies)),
          samples: latencies.length,
        },
        persists_per_reply: { median: percentile(persists, 50), max: Math.max(...persists) },
        persists_per_second_of_reply: {
          median: round(percentile(perSecond, 50)),
          max: round(Math.max(...perSecond)),
        },
      }
    }
    for (const db of readers) db.shutdown()
    return out
  } finally {
    await server.kill()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/** Reads the stream to its end, noting for each token how long after its write the reader had it. */
async function readStream(stream: ReadableStream<string>, endsAt: number[], sentAt: number[], out: number[]) {
  const reader = stream.getReader()
  let have = 0
  let next = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return
    have += Buffer.byteLength(value)
    const now = performance.now()
    while (next < endsAt.length && endsAt[next]! <= have) out.push(now - sentAt[next++]!)
  }
}

/** Persists with content: one stream_chunks row each (the done flag rides on the last one). */
function chunkRows(dataDir: string, clientId: string): number {
  const db = new Database(join(dataDir, 'instant.sqlite'), { readonly: true })
  try {
    const row = db
      .prepare(
        'SELECT count(*) AS n FROM stream_chunks c JOIN streams s ON s.id = c.stream_id WHERE s.client_id = ?',
      )
      .get(clientId) as { n: number }
    return row.n
  } finally {
    db.close()
  }
}
