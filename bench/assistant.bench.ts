// Benchmark of the assistant path as a teacher experiences it: the local Instant server in its own
// process, the worker answering from a scripted model that streams at a fixed pace, and the teacher's
// unmodified core client watching the reply. Measures how long until the first words show, how old
// the newest token is when an update reaches the teacher (model → worker → database → client), how
// long after the model's last token the reply shows as done, prompt-to-done over the model's own
// streaming time (a ratio), and text updates per reply (database writes are batched).

import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { id } from '@instantdb/core'
import { readAssistantConfig } from '../server/assistant/config.ts'
import { startScriptedModel } from '../server/assistant/testing/scripted-model.ts'
import { startAssistantWorker } from '../server/assistant/worker.ts'
import { refreshTokenFor, signedInClient } from '../server/instant/conformance/project-users.ts'
import { freePort, startServerProcess } from '../server/instant/conformance/server-process.ts'
import { LOCAL_APP_ID } from '../server/instant/local-app.ts'
import { createLogger } from '../server/instant/shared/log.ts'
import { percentile, round } from './stats.ts'

const PROMPTS = 20
const DELTAS = 40
const DELTA_MS = 25

/** Each delta carries the time the model sent it, so the teacher's side can tell how old its text is. */
function stamped(k: number): string {
  return `[${k}@${Date.now()}] `
}

export async function benchAssistant(): Promise<Record<string, unknown>> {
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
  try {
    const firstText: number[] = []
    const doneAfterModel: number[] = []
    const ratio: number[] = []
    const lag: number[] = []
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
      let shownFirst = 0
      let lastText = ''
      let textChanges = 0
      const done = new Promise<number>((resolve) => {
        const off = teacher.subscribeQuery(
          { messages: { $: { where: { 'conversation.id': conversationId, role: 'assistant' } } } },
          (r) => {
            const reply = r.data?.messages[0]
            if (!reply) return
            const t = Date.now()
            if (reply.text && !shownFirst) shownFirst = t
            if (reply.text !== lastText) {
              textChanges++
              lastText = reply.text
              const stamps = [...reply.text.matchAll(/@(\d+)\]/g)].map((m) => Number(m[1]))
              if (stamps.length && reply.status === 'streaming') lag.push(t - Math.max(...stamps))
            }
            if (reply.status === 'done') {
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
      firstText.push(shownFirst - sent)
      doneAfterModel.push(doneAt - modelEnd)
      ratio.push((doneAt - sent) / (modelEnd - modelStart))
      writes.push(textChanges)
    }
    return {
      prompts: PROMPTS,
      model_stream: {
        deltas: DELTAS,
        delta_interval_ms: DELTA_MS,
        flush_interval_ms: config.flushIntervalMs,
      },
      first_text_visible_ms: { p50: percentile(firstText, 50), p95: percentile(firstText, 95) },
      token_to_teacher_latency_ms: { p50: percentile(lag, 50), p95: percentile(lag, 95) },
      done_visible_after_last_token_ms: {
        p50: percentile(doneAfterModel, 50),
        p95: percentile(doneAfterModel, 95),
      },
      prompt_to_done_over_model_stream_time: {
        p50: round(percentile(ratio, 50)),
        p95: round(percentile(ratio, 95)),
      },
      text_updates_seen_per_reply: { p50: percentile(writes, 50), max: Math.max(...writes) },
    }
  } finally {
    teacher.shutdown()
    await worker.close()
    await model.close()
    await server.kill('SIGTERM')
    rmSync(dir, { recursive: true, force: true })
  }
}
