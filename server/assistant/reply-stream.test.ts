// A reply's tokens through its Instant stream: the worker on the real local server (the project's
// schema and rules), the teacher reading the stream on the unmodified core client, the scripted model
// holding at gates, and a pass-through proxy counting the worker's durable writes.

import { afterEach, describe, expect, test } from 'vitest'
import { replyStreamId } from '../../src/data/reply-stream-id.ts'
import { eventually } from '../instant/conformance/harness.ts'
import type { AssistantConfig } from './config.ts'
import { type RecordingProxy, startRecordingProxy } from './testing/recording-proxy.ts'
import { workerStack } from './testing/worker-stack.ts'

const stack = workerStack('stream-lehrerin@schule.de')
let proxy: RecordingProxy | undefined

afterEach(async () => {
  await stack.stopWorkers()
  await proxy?.close()
  proxy = undefined
})

interface Reply {
  id: string
  text: string
  status: string
}

/** The worker behind a recording proxy (refusing `refuse` paths); `over` on top of the stack's config. */
async function start(over: Partial<AssistantConfig>, refuse?: (path: string) => boolean) {
  proxy = await startRecordingProxy(stack.server.url, { refuse })
  stack.startWorker(over, { apiURI: proxy.url })
  return proxy
}

/** The conversation's reply as the teacher's client sees it, once it exists (and `until` holds). */
async function reply(conversationId: string, until: (r: Reply) => boolean = () => true): Promise<Reply> {
  return eventually(
    async () => {
      const { data } = await stack.teacher.queryOnce({
        messages: { $: { where: { 'conversation.id': conversationId, role: 'assistant' } } },
      })
      const r = data.messages[0] as Reply | undefined
      return r && until(r) ? r : undefined
    },
    20_000,
    50,
  )
}

/**
 * Reads the reply's stream as the teacher's client does. A subscription the server refuses (the
 * stream not there yet) is tried again until one is accepted.
 */
function readStream(clientId: string) {
  const state = { text: '', ended: false, error: undefined as unknown, subscribed: false }
  const done = (async () => {
    for (;;) {
      const reader = stack.teacher.streams.createReadStream({ clientId }).getReader()
      try {
        for (;;) {
          const { value, done } = await reader.read()
          state.subscribed = true
          if (done) {
            state.ended = true
            return
          }
          state.text += value
        }
      } catch (err) {
        if (state.subscribed) {
          state.error = err
          return
        }
        await new Promise((r) => setTimeout(r, 50))
      }
    }
  })()
  return {
    state,
    done,
    until: (check: (s: typeof state) => boolean) => eventually(() => (check(state) ? state : undefined)),
  }
}

/** The worker's durable writes of `replyId` after the claim that created it. */
function replyWrites(p: RecordingProxy, replyId: string) {
  return p.writes.filter((w) => w.body.includes(replyId) && !w.body.includes('"status":"streaming"'))
}

describe('reply streams', () => {
  test('the teacher reads the tokens from the stream while the durable text lags behind', async () => {
    const [run] = stack.model.queue({
      deltas: ['Eins ', 'zwei ', 'drei.'],
      gates: { held: 2 },
    })
    // Durable writes only at the end (and perhaps the first words, if the stream opened late).
    const p = await start({ flushIntervalMs: 600_000, streamFlushIntervalMs: 600_000 })
    const { conversationId } = await stack.newChatWithPrompt('Zähl bis drei')
    const streaming = await reply(conversationId)
    const stream = readStream(replyStreamId(stack.teacherId, streaming.id))
    await run!.reached('held')
    await stream.until((s) => s.text === 'Eins zwei ')
    // While the model holds, the durable reply has at most the first words.
    const durable = await reply(conversationId)
    expect(durable.status).toBe('streaming')
    expect(['', 'Eins ']).toContain(durable.text)
    expect(replyWrites(p, streaming.id).length).toBeLessThanOrEqual(1)

    run!.release('held')
    const done = await reply(conversationId, (r) => r.status === 'done')
    expect(done.text).toBe('Eins zwei drei.')
    await stream.done
    expect(stream.state).toMatchObject({ text: 'Eins zwei drei.', ended: true, error: undefined })
  })

  test('a reply streaming for 3 s is written durably at most 4 times a second', async () => {
    const deltas = Array.from({ length: 120 }, (_, k) => `w${k} `)
    // The model's own pace (25 ms a delta) makes the reply last at least 3 s; the default intervals.
    stack.model.queue({ deltas, delayMs: 25 })
    const p = await start({ flushIntervalMs: 250, streamFlushIntervalMs: 1_000 })
    const { conversationId } = await stack.newChatWithPrompt('Schreib lange')
    const streaming = await reply(conversationId)
    const stream = readStream(replyStreamId(stack.teacherId, streaming.id))
    const done = await reply(conversationId, (r) => r.status === 'done')
    expect(done.text).toBe(deltas.join(''))
    await stream.done
    expect(stream.state.text).toBe(deltas.join(''))
    const writes = replyWrites(p, done.id)
    const claimedAt = p.writes.find((w) => w.body.includes(done.id))!.sentAt
    const seconds = (writes.at(-1)!.sentAt - claimedAt) / 1000
    expect(seconds).toBeGreaterThanOrEqual(3)
    expect(writes.length / seconds).toBeLessThanOrEqual(4)
  })

  test('a server without streams gets the reply in durable writes as before', async () => {
    const [run] = stack.model.queue({ deltas: ['Eins ', 'zwei ', 'drei.'], gates: { held: 2 } })
    // The admin stream transport answers 404: the stream never opens.
    const p = await start({ flushIntervalMs: 20, streamFlushIntervalMs: 600_000 }, (path) =>
      path.startsWith('/admin/sse'),
    )
    const { conversationId } = await stack.newChatWithPrompt('Zähl bis drei')
    await run!.reached('held')
    const partial = await reply(conversationId, (r) => r.text === 'Eins zwei ')
    expect(partial.status).toBe('streaming')
    run!.release('held')
    const done = await reply(conversationId, (r) => r.status === 'done')
    expect(done.text).toBe('Eins zwei drei.')
    expect(replyWrites(p, done.id).length).toBeGreaterThanOrEqual(2)
  })

  test("the teacher's stop ends the stream; the durable reply keeps the text so far", async () => {
    const [run] = stack.model.queue({ deltas: ['Liebe Eltern,'], end: 'stall' })
    await start({ flushIntervalMs: 600_000, streamFlushIntervalMs: 600_000 })
    const { conversationId } = await stack.newChatWithPrompt('Elternbrief')
    const streaming = await reply(conversationId)
    const stream = readStream(replyStreamId(stack.teacherId, streaming.id))
    await stream.until((s) => s.text === 'Liebe Eltern,')
    await stack.teacher.transact(
      stack.teacher.tx.messages[streaming.id]!.update({ status: 'stopped', updatedAt: Date.now() }),
    )
    await (await run!.request).aborted
    await stream.done
    expect(stream.state.ended || stream.state.error !== undefined).toBe(true)
    const stopped = await reply(conversationId, (r) => r.text === 'Liebe Eltern,')
    expect(stopped.status).toBe('stopped')
  })
})
