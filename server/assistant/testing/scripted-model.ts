// A scripted OpenAI-compatible model server for tests: speaks the real chat-completions streaming
// wire format (server-sent `chat.completion.chunk` events, then `data: [DONE]`), records every
// request, and can fail, stall or cut off exactly where a test says.

import { once } from 'node:events'
import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Script {
  /** Answered with this status and `errorBody` instead of a stream. */
  status?: number
  errorBody?: string
  /** Text deltas, one event each. */
  deltas?: string[]
  delayMs?: number
  /** After the deltas: finish normally, stall (keep the connection open), or just close. */
  end?: 'done' | 'stall' | 'cut'
  /** Sent as-is instead of the events (to split lines across chunks, use CRLF, send garbage). */
  raw?: Iterable<string | Uint8Array>
  contentType?: string
}

export interface RecordedRequest {
  path: string
  authorization: string | undefined
  body: { model: string; stream: boolean; messages: { role: string; content: string }[] }
  /** Resolves when the client hangs up before the response ended. */
  aborted: Promise<void>
  wasAborted: () => boolean
}

export interface ScriptedModel {
  /** The base URL to configure, ending in /v1. */
  url: string
  requests: RecordedRequest[]
  /** Scripts for the next requests, in order; when none is left, `fallback` answers. */
  queue(...scripts: Script[]): void
  /** Drops the queued scripts that were not used. */
  reset(): void
  fallback: Script
  /** The most requests in flight at once (reset it to measure a phase). */
  peak: number
  close(): Promise<void>
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function chunk(id: string, delta: Record<string, unknown>, finish: string | null): string {
  const body = {
    id,
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model: 'scripted-model',
    choices: [{ index: 0, delta, finish_reason: finish }],
  }
  return `data: ${JSON.stringify(body)}\n\n`
}

async function respond(res: ServerResponse, script: Script, n: number): Promise<void> {
  if (script.status && script.status !== 200) {
    res.writeHead(script.status, { 'content-type': 'application/json' })
    res.end(script.errorBody ?? JSON.stringify({ error: { message: `scripted failure ${script.status}` } }))
    return
  }
  res.writeHead(200, {
    'content-type': script.contentType ?? 'text/event-stream',
    'cache-control': 'no-cache',
  })
  const write = async (text: string | Uint8Array) => {
    if (res.destroyed) return
    res.write(text)
    if (script.delayMs) await sleep(script.delayMs)
  }
  if (script.raw) {
    for (const piece of script.raw) await write(piece)
  } else {
    const id = `chatcmpl-scripted-${n}`
    await write(chunk(id, { role: 'assistant', content: '' }, null))
    for (const d of script.deltas ?? []) await write(chunk(id, { content: d }, null))
    if ((script.end ?? 'done') === 'done') {
      await write(chunk(id, {}, 'stop'))
      await write('data: [DONE]\n\n')
    }
  }
  if (script.end === 'stall') return
  res.end()
}

export async function startScriptedModel(
  fallback: Script = { deltas: ['Hallo', ' aus', ' dem', ' Modell.'] },
) {
  const scripts: Script[] = []
  const requests: RecordedRequest[] = []
  let inFlight = 0
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    let aborted = false
    let markAborted: () => void = () => {}
    const abortedPromise = new Promise<void>((r) => {
      markAborted = r
    })
    res.on('close', () => {
      if (!res.writableEnded) {
        aborted = true
        markAborted()
      }
    })
    requests.push({
      path: req.url ?? '',
      authorization: req.headers.authorization,
      body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
      aborted: abortedPromise,
      wasAborted: () => aborted,
    })
    if (req.url !== '/v1/chat/completions') {
      res.writeHead(404).end()
      return
    }
    inFlight++
    model.peak = Math.max(model.peak, inFlight)
    res.on('close', () => inFlight--)
    await respond(res, scripts.shift() ?? model.fallback, requests.length)
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  const model: ScriptedModel = {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    queue: (...s) => scripts.push(...s),
    reset: () => scripts.splice(0),
    fallback,
    peak: 0,
    close: async () => {
      server.closeAllConnections()
      server.close()
      await once(server, 'close')
    },
  }
  return model
}
