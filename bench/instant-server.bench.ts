// Benchmark of the local Instant server over the real wire protocol: transactions per second and
// refresh fan-out latency (p50/p95) to 1, 10, 50 and 200 subscribed sessions. The server runs in its own
// process, as in production, so client work does not share its event loop.

import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WebSocket } from 'ws'
import { freePort, startServerProcess } from '../server/instant/conformance/server-process.ts'
import { percentile, round } from './stats.ts'

interface Frame {
  op: string
  [key: string]: unknown
}

class RawClient {
  private waiters: ((f: Frame) => boolean)[] = []
  onFrame: (f: Frame) => void = () => {}

  /** The attrs from this session's init-ok. */
  attrs: { id: string; 'forward-identity': [string, string, string] }[] = []

  private constructor(private ws: WebSocket) {
    ws.on('message', (data) => {
      const parsed = JSON.parse(data.toString()) as Frame | Frame[]
      for (const f of Array.isArray(parsed) ? parsed : [parsed]) {
        this.onFrame(f)
        this.waiters = this.waiters.filter((w) => !w(f))
      }
    })
  }

  static async connect(url: string, appId: string): Promise<RawClient> {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/runtime/session?app_id=${appId}`)
    await new Promise((resolve, reject) => {
      ws.once('open', resolve)
      ws.once('error', reject)
    })
    const c = new RawClient(ws)
    const init = await c.request(
      { op: 'init', 'app-id': appId, versions: { '@instantdb/core': 'v1.0.67' } },
      'init-ok',
    )
    c.attrs = init.attrs as RawClient['attrs']
    return c
  }

  request(frame: Record<string, unknown>, replyOp: string): Promise<Frame> {
    const id = randomUUID()
    return new Promise((resolve, reject) => {
      this.waiters.push((f) => {
        if (f['client-event-id'] !== id) return false
        if (f.op === replyOp) resolve(f)
        else reject(new Error(JSON.stringify(f).slice(0, 300)))
        return true
      })
      this.ws.send(JSON.stringify({ ...frame, 'client-event-id': id }))
    })
  }

  close(): void {
    this.ws.close()
  }
}

export async function benchInstantServer(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'instant-bench-'))
  const server = await startServerProcess(dir, await freePort())
  const url = server.url
  try {
    const res = await fetch(`${url}/dash/apps/ephemeral`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'bench',
        schema: {
          entities: {
            items: {
              attrs: {
                value: { valueType: 'number', required: true, config: { indexed: true, unique: false } },
                label: { valueType: 'string', required: false, config: { indexed: false, unique: false } },
              },
            },
          },
          links: {},
        },
      }),
    })
    const { app } = (await res.json()) as { app: { id: string } }
    const writer = await RawClient.connect(url, app.id)
    const attrs = writer.attrs
    const attr = (label: string) =>
      attrs.find((a) => a['forward-identity'][1] === 'items' && a['forward-identity'][2] === label)!.id
    const idAttr = attr('id')
    const valueAttr = attr('value')
    const labelAttr = attr('label')
    const txOf = (e: string, value: number) => ({
      op: 'transact',
      'tx-steps': [
        ['add-triple', e, idAttr, e],
        ['add-triple', e, valueAttr, value],
        ['add-triple', e, labelAttr, `item ${value}`],
      ],
    })

    // Throughput: sequential durable transactions from one session (each waits for transact-ok).
    const txCount = 500
    let start = performance.now()
    for (let k = 0; k < txCount; k++) await writer.request(txOf(randomUUID(), k), 'transact-ok')
    const sequentialTps = txCount / ((performance.now() - start) / 1000)

    // Throughput with 8 writers in flight at once.
    const writers = await Promise.all(Array.from({ length: 8 }, () => RawClient.connect(url, app.id)))
    start = performance.now()
    await Promise.all(
      writers.map(async (w, wi) => {
        for (let k = 0; k < txCount / 8; k++)
          await w.request(txOf(randomUUID(), 10_000 + wi * 1000 + k), 'transact-ok')
      }),
    )
    const concurrentTps = txCount / ((performance.now() - start) / 1000)
    for (const w of writers) w.close()

    // Fan-out: N sessions subscribe to the newest 20 items; the writer adds one; time until each sees it.
    const fanout: Record<string, unknown> = {}
    // Every new item must land on top of every subscribed page, so values only ever grow.
    let nextTopValue = 10_000_000
    // Same query: one user's devices watching one chat (computed once per refresh and shared).
    // Distinct queries: the worst case, every session needs its own computation.
    const cases = [
      { name: 'clients_1', n: 1, distinct: false },
      { name: 'clients_10', n: 10, distinct: false },
      { name: 'clients_50', n: 50, distinct: false },
      { name: 'clients_200', n: 200, distinct: false },
      { name: 'clients_50_distinct_queries', n: 50, distinct: true },
    ]
    for (const { name, n, distinct } of cases) {
      process.stdout.write(`  fan-out ${name}…\n`)
      const subs = await Promise.all(Array.from({ length: n }, () => RawClient.connect(url, app.id)))
      await Promise.all(
        subs.map((s, k) =>
          s.request(
            {
              op: 'add-query',
              q: { items: { $: { order: { value: 'desc' }, first: distinct ? 20 + k : 20 } } },
            },
            'add-query-ok',
          ),
        ),
      )
      const latencies: number[] = []
      const rounds = 40
      for (let r = 0; r < rounds; r++) {
        const e = randomUUID()
        const seen = subs.map(
          (s) =>
            new Promise<number>((resolve) => {
              s.onFrame = (f) => {
                if (f.op === 'refresh-ok' && JSON.stringify(f.computations).includes(e))
                  resolve(performance.now())
              }
            }),
        )
        const sent = performance.now()
        await writer.request(txOf(e, nextTopValue++), 'transact-ok')
        for (const t of await Promise.all(seen)) latencies.push(t - sent)
      }
      fanout[name] = {
        p50_ms: round(percentile(latencies, 50)),
        p95_ms: round(percentile(latencies, 95)),
        samples: latencies.length,
      }
      for (const s of subs) s.close()
    }
    writer.close()
    return {
      transactions_per_second: {
        sequential_one_session: round(sequentialTps),
        concurrent_8_sessions: round(concurrentTps),
        tx_count: txCount,
      },
      refresh_fanout_latency: fanout,
    }
  } finally {
    await server.kill('SIGTERM')
    rmSync(dir, { recursive: true, force: true })
  }
}
