// The model client against a scripted server speaking the real chat-completions streaming format.

import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { freePort } from '../instant/conformance/server-process.ts'
import { ModelError, type StreamRequest, streamChatCompletion, streamModel } from './openai-stream.ts'
import { type ScriptedModel, startScriptedModel } from './testing/scripted-model.ts'

let model: ScriptedModel

beforeAll(async () => {
  model = await startScriptedModel()
})
afterAll(() => model.close())

function request(over: Partial<StreamRequest> = {}): StreamRequest {
  return {
    apiUrl: model.url,
    apiKey: 'sk-test',
    model: 'gpt-test',
    messages: [{ role: 'user', content: 'Hallo' }],
    signal: new AbortController().signal,
    idleTimeoutMs: 5_000,
    ...over,
  }
}

async function collect(req: StreamRequest): Promise<string[]> {
  const out: string[] = []
  for await (const d of streamChatCompletion(req)) out.push(d)
  return out
}

/** A fetch whose response body arrives in exactly these reads. */
function fetchReads(reads: Uint8Array[]): typeof fetch {
  return async () => {
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (const piece of reads) c.enqueue(piece)
        c.close()
      },
    })
    return new Response(body, { headers: { 'content-type': 'text/event-stream' } })
  }
}

async function failure(req: StreamRequest): Promise<ModelError> {
  const err = await collect(req).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(ModelError)
  return err as ModelError
}

