// Reading levels through the worker on the real stack: the local Instant server with the project's
// schema and rules, a teacher on the unmodified core client, and the scripted model in the OpenAI
// wire format. A material that misses its grade is rewritten once; the better attempt is stored.

import { id } from '@instantdb/core'
import { describe, expect, test } from 'vitest'
import { eventually } from '../instant/conformance/harness.ts'
import { createLogger } from '../instant/shared/log.ts'
import { adminDb } from './admin-db.ts'
import { remeasureOutdatedLevels } from './materials/level-backfill.ts'
import { levelInstructions } from './materials/level-check.ts'
import type { MaterialContext } from './materials/material-context.ts'
import { measureReadingLevel, READING_LEVEL_VERSION } from './reading-level/index.ts'
import { workerStack } from './testing/worker-stack.ts'

const stack = workerStack('leseniveau@schule.de')

const KEY = '\n\n## Lösungen\n\n1. Licht, Wasser und Kohlenstoffdioxid.'

const HARD =
  '## Aufgabe 1: Fotosynthese\n\nDie Fotosynthese bezeichnet den biochemischen Prozess, durch den grüne Pflanzen unter ' +
  'Verwendung der Lichtenergie aus Kohlenstoffdioxid und Wasser energiereiche organische Verbindungen synthetisieren, ' +
  'wobei als Nebenprodukt molekularer Sauerstoff freigesetzt wird. Erläutere die Bedeutung dieses Stoffwechselvorgangs ' +
  'für die Energieversorgung nahezu sämtlicher heterotropher Organismen einschließlich des Menschen.\n\n{{lines:5}}' +
  KEY

const EASY =
  '## Aufgabe 1: Fotosynthese\n\nPflanzen machen ihre Nahrung selbst. Sie brauchen dafür Licht, Wasser und Luft. ' +
  'Das Wasser holen sie mit den Wurzeln aus dem Boden. Die Luft kommt durch kleine Öffnungen in die Blätter. ' +
  'Mit dem Licht der Sonne machen sie daraus Zucker. Dabei geben sie Sauerstoff ab. Den brauchen wir zum Atmen. ' +
  'Schreibe auf, was eine Pflanze zum Leben braucht.\n\n{{lines:5}}' +
  KEY

function createCall(body: string) {
  const args = JSON.stringify({
    kind: 'worksheet',
    title: 'Fotosynthese',
    subject: 'Biologie',
    grade: '5',
    body,
  })
  return { name: 'create_material', arguments: [args.slice(0, 40), args.slice(40)] }
}

/** A new chat with one pending prompt, as the app writes them; returns the chat's id. */
const ask = async (text: string) => (await stack.newChatWithPrompt(text, 'Leseniveau')).conversationId

interface Reply {
  status: string
  text: string
}

/** The finished reply (watched live, as the app does) and the chat's artifacts with their versions. */
async function outcome(conversationId: string) {
  let latest: Reply | undefined
  const off = stack.teacher.subscribeQuery(
    { messages: { $: { where: { 'conversation.id': conversationId, role: 'assistant' } } } },
    (r) => {
      if (r.data) latest = r.data.messages[0] as Reply | undefined
    },
  )
  const reply = await eventually(() => (latest && latest.status !== 'streaming' ? latest : undefined), 20_000)
  off()
  const { data } = await stack.teacher.queryOnce({
    artifacts: { $: { where: { 'conversation.id': conversationId } }, versions: {} },
  })
  return { reply, artifacts: data.artifacts }
}

