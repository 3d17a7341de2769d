// Materials through the worker on the real stack: the local Instant server with the project's schema
// and rules, a teacher on the unmodified core client, and the scripted model streaming tool calls
// (or, for a model without tools, a text block) in the OpenAI wire format. Asserts on what the
// teacher's client sees: the reply, its drafts while they grow, the artifacts and their versions.
// One file past 300 lines: every case shares one stack (server, model, teacher), slow to start.

import { id } from '@instantdb/core'
import { describe, expect, test } from 'vitest'
import type { MaterialDraft } from '../../src/materials/draft.ts'
import { eventually } from '../instant/conformance/harness.ts'
import { projectServer, refreshTokenFor, signedInClient } from '../instant/conformance/project-users.ts'
import type { ScriptedToolCall } from './testing/scripted-model.ts'
import { workerStack } from './testing/worker-stack.ts'

const stack = workerStack('material@schule.de')

interface Reply {
  id: string
  role: string
  text: string
  status: string
  error?: string
  materialDrafts?: MaterialDraft[] | null
}

const WORKSHEET = {
  kind: 'worksheet',
  title: 'Brüche kürzen',
  subject: 'Mathematik',
  grade: '6',
  body: '## Aufgabe 1: Kürzen\nKürze 4/8 und 6/9.\n{{lines:2}}\n\n## Aufgabe 2\nErkläre, was „kürzen“ heißt.\n{{lines:3}}\n\n## Lösungen\n1. 1/2, 2/3',
}

/** A tool call whose JSON arguments arrive in pieces of `size` characters, as models send them. */
function call(name: string, args: Record<string, unknown>, size = 12): ScriptedToolCall {
  const json = JSON.stringify(args)
  const pieces: string[] = []
  for (let k = 0; k < json.length; k += size) pieces.push(json.slice(k, k + size))
  return { name, arguments: pieces }
}

/** A prompt as the app sends it (with `intent` when sent from a material's view). */
const sendPrompt = (conversationId: string, text: string, parentId?: string, intent?: unknown) =>
  stack.sendPrompt(conversationId, text, { parentId, intent })

/** The teacher's live view of a conversation's replies, oldest first. */
function watchReplies(conversationId: string) {
  let latest: Reply[] = []
  const off = stack.teacher.subscribeQuery(
    {
      messages: {
        $: { where: { 'conversation.id': conversationId, role: 'assistant' }, order: { createdAt: 'asc' } },
      },
    },
    (r) => {
      if (r.data) latest = r.data.messages as Reply[]
    },
  )
  return { off, replies: () => latest, last: () => latest.at(-1) }
}

async function finished(view: ReturnType<typeof watchReplies>, count: number): Promise<Reply> {
  return eventually(() => {
    const r = view.replies()
    return r.length === count && r[count - 1]!.status !== 'streaming' ? r[count - 1] : undefined
  }, 15_000)
}

/** The teacher's artifacts in a conversation, with their links and versions (oldest version first). */
async function artifactsOf(conversationId: string) {
  const { data } = await stack.teacher.queryOnce({
    artifacts: {
      $: { where: { 'conversation.id': conversationId }, order: { createdAt: 'asc' } },
      owner: {},
      message: {},
      conversation: {},
      variantOf: {},
      versions: { message: {} },
    },
  })
  return data.artifacts.map((a) => ({
    ...a,
    versions: [...(a.versions ?? [])].sort((x, y) => x.version - y.version),
  }))
}

