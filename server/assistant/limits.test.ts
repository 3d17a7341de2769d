// Limits on the model and shutdown, on the real stack (local Instant server with the project's schema
// and rules, a teacher on the unmodified core client, the scripted model): a teacher over the rate
// limit keeps the prompt (marked, answered later), a reply stops at its maximum length, a request
// never exceeds the context budget, and a worker shutting down hands its reply to another.

import { id } from '@instantdb/core'
import { expect, test } from 'vitest'
import { eventually } from '../instant/conformance/harness.ts'
import { requestChars } from './openai-stream.ts'
import { workerStack } from './testing/worker-stack.ts'

// Workers close at once after each test: a reply still running is handed back, not waited for.
const stack = workerStack('limits@schule.de', { closeGraceMs: 0 })

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

/** The teacher's live view of their messages. */
function watch() {
  let latest: Row[] = []
  const off = stack.teacher.subscribeQuery(
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

test('a teacher over the per-minute limit keeps the prompt: marked in the app, answered when allowed', async () => {
  const view = watch()
  stack.startWorker({ ratePerMinute: 2, ratePerDay: 0 })
  const first = await stack.newChatWithPrompt('Eins')
  await eventually(() => (view.byId(first.requestId)?.status === 'done' ? true : undefined))
  const second = await stack.newChatWithPrompt('Zwei')
  await eventually(() => (view.byId(second.requestId)?.status === 'done' ? true : undefined))
  const before = Date.now()
  const third = await stack.newChatWithPrompt('Drei')
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
  await stack.stopWorkers(0)
  stack.startWorker({ ratePerMinute: 0, ratePerDay: 0 })
  await eventually(() => (view.byId(third.requestId)?.status === 'done' ? true : undefined))
  expect(view.byId(third.requestId)?.limit ?? null).toBeNull()
  view.off()
})

test('a teacher over the per-day limit is told so', async () => {
  const view = watch()
  // Earlier tests' prompts count too: the day's limit is already used up.
  stack.startWorker({ ratePerMinute: 0, ratePerDay: 1 })
  const { conversationId, requestId } = await stack.newChatWithPrompt('Noch eine')
  const held = await eventually(() => (view.byId(requestId)?.limit ? view.byId(requestId) : undefined))
  expect(held).toMatchObject({ status: 'pending', limit: 'rate-limit-day' })
  // Gone, so the next test's workers do not answer it.
  await stack.teacher.transact(stack.teacher.tx.conversations[conversationId]!.delete())
  view.off()
})

test('a reply stops at its maximum length: kept as done, marked, the model connection closed', async () => {
  const view = watch()
  const words = Array.from({ length: 80 }, (_, k) => `Wort${k} `)
  const [run] = stack.model.queue({ deltas: words, end: 'stall' })
  stack.startWorker({ maxReplyChars: 100, ratePerMinute: 0, ratePerDay: 0 })
  const { requestId } = await stack.newChatWithPrompt('Schreib viel')
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
  stack.startWorker({ contextChars: budget, historyChars: 100_000, ratePerMinute: 0, ratePerDay: 0 })
  // A long earlier exchange, then a short question: the history is cut to fit.
  const { conversationId, requestId } = await stack.newChatWithPrompt('A'.repeat(6_000))
  const reply = await eventually(() =>
    view.replyTo(requestId)?.status === 'done' ? view.replyTo(requestId) : undefined,
  )
  const next = id()
  const now = Date.now()
  await stack.teacher.transact([
    stack.teacher.tx.messages[next]!.update({
      role: 'user',
      text: 'B'.repeat(7_000),
      status: 'pending',
      createdAt: now,
      updatedAt: now,
    }).link({ conversation: conversationId, parent: reply.id }),
  ])
  await eventually(() => (view.replyTo(next)?.status === 'done' ? true : undefined))
  const sent = stack.model.requests.at(-1)!.body
  expect(sent.messages.at(-1)?.content).toBe('B'.repeat(7_000))
  expect(requestChars(sent.messages as never, sent.tools as never)).toBeLessThanOrEqual(budget)
  expect(sent.messages.some((m) => m.content.startsWith('AAAA'))).toBe(false)
  // A prompt that alone exceeds the budget is never sent; the reply says why.
  const asked = stack.model.requests.length
  const big = await stack.newChatWithPrompt('C'.repeat(budget + 1))
  const failed = await eventually(() =>
    view.replyTo(big.requestId)?.status === 'error' ? view.replyTo(big.requestId) : undefined,
  )
  expect(failed.error).toBe('context-too-large')
  expect(view.byId(big.requestId)?.status).toBe('done')
  expect(stack.model.requests.length).toBe(asked)
  view.off()
})

test('a worker shutting down hands its reply back; another worker answers it at once', async () => {
  const view = watch()
  const [held] = stack.model.queue({ deltas: ['Angefangen', ' …'], gates: { mid: 1 }, end: 'stall' })
  // A lease longer than the test may take: the second worker can only have it because it was handed back.
  const first = stack.startWorker(
    { leaseMs: 600_000, ratePerMinute: 0, ratePerDay: 0 },
    { modelName: 'erster' },
  )
  const { requestId } = await stack.newChatWithPrompt('Übergabe')
  await held!.reached('mid')
  await eventually(() => (view.all().some((m) => m.text === 'Angefangen') ? true : undefined))
  const second = stack.startWorker(
    { leaseMs: 600_000, ratePerMinute: 0, ratePerDay: 0 },
    { modelName: 'zweiter' },
  )
  await first.close(0)
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
