// Limits on the model and shutdown, on the real stack (local Instant server with the project's schema
// and rules, a teacher on the unmodified core client, the scripted model): a teacher over the rate
// limit keeps the prompt (marked, answered later), a reply stops at its maximum length, a request
// never exceeds the context budget, and a worker shutting down hands its reply to another.

import { id } from '@instantdb/core'
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { eventually, startTestServer, type TestServer } from '../instant/conformance/harness.ts'
import {
  type ProjectDb,
  projectAdminToken,
  projectServer,
  refreshTokenFor,
  signedInClient,
} from '../instant/conformance/project-users.ts'
import { LOCAL_APP_ID } from '../instant/local-app.ts'
import { createLogger } from '../instant/shared/log.ts'
import { type AssistantConfig, readAssistantConfig } from './config.ts'
import { requestChars } from './openai-stream.ts'
import { type ScriptedModel, startScriptedModel } from './testing/scripted-model.ts'
import { type AssistantWorker, startAssistantWorker } from './worker.ts'

let server: TestServer
let model: ScriptedModel
let teacher: ProjectDb
let teacherId: string
const workers: AssistantWorker[] = []

interface Row {
  id: string
  role: string
  text: string
  status: string
  error?: string
  model?: string
  limit?: string
  limitUntil?: string | number
  parent?: { id: string }
}

function start(over: Partial<AssistantConfig> = {}, name = 'gpt-scripted'): AssistantWorker {
  const config = {
    ...readAssistantConfig({ ASSISTANT_API_URL: model.url, ASSISTANT_MODEL: name })!,
    flushIntervalMs: 20,
    retryDelayMs: 10,
    ...over,
  }
  const worker = startAssistantWorker({
    appId: LOCAL_APP_ID,
    adminToken: projectAdminToken(server),
    apiURI: server.url,
    config,
    log: createLogger((process.env.LOGLEVEL as never) ?? 'error', 'assistant'),
  })
  workers.push(worker)
  return worker
}

/** What the app does for a new chat and its first prompt (src/data/conversations.ts, messages.ts). */
async function newChatWithPrompt(text: string): Promise<{ conversationId: string; requestId: string }> {
  const conversationId = id()
  const requestId = id()
  const now = Date.now()
  await teacher.transact([
    teacher.tx.conversations[conversationId]!.update({
      title: 'Test',
      createdAt: now,
      updatedAt: now,
      pinned: false,
      archived: false,
    }).link({ owner: teacherId }),
    teacher.tx.messages[requestId]!.update({
      role: 'user',
      text,
      status: 'pending',
      createdAt: now,
      updatedAt: now,
    }).link({ conversation: conversationId }),
    teacher.tx.conversations[conversationId]!.link({ activeMessage: requestId }),
  ])
  return { conversationId, requestId }
}

/** The teacher's live view of their messages. */
function watch() {
  let latest: Row[] = []
  const off = teacher.subscribeQuery(
    { messages: { $: { order: { createdAt: 'asc' } }, parent: {} } },
    (r) => {
      if (r.data) latest = r.data.messages as Row[]
    },
  )
  return {
    off,
    byId: (mid: string) => latest.find((m) => m.id === mid),
    all: () => latest,
    replyTo: (mid: string) => latest.find((m) => m.parent?.id === mid),
  }
}

beforeAll(async () => {
  server = await startTestServer(undefined, { projectApp: true })
  model = await startScriptedModel()
  const token = await refreshTokenFor(projectServer(server), 'limits@schule.de')
  teacher = await signedInClient(server, token)
  teacherId = (await teacher.getAuth())!.id
}, 30_000)

afterEach(async () => {
  for (const w of workers.splice(0)) await w.close(0)
  model.reset()
})

afterAll(async () => {
  teacher.shutdown()
  await model.close()
  await server.close()
})

test('a teacher over the per-minute limit keeps the prompt: marked in the app, answered when allowed', async () => {
  const view = watch()
  start({ ratePerMinute: 2, ratePerDay: 0 })
  const first = await newChatWithPrompt('Eins')
  await eventually(() => (view.byId(first.requestId)?.status === 'done' ? true : undefined))
  const second = await newChatWithPrompt('Zwei')
  await eventually(() => (view.byId(second.requestId)?.status === 'done' ? true : undefined))
  const before = Date.now()
  const third = await newChatWithPrompt('Drei')
  const held = await eventually(() =>
    view.byId(third.requestId)?.limit ? view.byId(third.requestId) : undefined,
  )
  expect(held).toMatchObject({ status: 'pending', limit: 'rate-limit-minute', text: 'Drei' })
  // Answered once the first of the two leaves the minute: within a minute from now.
  const until = new Date(held!.limitUntil!).getTime()
  expect(until).toBeGreaterThan(before)
  expect(until).toBeLessThanOrEqual(Date.now() + 60_000)
  expect(view.all().filter((m) => m.role === 'assistant')).toHaveLength(2)
  // Not lost: a worker allowed more answers it, and the mark goes with the claim.
  for (const w of workers.splice(0)) await w.close(0)
  start({ ratePerMinute: 0, ratePerDay: 0 })
  await eventually(() => (view.byId(third.requestId)?.status === 'done' ? true : undefined))
  expect(view.byId(third.requestId)?.limit ?? null).toBeNull()
  view.off()
})

