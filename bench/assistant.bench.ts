// Benchmark of the assistant path as a teacher experiences it: the local Instant server in its own
// process, the worker answering from a scripted model that streams at a fixed pace, and the teacher's
// unmodified core client following the reply as the chat view does — the reply's Instant stream
// (src/data/follow-reply-stream.ts, the view's own code) and its durable text, showing the longer.
// Measures prompt → first words shown, model token → shown, and, apart, what the durable text alone
// gives (written about once a second while the stream carries the tokens): its first words, its
// token age, writes per reply, last token → done, prompt-to-done over the model's streaming time.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { id } from '@instantdb/core'
import { readAssistantConfig } from '../server/assistant/config.ts'
import { startScriptedModel } from '../server/assistant/testing/scripted-model.ts'
import { startAssistantWorker } from '../server/assistant/worker.ts'
import { refreshTokenFor, signedInClient } from '../server/instant/conformance/project-users.ts'
import { freePort, startServerProcess } from '../server/instant/conformance/server-process.ts'
import { LOCAL_APP_ID } from '../server/instant/local-app.ts'
import { createLogger } from '../server/instant/shared/log.ts'
import { followReplyStream, shownReplyText } from '../src/data/follow-reply-stream.ts'
import { replyStreamId } from '../src/data/reply-stream-id.ts'
import { percentile, round } from './stats.ts'

const PROMPTS = 20
const DELTAS = 40
const DELTA_MS = 25

/** Each delta carries its number and the time the model sent it, so the teacher's side can date it. */
function stamped(k: number): string {
  return `[${k}@${Date.now()}] `
}

/** The deltas in `text` not in `seen` yet, as [number, time the model sent it]; adds them to `seen`. */
function newStamps(text: string, seen: Set<number>): [number, number][] {
  const found: [number, number][] = []
  for (const m of text.matchAll(/\[(\d+)@(\d+)\]/g)) {
    const k = Number(m[1])
    if (seen.has(k)) continue
    seen.add(k)
    found.push([k, Number(m[2])])
  }
  return found
}

const spread = (xs: number[]) => ({ p50: percentile(xs, 50), p95: percentile(xs, 95) })