describe('reading level in the worker', () => {
  test('a grade-5 worksheet that reads like the Oberstufe is rewritten once and the easier version kept', async () => {
    const [first, second] = stack.model.queue(
      { deltas: ['Hier ist dein Arbeitsblatt.'], toolCalls: [createCall(HARD)] },
      { deltas: [EASY.slice(0, 60), EASY.slice(60)] },
    )
    stack.startWorker()
    const chat = await ask('Ein Arbeitsblatt zur Fotosynthese für Klasse 5')
    const { reply, artifacts } = await outcome(chat)

    // Told up front, in the terms it is measured by.
    expect((await first!.request).body.messages[0]!.content).toContain('Zielniveau: Klasse 5.')
    // Asked once more: no tools, the measured level, the target and the first body.
    const again = (await second!.request).body
    expect(again.tools).toBeUndefined()
    expect(again.messages.at(-1)!.content).toMatch(
      /Das Material liegt nach der Wiener Sachtextformel \(mit der Satzlänge auf Klassen umgerechnet\) bei Klassenstufe \d/,
    )
    expect(again.messages.at(-1)!.content).toContain('Ziel ist Klasse 5')
    expect(again.messages.at(-1)!.content).toContain('biochemischen Prozess')

    expect(artifacts).toHaveLength(1)
    const [version, ...more] = artifacts[0]!.versions
    expect(more).toEqual([])
    expect(version!.body).toBe(EASY)
    expect(version!.readingLevel.grade).toBeLessThanOrEqual(6)
    expect(reply.status).toBe('done')
    expect(reply.text).toMatch(
      /^Hier ist dein Arbeitsblatt\.\n\n\*Leseniveau von „Fotosynthese“: gemessen Klasse \d+(,\d)?, Ziel Klasse 5 – ich vereinfache den Text …\* \*Jetzt Klasse \d(,\d)?\.\*$/,
    )
  })

  test('a rewrite that is no closer to the target is dropped and the reply says so', async () => {
    const harder = HARD.replace('Erläutere', 'Erläutere unter Einbeziehung biochemischer Fachterminologie')
    stack.model.queue({ deltas: ['Bitte schön.'], toolCalls: [createCall(HARD)] }, { deltas: [harder] })
    stack.startWorker()
    const { reply, artifacts } = await outcome(await ask('Arbeitsblatt Fotosynthese, 5. Klasse'))
    expect(artifacts[0]!.versions.map((v) => v.body)).toEqual([HARD])
    expect(reply.text).toContain('war nicht näher am Ziel; die erste Fassung bleibt.')
  })

  test('a rewrite that drops the answer key is never kept', async () => {
    stack.model.queue(
      { deltas: ['Bitte schön.'], toolCalls: [createCall(HARD)] },
      { deltas: [EASY.replace(KEY, '')] },
    )
    stack.startWorker()
    const { reply, artifacts } = await outcome(await ask('Arbeitsblatt Fotosynthese für Klasse 5'))
    expect(artifacts[0]!.versions.map((v) => v.body)).toEqual([HARD])
    expect(reply.text).toContain('Die Überarbeitung war unvollständig; die erste Fassung bleibt.')
  })

  test('a rewrite the model fails to give keeps the first attempt, and the reply still finishes', async () => {
    stack.model.queue(
      { deltas: ['Bitte schön.'], toolCalls: [createCall(HARD)] },
      { status: 500, errorBody: 'down' },
    )
    stack.startWorker()
    const { reply, artifacts } = await outcome(await ask('Arbeitsblatt Fotosynthese für Klasse 5'))
    expect(reply.status).toBe('done')
    expect(artifacts[0]!.versions.map((v) => v.body)).toEqual([HARD])
    expect(reply.text).toContain('Das hat nicht geklappt; die erste Fassung bleibt.')
  })

  test('a material on target (grade 3) is written at once, with one model request', async () => {
    const before = stack.model.requests.length
    stack.model.queue({ deltas: ['Bitte schön.'], toolCalls: [createCall(EASY)] })
    stack.startWorker()
    const { reply, artifacts } = await outcome(await ask('Arbeitsblatt Fotosynthese für Klasse 3'))
    expect(stack.model.requests.length - before).toBe(1)
    expect(reply.text).toBe('Bitte schön.')
    expect(artifacts[0]!.versions[0]!.readingLevel).toMatchObject({
      formula: 'wstf',
      countedText: 'tasks+passages',
    })
    // Beside it, indexed, the measurement's version: the start-up re-measuring finds older ones by it.
    expect(artifacts[0]!.versions[0]!.readingLevelVersion).toBe(READING_LEVEL_VERSION)
    // What the library filters and shows, on the artifact itself: measured against the material's
    // own grade (5, as the model stored it), which this grade-3 text is too easy for.
    expect(artifacts[0]).toMatchObject({
      readingGrade: artifacts[0]!.versions[0]!.readingLevel.grade,
      levelFit: 'too-easy',
    })
  })
})