test('a teacher over the per-day limit is told so', async () => {
  const view = watch()
  // Earlier tests' prompts count too: the day's limit is already used up.
  start({ ratePerMinute: 0, ratePerDay: 1 })
  const { conversationId, requestId } = await newChatWithPrompt('Noch eine')
  const held = await eventually(() => (view.byId(requestId)?.limit ? view.byId(requestId) : undefined))
  expect(held).toMatchObject({ status: 'pending', limit: 'rate-limit-day' })
  // Gone, so the next test's workers do not answer it.
  await teacher.transact(teacher.tx.conversations[conversationId]!.delete())
  view.off()
})

test('a reply stops at its maximum length: kept as done, marked, the model connection closed', async () => {
  const view = watch()
  const words = Array.from({ length: 80 }, (_, k) => `Wort${k} `)
  const [run] = model.queue({ deltas: words, end: 'stall' })
  start({ maxReplyChars: 100, ratePerMinute: 0, ratePerDay: 0 })
  const { requestId } = await newChatWithPrompt('Schreib viel')
  const request = await run!.request
  await request.aborted
  const reply = await eventually(() => {
    const r = view.all().find((m) => m.role === 'assistant' && m.status === 'done' && m.limit)
    return r ? r : undefined
  })
  expect(reply).toMatchObject({ limit: 'reply-length', status: 'done' })
  expect(reply.text).toHaveLength(100)
  expect(words.join('').startsWith(reply.text)).toBe(true)
  expect(view.byId(requestId)?.status).toBe('done')
  view.off()
})

test('no request larger than the context budget is sent: history is cut, a request too large alone fails', async () => {
  const view = watch()
  const budget = 12_000
  start({ contextChars: budget, historyChars: 100_000, ratePerMinute: 0, ratePerDay: 0 })
  // A long earlier exchange, then a short question: the history is cut to fit.
  const { conversationId, requestId } = await newChatWithPrompt('A'.repeat(6_000))
  const reply = await eventually(() =>
    view.replyTo(requestId)?.status === 'done' ? view.replyTo(requestId) : undefined,
  )
  const next = id()
  const now = Date.now()
  await teacher.transact([
    teacher.tx.messages[next]!.update({
      role: 'user',
      text: 'B'.repeat(7_000),
      status: 'pending',
      createdAt: now,
      updatedAt: now,
    }).link({ conversation: conversationId, parent: reply.id }),
  ])
  await eventually(() => (view.replyTo(next)?.status === 'done' ? true : undefined))
  const sent = model.requests.at(-1)!.body
  expect(sent.messages.at(-1)?.content).toBe('B'.repeat(7_000))
  expect(requestChars(sent.messages as never, sent.tools as never)).toBeLessThanOrEqual(budget)
  expect(sent.messages.some((m) => m.content.startsWith('AAAA'))).toBe(false)
  // A prompt that alone exceeds the budget is never sent; the reply says why.
  const asked = model.requests.length
  const big = await newChatWithPrompt('C'.repeat(budget + 1))
  const failed = await eventually(() =>
    view.replyTo(big.requestId)?.status === 'error' ? view.replyTo(big.requestId) : undefined,
  )
  expect(failed.error).toBe('context-too-large')
  expect(view.byId(big.requestId)?.status).toBe('done')
  expect(model.requests.length).toBe(asked)
  view.off()
})

test('a worker shutting down hands its reply back; another worker answers it at once', async () => {
  const view = watch()
  const [held] = model.queue({ deltas: ['Angefangen', ' …'], gates: { mid: 1 }, end: 'stall' })
  // A lease longer than the test may take: the second worker can only have it because it was handed back.
  const first = start({ leaseMs: 600_000, ratePerMinute: 0, ratePerDay: 0 }, 'erster')
  const { requestId } = await newChatWithPrompt('Übergabe')
  await held!.reached('mid')
  await eventually(() => (view.all().some((m) => m.text === 'Angefangen') ? true : undefined))
  const second = start({ leaseMs: 600_000, ratePerMinute: 0, ratePerDay: 0 }, 'zweiter')
  await first.close(0)
  workers.splice(workers.indexOf(first), 1)
  const reply = await eventually(() =>
    view.replyTo(requestId)?.status === 'done' ? view.replyTo(requestId) : undefined,
  )
  expect(reply.model).toBe('zweiter')
  expect(reply.text).toBe('Hallo aus dem Modell.')
  // One reply for the request: the handed-back one was replaced.
  expect(view.all().filter((m) => m.role === 'assistant' && m.text === 'Angefangen')).toHaveLength(0)
  expect(view.byId(requestId)?.status).toBe('done')
  expect(second.active).toBe(0)
  view.off()
})
