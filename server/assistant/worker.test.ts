// The assistant worker on the real stack: the local Instant server with the project's schema and
// rules, a teacher on the unmodified core client sending prompts as the app does, and a scripted
// model speaking the OpenAI streaming format. Asserts on what the teacher's client sees.

import { init } from '@instantdb/admin'
import { id } from '@instantdb/core'
import { afterEach, describe, expect, test } from 'vitest'
import schema from '../../instant.schema.ts'
import { eventually } from '../instant/conformance/harness.ts'
import { projectServer, refreshTokenFor, signedInClient } from '../instant/conformance/project-users.ts'
import type { AssistantConfig } from './config.ts'
import { workerStack } from './testing/worker-stack.ts'
import type { AssistantWorker } from './worker.ts'

const stack = workerStack('lehrerin@schule.de')
/** The worker the test started last. */
let worker: AssistantWorker | undefined

interface Row {
  id: string
  role: string
  text: string
  status: string
  error?: string
  model?: string
  parent?: { id: string }
}

function start(over: Partial<AssistantConfig> = {}, soleWorker = false): AssistantWorker {
  worker = stack.startWorker({ apiKey: 'sk-x', ...over }, { soleWorker })
  return worker
}

/** What the app does for a new chat and its first prompt (src/data/conversations.ts, messages.ts). */
const newChatWithPrompt = (text: string) => stack.newChatWithPrompt(text, 'Test')

const sendPrompt = (conversationId: string, parentId: string | null, text: string) =>
  stack.sendPrompt(conversationId, text, { parentId: parentId ?? undefined })

async function activeMessage(conversationId: string): Promise<string | undefined> {
  const { data } = await stack.teacher.queryOnce({
    conversations: { $: { where: { id: conversationId } }, activeMessage: {} },
  })
  return data.conversations[0]?.activeMessage?.id
}

/** The teacher's live view of a conversation's messages, oldest first. */
function watchMessages(conversationId: string) {
  const snapshots: Row[][] = []
  const off = stack.teacher.subscribeQuery(
    {
      messages: {
        $: { where: { 'conversation.id': conversationId }, order: { createdAt: 'asc' } },
        parent: {},
      },
    },
    (r) => {
      if (r.data) snapshots.push(r.data.messages as Row[])
    },
  )
  return {
    snapshots,
    off,
    latest: () => snapshots.at(-1) ?? [],
    reply: () => snapshots.at(-1)?.find((m) => m.role === 'assistant'),
  }
}

afterEach(() => {
  worker = undefined
})

