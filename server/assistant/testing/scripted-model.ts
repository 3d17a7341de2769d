// A scripted OpenAI-compatible model server for tests: speaks the real chat-completions streaming
// wire format (server-sent `chat.completion.chunk` events with text and tool-call deltas, then
// `data: [DONE]`), records every request, and can fail, stall, cut off or hold at a named gate.

import { once } from 'node:events'
import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Script {
  /** Answered with this status and `errorBody` instead of a stream. */
  status?: number
  errorBody?: string
  /** Text deltas, one event each. */
  deltas?: string[]
  /**
   * Tool calls after the text, streamed as OpenAI does: a first `delta.tool_calls` event with the
   * index, id, type and name (arguments ''), then one event per `arguments` piece; the stream then
   * finishes with finish_reason 'tool_calls'. Gates count the pieces after the deltas.
   */
  toolCalls?: ScriptedToolCall[]
  /** A pause after each event, for a steady stream (the bench). Tests hold the stream with `gates`. */
  delayMs?: number
  /**
   * Named points where the stream holds until the test releases it (see `ScriptRun`): the number is
   * how many deltas (or `raw` pieces) are sent before it, so 0 holds before the first text and
   * `deltas.length` after the last one, before the finish. Only queued scripts hold, never `fallback`.
   */
  gates?: Record<string, number>
  /** After the deltas: finish normally, stall (keep the connection open), or just close. */
  end?: 'done' | 'stall' | 'cut'
  /** Sent as-is instead of the events (to split lines across chunks, use CRLF, send garbage). */
  raw?: Iterable<string | Uint8Array>
  contentType?: string
}

export interface ScriptedToolCall {
  /** Defaults to `call_<n>`. */
  id?: string
  name: string
  arguments: string[]
}

export interface RecordedRequest {
  path: string
  authorization: string | undefined
  body: {
    model: string
    stream: boolean
    messages: { role: string; content: string }[]
    tools?: { type: string; function: { name: string; description?: string; parameters: unknown } }[]
  }
  /** Resolves when the client hangs up before the response ended. */
  aborted: Promise<void>
  wasAborted: () => boolean
}

/** One queued script as it runs: a test waits for its gates and releases them. */
export interface ScriptRun {
  /** Resolves with the request this script answers, once one takes it. */
  request: Promise<RecordedRequest>
  /** Resolves when the stream holds at `gate`: everything before it has been handed to the network. */
  reached(gate: string): Promise<void>
  /** Lets the stream go on past `gate`; released before it is reached, the stream does not stop there. */
  release(gate: string): void
  /** Releases every gate (the model's `close` does this too). */
  releaseAll(): void
}

export interface ScriptedModel {
  /** The base URL to configure, ending in /v1. */
  url: string
  requests: RecordedRequest[]
  /** Scripts for the next requests, in order; when none is left, `fallback` answers. */
  queue(...scripts: Script[]): ScriptRun[]
  /** Drops the queued scripts that were not used. */
  reset(): void
  fallback: Script
  /** The most requests in flight at once (reset it to measure a phase). */
  peak: number
  close(): Promise<void>
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

interface Deferred<T> {
  promise: Promise<T>
  resolve: (value: T) => void
}

function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => {
    resolve = r
  })
  return { promise, resolve }
}

interface Gate {
  at: number
  reached: Deferred<void>
  released: Deferred<void>
}

interface Run extends ScriptRun {
  took(request: RecordedRequest): void
  /** Waits at every gate set at `count` sent pieces until it is released or the client hangs up. */
  hold(count: number, closed: Promise<void>): Promise<void>
}