describe('materials from the assistant', () => {
  test('a material request yields a reply and an artifact v1, its body growing in a draft meanwhile', async () => {
    const tool = call('create_material', WORKSHEET)
    const [run] = stack.model.queue({
      deltas: ['Hier ist dein ', 'Arbeitsblatt.'],
      toolCalls: [tool],
      gates: { 'mid-body': 2 + tool.arguments.length - 4 },
    })
    stack.startWorker()
    const conversationId = await stack.newChat('Materialien')
    const view = watchReplies(conversationId)
    await sendPrompt(conversationId, 'Ein Arbeitsblatt zum Kürzen, Klasse 6')
    await run!.reached('mid-body')
    // Held mid-arguments: the teacher sees the body so far, and no artifact yet.
    const draft = await eventually(() => {
      const d = view.last()?.materialDrafts?.[0]
      return d && d.body.length > 0 ? d : undefined
    }, 10_000)
    expect(draft).toMatchObject({ action: 'create', kind: 'worksheet', title: 'Brüche kürzen' })
    expect(WORKSHEET.body.startsWith(draft.body)).toBe(true)
    expect(draft.body.length).toBeLessThan(WORKSHEET.body.length)
    expect(view.last()!.text).toBe('Hier ist dein Arbeitsblatt.')
    expect(await artifactsOf(conversationId)).toEqual([])
    run!.release('mid-body')

    const reply = await finished(view, 1)
    expect(reply).toMatchObject({ status: 'done', text: 'Hier ist dein Arbeitsblatt.' })
    expect(reply.materialDrafts ?? null).toBeNull()
    const [artifact, ...more] = await artifactsOf(conversationId)
    expect(more).toEqual([])
    expect(artifact).toMatchObject({
      kind: 'worksheet',
      title: 'Brüche kürzen',
      subject: 'Mathematik',
      grade: '6',
      language: 'de',
      latestVersion: 1,
    })
    expect(artifact!.owner?.id).toBe(stack.teacherId)
    expect(artifact!.message?.id).toBe(reply.id)
    expect(artifact!.conversation?.id).toBe(conversationId)
    expect(artifact!.versions).toHaveLength(1)
    expect(artifact!.versions[0]).toMatchObject({
      version: 1,
      format: 'markdown',
      body: WORKSHEET.body,
      status: 'done',
      source: 'assistant',
    })
    expect(artifact!.versions[0]!.message?.id).toBe(reply.id)
    // Measured on the running text only: "Kürze und" and "Erkläre, was kürzen heißt" (no headings, no key).
    expect(artifact!.versions[0]!.readingLevel).toMatchObject({
      v: 4,
      formula: 'wstf',
      language: 'de',
      words: 6,
      sentences: 2,
      countedText: 'tasks+passages',
    })
    // The model was offered both tools, with the kinds and the conventions.
    const sent = (await run!.request).body
    expect(sent.tools?.map((t) => t.function.name)).toEqual(['create_material', 'revise_material'])
    expect(JSON.stringify(sent.tools)).toContain('parent-letter')
    expect(sent.messages[0]!.content).toContain('{{lines:N}}')
    view.off()
  })

  test('a revision through the chat makes version 2 of the same artifact, never a new one', async () => {
    stack.model.queue({ deltas: ['Bitte schön.'], toolCalls: [call('create_material', WORKSHEET)] })
    stack.startWorker()
    const conversationId = await stack.newChat('Materialien')
    const view = watchReplies(conversationId)
    await sendPrompt(conversationId, 'Ein Arbeitsblatt zum Kürzen')
    const first = await finished(view, 1)
    const [artifact] = await artifactsOf(conversationId)

    const harder = WORKSHEET.body.replace('Kürze 4/8 und 6/9.', 'Kürze 84/126 und 75/225.')
    const [run] = stack.model.queue({
      deltas: ['Aufgabe 1 ist jetzt schwerer.'],
      toolCalls: [
        call('revise_material', {
          artifactId: artifact!.id,
          title: 'Brüche kürzen (schwer)',
          note: 'Aufgabe 1 schwerer',
          body: harder,
        }),
      ],
    })
    await sendPrompt(conversationId, 'Mach Aufgabe 1 schwerer', first.id)
    const second = await finished(view, 2)
    expect(second).toMatchObject({ status: 'done', text: 'Aufgabe 1 ist jetzt schwerer.' })
    // The model saw the material it was asked to change: id, version and body.
    const system = (await run!.request).body.messages[0]!.content
    expect(system).toContain(`id=${artifact!.id}`)
    expect(system).toContain('Version 1')
    expect(system).toContain('Kürze 4/8 und 6/9.')
    // The earlier reply is named with the material it wrote.
    expect((await run!.request).body.messages.slice(1)).toEqual([
      { role: 'user', content: 'Ein Arbeitsblatt zum Kürzen' },
      { role: 'assistant', content: `Bitte schön.\n[Material id=${artifact!.id}, Version 1: Brüche kürzen]` },
      { role: 'user', content: 'Mach Aufgabe 1 schwerer' },
    ])

    const after = await artifactsOf(conversationId)
    expect(after.map((a) => a.id)).toEqual([artifact!.id])
    expect(after[0]).toMatchObject({ latestVersion: 2, title: 'Brüche kürzen (schwer)' })
    expect(after[0]!.versions.map((v) => [v.version, v.body, v.note ?? null, v.message?.id])).toEqual([
      [1, WORKSHEET.body, null, first.id],
      [2, harder, 'Aufgabe 1 schwerer', second.id],
    ])
    view.off()
  })

  test('a revise request from the material view reaches a material made in another chat', async () => {
    stack.model.queue({ deltas: ['Da.'], toolCalls: [call('create_material', WORKSHEET)] })
    stack.startWorker()
    const firstChat = await stack.newChat('Materialien')
    const firstView = watchReplies(firstChat)
    await sendPrompt(firstChat, 'Arbeitsblatt Brüche')
    await finished(firstView, 1)
    const [artifact] = await artifactsOf(firstChat)
    firstView.off()

    const [run] = stack.model.queue({
      deltas: ['Mit Lösungsblatt.'],
      toolCalls: [
        call('revise_material', {
          artifactId: artifact!.id,
          body: `${WORKSHEET.body}
2. …`,
        }),
      ],
    })
    const otherChat = await stack.newChat('Materialien')
    const view = watchReplies(otherChat)
    await sendPrompt(otherChat, 'Füg ein Lösungsblatt hinzu', undefined, {
      type: 'revise',
      artifactId: artifact!.id,
    })
    const reply = await finished(view, 1)
    expect(reply).toMatchObject({ status: 'done', text: 'Mit Lösungsblatt.' })
    const system = (await run!.request).body.messages[0]!.content
    expect(system).toContain(`revise_material (artifactId "${artifact!.id}")`)
    expect(system).toContain('Kürze 4/8 und 6/9.')
    // Still one artifact, in its own chat, now at version 2 written by the other chat's reply.
    const [after, ...more] = await artifactsOf(firstChat)
    expect(more).toEqual([])
    expect(after!.id).toBe(artifact!.id)
    expect(after!.latestVersion).toBe(2)
    expect(after!.versions[1]!.message?.id).toBe(reply.id)
    expect(await artifactsOf(otherChat)).toEqual([])
    view.off()
  })

  test('invalid tool arguments leave no artifact and the reply intact', async () => {
    stack.model.queue({
      deltas: ['Hier kommt das Quiz.'],
      toolCalls: [
        call('create_material', { kind: 'zauberspruch', title: '', body: '## Frage 1\nWas?' }),
        { name: 'create_material', arguments: ['{"kind":"quiz","title":"Kaputt","body":"## Fr'] },
      ],
    })
    stack.startWorker()
    const conversationId = await stack.newChat('Materialien')
    const view = watchReplies(conversationId)
    await sendPrompt(conversationId, 'Ein Quiz, bitte')
    const reply = await finished(view, 1)
    expect(reply).toMatchObject({ status: 'done', text: 'Hier kommt das Quiz.' })
    expect(reply.materialDrafts ?? null).toBeNull()
    expect(await artifactsOf(conversationId)).toEqual([])
    const { data } = await stack.teacher.queryOnce({
      artifactVersions: { $: { where: { 'message.id': reply.id } } },
    })
    expect(data.artifactVersions).toEqual([])
    view.off()
  })

  test('a model without tools writes a block: kept out of the reply text, saved as an artifact, tools not sent again', async () => {
    const block = [
      'Gern, hier ist der Elternbrief.\n:::mat',
      'erial {"kind":"parent-letter","title":"Wandertag","grade":"4"}\nLiebe Eltern,\n',
      'am Freitag wandern wir.\n',
      ':::\nViel Erfolg!',
    ]
    stack.model.queue(
      {
        status: 400,
        errorBody: JSON.stringify({ error: { message: "this model does not support 'tools'" } }),
      },
      { deltas: block },
      { deltas: ['Noch etwas?'] },
    )
    stack.startWorker()
    const conversationId = await stack.newChat('Materialien')
    const view = watchReplies(conversationId)
    await sendPrompt(conversationId, 'Ein Elternbrief zum Wandertag')
    const reply = await finished(view, 1)
    expect(reply.status).toBe('done')
    expect(reply.text).toBe('Gern, hier ist der Elternbrief.\n*Material: Wandertag*\nViel Erfolg!')
    const [artifact] = await artifactsOf(conversationId)
    expect(artifact).toMatchObject({
      kind: 'parent-letter',
      title: 'Wandertag',
      grade: '4',
      latestVersion: 1,
    })
    expect(artifact!.versions.map((v) => v.body)).toEqual(['Liebe Eltern,\nam Freitag wandern wir.'])
    const [refused, retried] = stack.model.requests.slice(-2)
    expect(refused!.body.tools).toBeDefined()
    expect(retried!.body.tools).toBeUndefined()
    expect(retried!.body.messages[0]!.content).toContain(':::material {')

    // Remembered for this model: the next request goes without tools at once.
    await sendPrompt(conversationId, 'Danke', reply.id)
    await finished(view, 2)
    expect(stack.model.requests.at(-1)!.body.tools).toBeUndefined()
    view.off()
  })

  test("ASSISTANT_TOOLS=off never sends tools; 'on' keeps them and shows the API's refusal", async () => {
    stack.model.queue({ deltas: [':::material {"kind":"quiz","title":"Q"}\n## Frage 1\nWas?\n:::\n'] })
    const first = stack.startWorker({ toolsMode: 'off' })
    const conversationId = await stack.newChat('Materialien')
    const view = watchReplies(conversationId)
    await sendPrompt(conversationId, 'Quiz')
    const reply = await finished(view, 1)
    expect(reply).toMatchObject({ status: 'done', text: '*Material: Q*\n' })
    expect(stack.model.requests.at(-1)!.body.tools).toBeUndefined()
    expect((await artifactsOf(conversationId)).map((a) => a.title)).toEqual(['Q'])
    await first.close()

    const refusal = JSON.stringify({ error: { message: 'tools are not supported' } })
    stack.model.queue({ status: 400, errorBody: refusal })
    stack.startWorker({ toolsMode: 'on' })
    await sendPrompt(conversationId, 'Noch ein Quiz', reply.id)
    const failed = await finished(view, 2)
    expect(failed).toMatchObject({ status: 'error', error: 'model-rejected' })
    expect(stack.model.requests.at(-1)!.body.tools).toBeDefined()
    view.off()
  })

  test('stop while a material streams keeps what was written as a stopped version, and no draft', async () => {
    const tool = call('create_material', WORKSHEET, 8)
    const [run] = stack.model.queue({
      deltas: ['Moment.'],
      toolCalls: [tool],
      gates: { 'mid-body': 1 + tool.arguments.length - 6 },
      end: 'stall',
    })
    const worker = stack.startWorker()
    const conversationId = await stack.newChat('Materialien')
    const view = watchReplies(conversationId)
    await sendPrompt(conversationId, 'Ein langes Arbeitsblatt')
    await run!.reached('mid-body')
    const draft = await eventually(() => {
      const d = view.last()?.materialDrafts?.[0]
      return d && d.body.length > 0 ? d : undefined
    }, 10_000)
    await stack.teacher.transact(
      stack.teacher.tx.messages[view.last()!.id]!.update({ status: 'stopped', updatedAt: Date.now() }),
    )
    await (await run!.request).aborted
    await eventually(() => (worker.active === 0 ? true : undefined), 10_000)

    const reply = await finished(view, 1)
    expect(reply).toMatchObject({ status: 'stopped', text: 'Moment.' })
    expect(reply.materialDrafts ?? null).toBeNull()
    const [artifact] = await artifactsOf(conversationId)
    expect(artifact).toMatchObject({ kind: 'worksheet', title: 'Brüche kürzen', latestVersion: 1 })
    const kept = artifact!.versions[0]!
    expect(kept.status).toBe('stopped')
    expect(kept.body.length).toBeGreaterThanOrEqual(draft.body.length)
    expect(WORKSHEET.body.startsWith(kept.body)).toBe(true)
    expect(kept.body.length).toBeLessThan(WORKSHEET.body.length)
    view.off()
  })

  test('variants from a material: one artifact per level, linked to the original, and the model told so', async () => {
    stack.model.queue({ deltas: ['Fertig.'], toolCalls: [call('create_material', WORKSHEET)] })
    stack.startWorker()
    const conversationId = await stack.newChat('Materialien')
    const view = watchReplies(conversationId)
    await sendPrompt(conversationId, 'Arbeitsblatt Brüche')
    const first = await finished(view, 1)
    const [original] = await artifactsOf(conversationId)
    const variant = (level: string, body: string) =>
      call('create_material', {
        ...WORKSHEET,
        title: `Brüche kürzen (${level})`,
        level,
        variantOf: original!.id,
        body,
      })
    const [run] = stack.model.queue({
      deltas: ['Zwei Varianten.'],
      toolCalls: [
        variant('A', '## Aufgabe 1\nKürze 2/4.'),
        variant('leichte-sprache', '## Aufgabe 1\nKürze 2/4. Das ist leicht.'),
      ],
    })
    await sendPrompt(conversationId, 'Varianten A und Leichte Sprache', first.id, {
      type: 'variants',
      artifactId: original!.id,
      levels: ['A', 'leichte-sprache'],
    })
    await finished(view, 2)
    const system = (await run!.request).body.messages[0]!.content
    expect(system).toContain(`variantOf "${original!.id}"`)
    expect(system).toContain('level "leichte-sprache": in Leichter Sprache')

    const all = await artifactsOf(conversationId)
    expect(all).toHaveLength(3)
    // Written in one transaction, so they share createdAt: compared in level order.
    const variants = all.filter((a) => a.id !== original!.id).sort((x, y) => x.level!.localeCompare(y.level!))
    expect(variants.map((v) => [v.level, v.variantOf?.id, v.latestVersion, v.owner?.id])).toEqual([
      ['A', original!.id, 1, stack.teacherId],
      ['leichte-sprache', original!.id, 1, stack.teacherId],
    ])
    view.off()
  })

  test("another teacher's material is never revised or varied, even when the model names it", async () => {
    const other = await signedInClient(
      stack.server,
      await refreshTokenFor(projectServer(stack.server), 'fremd@schule.de'),
    )
    const otherId = (await other.getAuth())!.id
    const foreign = id()
    const now = Date.now()
    await other.transact([
      other.tx.artifacts[foreign]!.update({
        kind: 'quiz',
        title: 'Fremdes Quiz',
        latestVersion: 1,
        createdAt: now,
        updatedAt: now,
      }).link({ owner: otherId }),
      other.tx.artifactVersions[id()]!.update({
        version: 1,
        format: 'markdown',
        body: 'Geheim',
        createdAt: now,
      }).link({
        artifact: foreign,
      }),
    ])
    const [run] = stack.model.queue({
      deltas: ['Erledigt.'],
      toolCalls: [
        call('revise_material', { artifactId: foreign, body: 'Überschrieben' }),
        call('create_material', { ...WORKSHEET, variantOf: foreign, level: 'C' }),
      ],
    })
    stack.startWorker()
    const conversationId = await stack.newChat('Materialien')
    const view = watchReplies(conversationId)
    // Even an intent naming it does not put the other teacher's material in front of the stack.model.
    await sendPrompt(conversationId, 'Überarbeite das', undefined, { type: 'revise', artifactId: foreign })
    const reply = await finished(view, 1)
    expect(reply).toMatchObject({ status: 'done', text: 'Erledigt.' })
    expect((await run!.request).body.messages[0]!.content).not.toContain('Geheim')
    expect(await artifactsOf(conversationId)).toEqual([])
    const { data } = await other.queryOnce({
      artifacts: { $: { where: { id: foreign } } },
      artifactVersions: {},
    })
    expect(data.artifacts[0]).toMatchObject({ latestVersion: 1, title: 'Fremdes Quiz' })
    expect(data.artifactVersions.map((v) => v.body)).toEqual(['Geheim'])
    other.shutdown()
    view.off()
  })
})