describe('reading level of versions the app writes', () => {
  test('a hand edit saved as the app saves it gets its reading level from the worker', async () => {
    stack.startWorker()
    const artifactId = id()
    const versionId = id()
    const now = Date.now()
    // As src/data/artifacts.ts writes them: the artifact, then a version by hand, no readingLevel.
    await stack.teacher.transact(
      stack.teacher.tx.artifacts[artifactId]!.update({
        kind: 'worksheet',
        title: 'Von Hand',
        language: 'de',
        grade: '3',
        latestVersion: 1,
        createdAt: now,
        updatedAt: now,
      }).link({ owner: stack.teacherId }),
    )
    await stack.teacher.transact(
      stack.teacher.tx.artifactVersions[versionId]!.update({
        version: 1,
        format: 'markdown',
        body: EASY,
        status: 'done',
        source: 'edit',
        note: 'von Hand',
        createdAt: now,
      }).link({ artifact: artifactId }),
    )
    let level: { formula?: string; words?: number; grade?: number } | undefined
    const off = stack.teacher.subscribeQuery(
      { artifactVersions: { $: { where: { id: versionId } } } },
      (r) => {
        level = r.data?.artifactVersions[0]?.readingLevel ?? undefined
      },
    )
    const seen = await eventually(() => level, 20_000)
    off()
    expect(seen).toEqual(measureReadingLevel(EASY, 'de'))
    // The newest version's grade and fit land on the artifact too, for the library.
    let stored: { readingGrade?: number | null; levelFit?: string | null } | undefined
    const offArtifact = stack.teacher.subscribeQuery(
      { artifacts: { $: { where: { id: artifactId } } } },
      (r) => {
        const a = r.data?.artifacts[0]
        stored = a?.levelFit ? a : undefined
      },
    )
    const artifact = await eventually(() => stored, 20_000)
    offArtifact()
    expect(artifact).toMatchObject({ readingGrade: seen!.grade, levelFit: 'fits' })
  })
})

describe('reading levels stored by an older measurement', () => {
  test('are measured again when a worker starts, with the artifact grade and fit of the newest version', async () => {
    const artifactId = id()
    const [v1, v2] = [id(), id()]
    const now = Date.now()
    // A level as READING_LEVEL_VERSION 2 stored it: its grade is not what the current measurement says.
    const stale = { v: 2, language: 'de', formula: 'wstf', grade: 11.5, words: 60, sentences: 4 }
    await stack.teacher.transact([
      stack.teacher.tx.artifacts[artifactId]!.update({
        kind: 'worksheet',
        title: 'Alt gemessen',
        language: 'de',
        grade: '3',
        latestVersion: 2,
        readingGrade: 11.5,
        levelFit: 'too-hard',
        createdAt: now,
        updatedAt: now,
      }).link({ owner: stack.teacherId }),
      ...[v1, v2].map((versionId, i) =>
        stack.teacher.tx.artifactVersions[versionId]!.update({
          version: i + 1,
          format: 'markdown',
          body: i === 0 ? HARD : EASY,
          status: 'done',
          source: 'assistant',
          readingLevel: stale,
          createdAt: now,
        }).link({ artifact: artifactId }),
      ),
    ])
    stack.startWorker()
    let seen:
      | {
          versions: { id: string; readingLevel?: unknown }[]
          readingGrade?: number | null
          levelFit?: string | null
        }
      | undefined
    const off = stack.teacher.subscribeQuery(
      { artifacts: { $: { where: { id: artifactId } }, versions: {} } },
      (r) => {
        const a = r.data?.artifacts[0]
        if (a?.versions.every((v) => (v.readingLevel as { v?: number } | undefined)?.v !== 2)) seen = a
      },
    )
    const artifact = await eventually(() => seen, 20_000)
    off()
    const level = (versionId: string) => artifact!.versions.find((v) => v.id === versionId)?.readingLevel
    expect(level(v1)).toEqual(measureReadingLevel(HARD, 'de'))
    expect(level(v2)).toEqual(measureReadingLevel(EASY, 'de'))
    // The newest version (2, the easy text, grade 3 as asked) sets the artifact's grade and fit.
    expect(artifact).toMatchObject({ readingGrade: measureReadingLevel(EASY, 'de').grade, levelFit: 'fits' })
  })
})