describe('assistant worker', () => {
  test('answers a pending prompt: the reply streams in, then is done, and becomes the active leaf', async () => {
    const [run] = stack.model.queue({
      deltas: ['Hier ', 'ist ', 'dein ', 'Quiz ', 'zur ', 'Revolution.'],
      gates: { 'half-way': 3 },
    })
    const { conversationId, requestId } = await newChatWithPrompt('Erstelle ein Quiz')
    const view = watchMessages(conversationId)
    start()
    // The teacher sees it grow: while the model holds half-way, the reply streams with part of the text.
    await run!.reached('half-way')
    const partial = await eventually(
      () => (view.reply()?.text === 'Hier ist dein ' ? view.reply() : undefined),
      15_000,
    )
    expect(partial.status).toBe('streaming')
    run!.release('half-way')
    const done = await eventually(() => (view.reply()?.status === 'done' ? view.reply() : undefined), 15_000)
    expect(done).toMatchObject({ text: 'Hier ist dein Quiz zur Revolution.', model: 'gpt-scripted' })
    expect(done.parent?.id).toBe(requestId)
    expect(view.latest().find((m) => m.id === requestId)?.status).toBe('done')
    expect(await activeMessage(conversationId)).toBe(done.id)
    view.off()
  })

  test('sends the system prompt and the path to the request in order, not other branches', async () => {
    stack.model.queue({ deltas: ['Antwort 1'] }, { deltas: ['Antwort 1b'] }, { deltas: ['Antwort 2'] })
    start()
    const { conversationId } = await newChatWithPrompt('Frage 1')
    const view = watchMessages(conversationId)
    const first = await eventually(() => (view.reply()?.status === 'done' ? view.reply() : undefined), 10_000)
    // A sibling branch (an edited first prompt, answered) is not part of the follow-up's path.
    await sendPrompt(conversationId, null, 'Frage 1, anders')
    await eventually(
      () =>
        view.latest().filter((m) => m.role === 'assistant' && m.status === 'done').length === 2
          ? true
          : undefined,
      10_000,
    )
    await sendPrompt(conversationId, first.id, 'Frage 2')
    await eventually(
      () =>
        view.latest().filter((m) => m.role === 'assistant' && m.status === 'done').length === 3
          ? true
          : undefined,
      10_000,
    )
    const sent = stack.model.requests.at(-1)!.body
    expect(sent.model).toBe('gpt-scripted')
    expect(sent.stream).toBe(true)
    expect(sent.messages[0]!.role).toBe('system')
    expect(sent.messages.slice(1)).toEqual([
      { role: 'user', content: 'Frage 1' },
      { role: 'assistant', content: 'Antwort 1' },
      { role: 'user', content: 'Frage 2' },
    ])
    view.off()
  })

  test("the teacher's stop ends the model request and keeps the text so far as 'stopped'", async () => {
    stack.model.queue({ deltas: ['Erster Teil.'], end: 'stall' })
    start()
    const { conversationId } = await newChatWithPrompt('Schreib einen langen Elternbrief')
    const view = watchMessages(conversationId)
    const streaming = await eventually(
      () => (view.reply()?.text === 'Erster Teil.' ? view.reply() : undefined),
      10_000,
    )
    await stack.teacher.transact(
      stack.teacher.tx.messages[streaming.id]!.update({ status: 'stopped', updatedAt: Date.now() }),
    )
    await stack.model.requests.at(-1)!.aborted
    await eventually(() => (worker!.active === 0 ? true : undefined), 15_000)
    expect(view.reply()).toMatchObject({ status: 'stopped', text: 'Erster Teil.' })
    view.off()
  })

  test.each([
    ['a failing model is retried, then the reply shows the error code', 503, 'model-unavailable', 3],
    ['a wrong API key fails at once, without retries', 401, 'model-auth', 1],
  ])('%s', async (_name, status, code, requests) => {
    stack.model.queue({ status }, { status }, { status })
    start({ attempts: 3 })
    const before = stack.model.requests.length
    const { conversationId } = await newChatWithPrompt('Hallo?')
    const view = watchMessages(conversationId)
    const failed = await eventually(
      () => (view.reply()?.status === 'error' ? view.reply() : undefined),
      10_000,
    )
    expect(failed.error).toBe(code)
    expect(stack.model.requests.length - before).toBe(requests)
    view.off()
  })

  test('regenerate asks again and adds the new reply as a sibling of the old one', async () => {
    stack.model.queue({ deltas: ['Erste Fassung'] }, { deltas: ['Zweite Fassung'] })
    start()
    const { conversationId, requestId } = await newChatWithPrompt('Ein Gedicht, bitte')
    const view = watchMessages(conversationId)
    await eventually(() => (view.reply()?.status === 'done' ? true : undefined), 10_000)
    // What the app's regenerate does: the request goes back to pending and becomes the active leaf.
    await stack.teacher.transact([
      stack.teacher.tx.messages[requestId]!.update({ status: 'pending', updatedAt: Date.now() }),
      stack.teacher.tx.conversations[conversationId]!.link({ activeMessage: requestId }),
    ])
    const replies = await eventually(() => {
      const r = view.latest().filter((m) => m.role === 'assistant' && m.status === 'done')
      return r.length === 2 ? r : undefined
    }, 10_000)
    expect(replies.map((r) => r.text)).toEqual(['Erste Fassung', 'Zweite Fassung'])
    expect(replies.every((r) => r.parent?.id === requestId)).toBe(true)
    expect(await activeMessage(conversationId)).toBe(replies[1]!.id)
    // The model was asked the same question again, without the first answer.
    expect(stack.model.requests.at(-1)!.body.messages.slice(1)).toEqual([
      { role: 'user', content: 'Ein Gedicht, bitte' },
    ])
    view.off()
  })

  test('prompts queued while no worker ran are all answered once it starts, each exactly once', async () => {
    const before = stack.model.requests.length
    const chats = await Promise.all(
      ['A', 'B', 'C', 'D', 'E', 'F'].map((t) => newChatWithPrompt(`Frage ${t}`)),
    )
    stack.model.peak = 0
    // Each answer holds before its text until two are in flight, so the limit is reached (and kept)
    // however fast or slow the machine answers.
    const runs = stack.model.queue(...chats.map(() => ({ deltas: ['Antwort'], gates: { started: 0 } })))
    start({ concurrency: 2 })
    await Promise.all([runs[0]!.reached('started'), runs[1]!.reached('started')])
    for (const run of runs) run.release('started')
    await eventually(
      () => (stack.model.requests.length - before >= 6 && worker!.active === 0 ? true : undefined),
      20_000,
    )
    const { data } = await stack.teacher.queryOnce({
      messages: {
        $: { where: { 'conversation.id': { $in: chats.map((c) => c.conversationId) }, role: 'assistant' } },
      },
    })
    expect(data.messages.length).toBe(6)
    expect(data.messages.every((m) => m.status === 'done')).toBe(true)
    expect(stack.model.requests.length - before).toBe(6)
    expect(stack.model.peak).toBe(2)
  })

  test('deleting the chat while the reply streams stops the model and leaves no orphan reply', async () => {
    stack.model.queue({ deltas: ['Gleich'], end: 'stall' })
    start()
    const { conversationId } = await newChatWithPrompt('Lösch mich gleich')
    const view = watchMessages(conversationId)
    const streaming = await eventually(
      () => (view.reply()?.text === 'Gleich' ? view.reply() : undefined),
      10_000,
    )
    await stack.teacher.transact(stack.teacher.tx.conversations[conversationId]!.delete())
    await stack.model.requests.at(-1)!.aborted
    await eventually(() => (worker!.active === 0 ? true : undefined), 15_000)
    const { data } = await stack.teacher.queryOnce({ messages: { $: { where: { id: streaming.id } } } })
    expect(data.messages).toEqual([])
    view.off()
  })

  test('a reply cut off by a crash is marked interrupted: at once by the sole worker, else once silent too long', async () => {
    // What a crash leaves behind: a claimed request and a reply still 'streaming'.
    const { conversationId, requestId } = await newChatWithPrompt('Vor dem Absturz')
    const admin = init({ ...stack.target(), schema })
    const orphan = id()
    const recent = id()
    const longAgo = Date.now() - 10 * 60_000
    await admin.transact([
      admin.tx.messages[requestId]!.update({ status: 'done' }),
      admin.tx.messages[orphan]!.update({
        role: 'assistant',
        text: 'Halb',
        status: 'streaming',
        createdAt: longAgo,
        updatedAt: longAgo,
      }).link({ conversation: conversationId, parent: requestId }),
      admin.tx.messages[recent]!.update({
        role: 'assistant',
        text: 'Gerade',
        status: 'streaming',
        createdAt: Date.now(),
        updatedAt: Date.now(),
      }).link({ conversation: conversationId, parent: requestId }),
    ])
    const view = watchMessages(conversationId)
    const status = (mid: string) => view.latest().find((m) => m.id === mid)
    // Another worker may still be writing a recent one: only the long-silent reply is failed.
    start({ idleTimeoutMs: 1_000 })
    await eventually(() => (status(orphan)?.status === 'error' ? true : undefined), 15_000)
    expect(status(orphan)).toMatchObject({ error: 'model-interrupted', text: 'Halb' })
    expect(status(recent)?.status).toBe('streaming')
    await worker!.close()
    // The local stack's worker is the only one: whatever is still streaming at its start was cut off.
    start({}, true)
    await eventually(() => (status(recent)?.status === 'error' ? true : undefined), 15_000)
    expect(status(recent)).toMatchObject({ error: 'model-interrupted', text: 'Gerade' })
    view.off()
  })

  test("tells the model about the teacher's own profile, not anyone else's", async () => {
    // Another teacher's profile exists too; only the owner's may reach the stack.model.
    const other = await signedInClient(
      stack.server,
      await refreshTokenFor(projectServer(stack.server), 'kollege@schule.de'),
    )
    const otherId = (await other.getAuth())!.id
    const now = Date.now()
    await other.transact(
      other.tx.profiles[id()]!.update({ schoolType: 'Berufsschule', createdAt: now, updatedAt: now }).link({
        owner: otherId,
      }),
    )
    other.shutdown()
    const profileId = id()
    await stack.teacher.transact(
      stack.teacher.tx.profiles[profileId]!.update({
        bundesland: 'Sachsen',
        schoolType: 'Gymnasium',
        subjects: ['Chemie', 'Biologie'],
        grades: ['9', '10'],
        createdAt: now,
        updatedAt: now,
      }).link({ owner: stack.teacherId }),
    )
    stack.model.queue({ deltas: ['Passend für Klasse 9.'] })
    start()
    const { conversationId } = await newChatWithPrompt('Ein Versuch zur Oxidation')
    const view = watchMessages(conversationId)
    await eventually(() => (view.reply()?.status === 'done' ? true : undefined), 10_000)
    const system = stack.model.requests.at(-1)!.body.messages[0]!
    expect(system.role).toBe('system')
    expect(system.content).toContain('- Bundesland/Region: Sachsen')
    expect(system.content).toContain('- Schulart: Gymnasium')
    expect(system.content).toContain('- Fächer: Chemie, Biologie')
    expect(system.content).toContain('- Klassenstufen: 9, 10')
    expect(system.content).not.toContain('Berufsschule')
    view.off()
    await stack.teacher.transact(stack.teacher.tx.profiles[profileId]!.delete())
  })
})
