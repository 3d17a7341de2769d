// A pass-through proxy between the worker and the Instant server, for tests and benches: records the
// admin transactions that pass (what the database commits), and can answer some paths with 404 as a
// server without them would (e.g. the admin stream transport, /admin/sse).

import { once } from 'node:events'
import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedWrite {
  body: string
  /** When it reached the proxy and when the server's answer ended (Date.now()). */
  sentAt: number
  answeredAt?: number
}

export interface RecordingProxy {
  /** Where the worker connects instead of the server. */
  url: string
  /** Every POST /admin/transact, in the order it arrived. */
  writes: RecordedWrite[]
  close(): Promise<void>
}

export async function startRecordingProxy(
  targetUrl: string,
  opts: { refuse?: (path: string) => boolean } = {},
): Promise<RecordingProxy> {
  const writes: RecordedWrite[] = []
  const target = new URL(targetUrl)
  const proxy = createServer((req, res) => {
    if (opts.refuse?.(req.url ?? '')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not found"}')
      return
    }
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      const write = req.url?.startsWith('/admin/transact')
        ? { body: body.toString(), sentAt: Date.now() }
        : undefined
      if (write) writes.push(write)
      const upstream = request(
        { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          if (write) answer.once('end', () => Object.assign(write, { answeredAt: Date.now() }))
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(res)
        },
      )
      upstream.on('error', () => res.destroy())
      res.on('close', () => upstream.destroy())
      upstream.end(body)
    })
  })
  proxy.listen(0, '127.0.0.1')
  await once(proxy, 'listening')
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    writes,
    async close() {
      proxy.closeAllConnections()
      proxy.close()
      await once(proxy, 'close').catch(() => {})
    },
  }
}