describe('measuring older levels again, batch by batch', () => {
  test('finds every outdated level, indexed or stored before the index, and leaves current ones alone', async () => {
    const db = adminDb(stack.target())
    const artifactId = id()
    const now = Date.now()
    const current = measureReadingLevel(EASY, 'de')
    // A current level is never measured again, so a made-up grade on one survives.
    const untouched = { ...current, grade: 99 }
    const kinds = ['before-index', 'older', 'current'] as const
    const versions = Array.from({ length: 8 }, (_, i) => ({ id: id(), version: i + 1, kind: kinds[i % 3]! }))
    const stored = (kind: (typeof kinds)[number]) =>
      kind === 'before-index'
        ? { readingLevel: { v: 1, language: 'de', grade: 13 } }
        : kind === 'older'
          ? { readingLevel: { v: 1, language: 'de', grade: 13 }, readingLevelVersion: 1 }
          : { readingLevel: untouched, readingLevelVersion: current.v }
    await db.transact([
      db.tx.artifacts[artifactId]!.update({
        kind: 'worksheet',
        title: 'Viele Versionen',
        language: 'de',
        latestVersion: 8,
        createdAt: now,
        updatedAt: now,
      }).link({ owner: stack.teacherId }),
      ...versions.map((v) =>
        db.tx.artifactVersions[v.id]!.update({
          version: v.version,
          format: 'markdown',
          body: EASY,
          status: 'done',
          source: 'edit',
          ...stored(v.kind),
          createdAt: now + v.version,
        }).link({ artifact: artifactId }),
      ),
    ])
    // Batches of 2, over every version on the server (earlier tests' too): the 6 outdated are all found.
    const measured = await remeasureOutdatedLevels(db, createLogger('error', 'test'), 2)
    expect(measured).toBeGreaterThanOrEqual(6)
    const { artifactVersions } = await db.query({
      artifactVersions: { $: { where: { 'artifact.id': artifactId }, order: { createdAt: 'asc' } } },
    })
    expect(artifactVersions.map((v) => [v.readingLevel, v.readingLevelVersion])).toEqual(
      versions.map((v) => [v.kind === 'current' ? untouched : current, current.v]),
    )
    expect(await remeasureOutdatedLevels(db, createLogger('error', 'test'), 2)).toBe(0)
  })
})

describe('levelInstructions (the system prompt)', () => {
  const original = { id: 'a1', kind: 'worksheet', title: 'Brüche', grade: '7', latestVersion: 1, body: '' }
  const context = (over: Partial<MaterialContext>): MaterialContext => ({
    ownerId: 'o',
    materials: [original],
    target: original,
    ...over,
  })

  test('gives each variant its own target, moved from the original grade', () => {
    const text = levelInstructions(
      'Bitte Varianten',
      context({ intent: { type: 'variants', artifactId: 'a1', levels: ['A', 'C', 'leichte-sprache'] } }),
    )
    expect(text).toContain('- level "A" (Niveau A (grundlegend)): Zielniveau: Klasse 6.')
    expect(text).toContain('- level "C" (Niveau C (erweitert)): Zielniveau: Klasse 8.')
    expect(text).toContain('Zielniveau: Klasse 4 oder leichter.')
  })

  test("aims a revision at the material's grade unless the request names another", () => {
    const revise = context({ intent: { type: 'revise', artifactId: 'a1' } })
    expect(levelInstructions('Mach es kürzer', revise)).toMatch(/^Zielniveau: Klasse 7\./)
    expect(levelInstructions('Mach es passend für Klasse 5', revise)).toMatch(/^Zielniveau: Klasse 5\./)
  })

  test('says nothing when no grade is known', () => {
    expect(levelInstructions('Ein Elternbrief zum Wandertag', context({ target: undefined }))).toBeUndefined()
  })
})