function scriptRun(script: Script): Run {
  const gates = new Map<string, Gate>()
  for (const [name, at] of Object.entries(script.gates ?? {}))
    gates.set(name, { at, reached: deferred(), released: deferred() })
  const gate = (name: string) => {
    const g = gates.get(name)
    if (!g) throw new Error(`the script has no gate '${name}' (it has: ${[...gates.keys()].join(', ')})`)
    return g
  }
  const request = deferred<RecordedRequest>()
  return {
    request: request.promise,
    reached: async (name) => gate(name).reached.promise,
    release: (name) => gate(name).released.resolve(),
    releaseAll: () => {
      for (const g of gates.values()) g.released.resolve()
    },
    took: request.resolve,
    hold: async (count, closed) => {
      for (const g of gates.values()) {
        if (g.at !== count) continue
        g.reached.resolve()
        await Promise.race([g.released.promise, closed])
      }
    },
  }
}

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

async function respond(res: ServerResponse, script: Script, n: number, run?: Run): Promise<void> {
  if (script.status && script.status !== 200) {
    res.writeHead(script.status, { 'content-type': 'application/json' })
    res.end(script.errorBody ?? JSON.stringify({ error: { message: `scripted failure ${script.status}` } }))
    return
  }
  res.writeHead(200, {
    'content-type': script.contentType ?? 'text/event-stream',
    'cache-control': 'no-cache',
  })
  const closed = new Promise<void>((r) => res.once('close', r))
  // Resolves once the piece is handed to the network, so a gate reached means "sent".
  const write = async (text: string | Uint8Array) => {
    if (res.destroyed) return
    await Promise.race([new Promise<void>((r) => res.write(text, () => r())), closed])
    if (script.delayMs) await sleep(script.delayMs)
  }
  let sent = 0
  const hold = () => run?.hold(sent, closed)
  if (script.raw) {
    for (const piece of script.raw) {
      await hold()
      await write(piece)
      sent++
    }
    await hold()
  } else {
    const id = `chatcmpl-scripted-${n}`
    await write(chunk(id, { role: 'assistant', content: '' }, null))
    for (const d of script.deltas ?? []) {
      await hold()
      await write(chunk(id, { content: d }, null))
      sent++
    }
    const calls = script.toolCalls ?? []
    for (const [index, call] of calls.entries()) {
      const head = { index, id: call.id ?? `call_${index}`, type: 'function' }
      await write(
        chunk(id, { tool_calls: [{ ...head, function: { name: call.name, arguments: '' } }] }, null),
      )
      for (const piece of call.arguments) {
        await hold()
        await write(chunk(id, { tool_calls: [{ index, function: { arguments: piece } }] }, null))
        sent++
      }
    }
    await hold()
    if ((script.end ?? 'done') === 'done') {
      await write(chunk(id, {}, calls.length ? 'tool_calls' : 'stop'))
      await write('data: [DONE]\n\n')
    }
  }
  if (script.end === 'stall') return
  res.end()
}

export async function startScriptedModel(
  fallback: Script = { deltas: ['Hallo', ' aus', ' dem', ' Modell.'] },
) {
  const scripts: { script: Script; run: Run }[] = []
  const runs: Run[] = []
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
    const recorded: RecordedRequest = {
      path: req.url ?? '',
      authorization: req.headers.authorization,
      body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
      aborted: abortedPromise,
      wasAborted: () => aborted,
    }
    requests.push(recorded)
    if (req.url !== '/v1/chat/completions') {
      res.writeHead(404).end()
      return
    }
    inFlight++
    model.peak = Math.max(model.peak, inFlight)
    res.on('close', () => inFlight--)
    const next = scripts.shift()
    next?.run.took(recorded)
    await respond(res, next?.script ?? model.fallback, requests.length, next?.run)
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  const model: ScriptedModel = {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    queue: (...s) => {
      const queued = s.map((script) => ({ script, run: scriptRun(script) }))
      scripts.push(...queued)
      runs.push(...queued.map((q) => q.run))
      return queued.map((q) => q.run)
    },
    reset: () => scripts.splice(0),
    fallback,
    peak: 0,
    close: async () => {
      for (const run of runs) run.releaseAll()
      server.closeAllConnections()
      server.close()
      await once(server, 'close')
    },
  }
  return model
}