export async function benchAssistant(): Promise<Record<string, unknown>> {
  const loadAtStart = loadavg()
  const dir = mkdtempSync(join(tmpdir(), 'assistant-bench-'))
  const server = await startServerProcess(dir, await freePort())
  const adminToken = readFileSync(join(dir, 'admin-token'), 'utf8').trim()
  const model = await startScriptedModel()
  const config = readAssistantConfig({ ASSISTANT_API_URL: model.url, ASSISTANT_MODEL: 'scripted' })!
  const worker = startAssistantWorker({
    appId: LOCAL_APP_ID,
    adminToken,
    apiURI: server.url,
    config,
    log: createLogger('error', 'assistant'),
  })
  const teacher = await signedInClient(
    server,
    await refreshTokenFor({ url: server.url, adminToken }, 'bench@schule.de'),
  )
  const teacherId = (await teacher.getAuth())!.id
  const stops: (() => void)[] = []
  try {
    const firstShown: number[] = []
    const firstDurable: number[] = []
    const tokenShown: number[] = []
    const tokenDurable: number[] = []
    let tokensFirstByStream = 0
    let tokensSeen = 0
    const doneAfterModel: number[] = []
    const ratio: number[] = []
    const writes: number[] = []
    for (let n = 0; n < PROMPTS; n++) {
      // The scripted model stamps each delta when it sends it.
      let modelStart = 0
      let modelEnd = 0
      model.queue({
        raw: (function* () {
          modelStart = Date.now()
          for (let k = 0; k < DELTAS; k++) {
            const body = { choices: [{ index: 0, delta: { content: stamped(k) }, finish_reason: null }] }
            yield `data: ${JSON.stringify(body)}\n\n`
          }
          modelEnd = Date.now()
          yield `data: ${JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\ndata: [DONE]\n\n`
        })(),
        delayMs: DELTA_MS,
      })
      const conversationId = id()
      const requestId = id()
      const now = Date.now()
      let shownFirstAt = 0
      let durableFirstAt = 0
      let streamed = ''
      let durable = ''
      let durableChanges = 0
      let status = ''
      const seenShown = new Set<number>()
      const seenDurable = new Set<number>()
      let stopStream: (() => void) | undefined
      // What the chat view shows: the longer of the stream's and the durable text (useReplyText).
      const show = () => {
        const t = Date.now()
        const text = shownReplyText(streamed, durable)
        if (text && !shownFirstAt) shownFirstAt = t
        const viaStream = text === streamed && streamed.length > durable.length
        for (const [, sentAt] of newStamps(text, seenShown)) {
          tokenShown.push(t - sentAt)
          tokensSeen++
          if (viaStream) tokensFirstByStream++
        }
      }
      const done = new Promise<number>((resolve) => {
        const off = teacher.subscribeQuery(
          { messages: { $: { where: { 'conversation.id': conversationId, role: 'assistant' } } } },
          (r) => {
            const reply = r.data?.messages[0]
            if (!reply) return
            const t = Date.now()
            status = reply.status
            // As the chat view: the stream is followed while the reply is streaming.
            if (reply.status === 'streaming' && !stopStream) {
              stopStream = followReplyStream(teacher.streams, replyStreamId(teacherId, reply.id), (text) => {
                streamed = text
                show()
              })
              stops.push(stopStream)
            }
            if (reply.text !== durable) {
              durableChanges++
              durable = reply.text
              if (durable && !durableFirstAt) durableFirstAt = t
              for (const [, sentAt] of newStamps(durable, seenDurable)) tokenDurable.push(t - sentAt)
              show()
            }
            if (reply.status !== 'streaming' && reply.status !== 'pending') {
              stopStream?.()
              off()
              resolve(t)
            }
          },
        )
      })
      const sent = Date.now()
      await teacher.transact([
        teacher.tx.conversations[conversationId]!.update({
          title: `Bench ${n}`,
          createdAt: now,
          updatedAt: now,
          pinned: false,
          archived: false,
        }).link({ owner: teacherId }),
        teacher.tx.messages[requestId]!.update({
          role: 'user',
          text: 'Los',
          status: 'pending',
          createdAt: now,
          updatedAt: now,
        }).link({
          conversation: conversationId,
        }),
        teacher.tx.conversations[conversationId]!.link({ activeMessage: requestId }),
      ])
      const doneAt = await done
      if (seenDurable.size !== DELTAS)
        throw new Error(`reply ${n} ended ${status} with ${seenDurable.size} of ${DELTAS} deltas`)
      firstShown.push(shownFirstAt - sent)
      firstDurable.push(durableFirstAt - sent)
      doneAfterModel.push(doneAt - modelEnd)
      ratio.push((doneAt - sent) / (modelEnd - modelStart))
      writes.push(durableChanges)
    }
    const loadAtEnd = loadavg()
    return {
      prompts: PROMPTS,
      model_stream: {
        deltas: DELTAS,
        delta_interval_ms: DELTA_MS,
        streams: config.streams,
        durable_flush_interval_ms: config.streams ? config.streamFlushIntervalMs : config.flushIntervalMs,
      },
      load_avg_1min: { start: round(loadAtStart[0]!), end: round(loadAtEnd[0]!) },
      // What the teacher is shown: the longer of the reply's stream and its durable text.
      first_text_visible_ms: spread(firstShown),
      token_to_teacher_latency_ms: spread(tokenShown),
      tokens_first_shown_through_stream_pct: round((100 * tokensFirstByStream) / tokensSeen),
      // The durable message text alone, as a client without the stream (or the list) sees it.
      durable_first_text_ms: spread(firstDurable),
      durable_token_to_teacher_latency_ms: spread(tokenDurable),
      done_visible_after_last_token_ms: spread(doneAfterModel),
      prompt_to_done_over_model_stream_time: {
        p50: round(percentile(ratio, 50)),
        p95: round(percentile(ratio, 95)),
      },
      text_updates_seen_per_reply: { p50: percentile(writes, 50), max: Math.max(...writes) },
    }
  } finally {
    for (const stop of stops) stop()
    teacher.shutdown()
    await worker.close()
    await model.close()
    await server.kill('SIGTERM')
    rmSync(dir, { recursive: true, force: true })
  }
}
