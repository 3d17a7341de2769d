// HTTP plumbing shared by every route: CORS, JSON bodies with a size limit, JSON replies, and the one
// place an error becomes an HTTP status and body.

import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { InstantError } from '../errors.ts'
import type { Logger } from '../shared/log.ts'

export const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'access-control-allow-headers':
    'content-type, authorization, app-id, as-email, as-token, as-guest, instant-admin-version, instant-core-version, path',
  'access-control-expose-headers': 'retry-after',
  'access-control-max-age': '600',
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { ...CORS_HEADERS, 'content-type': 'application/json; charset=utf-8', ...headers })
  res.end(text)
}

/** The requesting client's address: the socket's, or with `trustProxy` the first X-Forwarded-For hop. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers['x-forwarded-for']
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim()
  if (trustProxy && first) return first
  return req.socket.remoteAddress ?? 'unknown'
}

const KEEPALIVE_MS = 15_000

/**
 * Turns the response into a server-sent event stream: frames are written as `data:` lines, a comment
 * keeps proxies from closing an idle stream, and `onClose` runs once when either side goes away.
 */
export function openEventStream(
  req: IncomingMessage,
  res: ServerResponse,
  onClose: () => void,
): (frames: unknown) => void {
  res.writeHead(200, {
    ...CORS_HEADERS,
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  })
  const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS)
  let closed = false
  const close = () => {
    if (closed) return
    closed = true
    clearInterval(keepalive)
    onClose()
  }
  req.on('close', close)
  res.on('close', close)
  res.on('error', close)
  return (frames) => res.write(`data: ${JSON.stringify(frames)}\n\n`)
}

export function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBytes) {
        reject(new InstantError('oversized', `Request body exceeds the limit of ${maxBytes} bytes`))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

export async function readJson(req: IncomingMessage, maxBytes: number): Promise<Record<string, unknown>> {
  const text = await readBody(req, maxBytes)
  if (!text.trim()) return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new InstantError('param-malformed', 'The request body is not valid JSON')
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new InstantError('param-malformed', 'The request body must be a JSON object')
  }
  return parsed as Record<string, unknown>
}

/** Converts any thrown value into the HTTP reply, exactly once. */
export function sendError(res: ServerResponse, err: unknown, log: Logger): void {
  if (res.headersSent) {
    res.end()
    return
  }
  if (err instanceof InstantError) {
    // Matches Instant's rate-limited hint; the header is what HTTP clients and proxies read.
    const retryAfter = err.hint['retry-after']
    const headers: Record<string, string> =
      typeof retryAfter === 'number' ? { 'retry-after': String(retryAfter) } : {}
    sendJson(res, err.status, { type: err.type, message: err.message, hint: err.hint }, headers)
    return
  }
  const traceId = randomUUID()
  log.error('http error', { traceId, err: String(err), stack: (err as Error)?.stack })
  sendJson(res, 500, {
    message: `Something went wrong on the server (trace id ${traceId}).`,
    'trace-id': traceId,
  })
}