describe('streamChatCompletion', () => {
  test('posts the model, the messages and stream:true with the key, and yields the deltas in order', async () => {
    model.queue({ deltas: ['Ein', ' Quiz', ' mit ', 'Umlauten: äöü ß'] })
    expect(await collect(request())).toEqual(['Ein', ' Quiz', ' mit ', 'Umlauten: äöü ß'])
    const sent = model.requests.at(-1)!
    expect(sent.path).toBe('/v1/chat/completions')
    expect(sent.authorization).toBe('Bearer sk-test')
    expect(sent.body).toEqual({
      model: 'gpt-test',
      messages: [{ role: 'user', content: 'Hallo' }],
      stream: true,
    })
  })

  test('a stream held at a gate has delivered the text before it, and goes on once released', async () => {
    const [run] = model.queue({ deltas: ['Eins', ' zwei', ' drei'], gates: { 'after-two': 2 } })
    const stream = streamChatCompletion(request())
    expect((await stream.next()).value).toBe('Eins')
    expect((await stream.next()).value).toBe(' zwei')
    await run!.reached('after-two')
    const third = stream.next()
    run!.release('after-two')
    expect((await third).value).toBe(' drei')
    expect((await stream.next()).done).toBe(true)
    expect(await run!.request).toBe(model.requests.at(-1))
    expect(() => run!.release('nope')).toThrow("the script has no gate 'nope'")
  })

  test('sends no authorization header without a key (local models)', async () => {
    await collect(request({ apiKey: undefined }))
    expect(model.requests.at(-1)!.authorization).toBeUndefined()
  })

  test('reads events split across network chunks, CRLF line ends, comments and multi-byte characters cut in half', async () => {
    const event = (content: string, finish: string | null = null) =>
      `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content }, finish_reason: finish }] })}\r\n\r\n`
    const whole = `: keep-alive\r\n\r\n${event('Grüße')}${event(' aus Köln', 'stop')}data: [DONE]\r\n\r\n`
    const bytes = Buffer.from(whole, 'utf8')
    // Cut inside the two-byte "ü" and in the middle of lines, as a slow network would.
    const cut = bytes.indexOf(Buffer.from('ü')) + 1
    const raw = [bytes.subarray(0, cut), bytes.subarray(cut, cut + 7), bytes.subarray(cut + 7)]
    // Over the network the pieces may arrive merged or split anew; a body of exactly these reads
    // checks the cuts themselves, whatever the machine's timing.
    expect(await collect(request({ fetch: fetchReads(raw) }))).toEqual(['Grüße', ' aus Köln'])
    model.queue({ raw, contentType: 'text/event-stream; charset=utf-8' })
    expect(await collect(request())).toEqual(['Grüße', ' aus Köln'])
  })

  test('joins multi-line data fields into one event', async () => {
    const body = 'data: {"choices":[{"index":0,"delta":\ndata: {"content":"a"},"finish_reason":"stop"}]}\n\n'
    expect(await collect(request({ fetch: fetchReads([Buffer.from(body)]) }))).toEqual(['a'])
  })

  test('streams tool-call deltas in order and sends the tools', async () => {
    const tools = [
      { type: 'function' as const, function: { name: 'create_material', parameters: { type: 'object' } } },
    ]
    model.queue({
      deltas: ['Gern.'],
      toolCalls: [{ id: 'call_1', name: 'create_material', arguments: ['{"ti', 'tle":"Brüche"}'] }],
    })
    const events = []
    for await (const e of streamModel(request({ tools }))) events.push(e)
    expect(events).toEqual([
      { type: 'text', text: 'Gern.' },
      { type: 'tool', index: 0, id: 'call_1', name: 'create_material', arguments: '' },
      { type: 'tool', index: 0, arguments: '{"ti' },
      { type: 'tool', index: 0, arguments: 'tle":"Brüche"}' },
    ])
    expect(model.requests.at(-1)!.body.tools).toEqual(tools)
  })

  test('a 400 that names tools is marked as tools rejected, only when tools were sent', async () => {
    const errorBody = JSON.stringify({ error: { message: 'This model does not support tools' } })
    const tools = [{ type: 'function' as const, function: { name: 'x', parameters: { type: 'object' } } }]
    model.queue({ status: 400, errorBody }, { status: 400, errorBody })
    const withTools = await failure(request({ tools }))
    expect(withTools).toMatchObject({ kind: 'model-rejected', toolsRejected: true })
    expect((await failure(request())).toolsRejected).toBe(false)
  })

  test.each([
    [401, 'model-auth', false],
    [403, 'model-auth', false],
    [404, 'model-not-found', false],
    [400, 'model-rejected', false],
    [429, 'model-rate-limited', true],
    [500, 'model-unavailable', true],
    [503, 'model-unavailable', true],
  ] as const)('classifies HTTP %i as %s (retryable: %s) with the API message', async (status, kind, retryable) => {
    model.queue({ status, errorBody: JSON.stringify({ error: { message: `Nope ${status}` } }) })
    const err = await failure(request())
    expect(err.kind).toBe(kind)
    expect(err.retryable).toBe(retryable)
    expect(err.message).toContain(`Nope ${status}`)
  })

  test('a JSON answer where a stream was expected is a bad response', async () => {
    model.queue({ raw: ['{"choices":[]}'], contentType: 'application/json' })
    expect((await failure(request())).kind).toBe('model-bad-response')
  })

  test('an event that is not JSON is a bad response', async () => {
    model.queue({ raw: ['data: {nope\n\n'] })
    expect((await failure(request())).kind).toBe('model-bad-response')
  })

  test('a stream cut off before [DONE] fails after the text it delivered, not retryable then', async () => {
    model.queue({ deltas: ['Teil 1'], end: 'cut' })
    const got: string[] = []
    const err = await (async () => {
      try {
        for await (const d of streamChatCompletion(request())) got.push(d)
      } catch (e) {
        return e as ModelError
      }
    })()
    expect(got).toEqual(['Teil 1'])
    expect(err?.kind).toBe('model-bad-response')
    expect(err?.retryable).toBe(false)
  })

  test('an error event inside the stream fails the reply', async () => {
    model.queue({ raw: ['data: {"error":{"message":"overloaded"}}\n\n'] })
    const err = await failure(request())
    expect(err.kind).toBe('model-unavailable')
    expect(err.message).toContain('overloaded')
  })

  test('a model that goes silent is given up on after the idle timeout, and the connection is closed', async () => {
    model.queue({ deltas: ['Moment …'], end: 'stall' })
    const err = await failure(request({ idleTimeoutMs: 200 }))
    expect(err.kind).toBe('model-timeout')
    await model.requests.at(-1)!.aborted
  })

  test('aborting stops the stream and hangs up on the model', async () => {
    model.queue({ deltas: ['Erster Satz.'], end: 'stall' })
    const abort = new AbortController()
    const got: string[] = []
    const err = await (async () => {
      try {
        for await (const d of streamChatCompletion(request({ signal: abort.signal }))) {
          got.push(d)
          abort.abort()
        }
      } catch (e) {
        return e as ModelError
      }
    })()
    expect(got).toEqual(['Erster Satz.'])
    expect(err?.kind).toBe('aborted')
    await model.requests.at(-1)!.aborted
  })

  test('an unreachable endpoint is retryable and says so', async () => {
    const port = await freePort()
    const err = await failure(request({ apiUrl: `http://127.0.0.1:${port}/v1` }))
    expect(err.kind).toBe('model-unreachable')
    expect(err.retryable).toBe(true)
  })
})
