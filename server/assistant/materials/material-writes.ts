// Turns a reply's checked material calls into transaction steps: a new artifact with version 1, or
// version N+1 of an artifact the conversation's owner owns. The steps go into the reply's last write,
// so artifacts, versions and the cleared drafts land in one transaction. Refuses, never guesses.

import { id, type TransactionChunk } from '@instantdb/admin'
import { artifactLevelFields, readLevel } from '../../../src/materials/reading-level.ts'
import type { AdminDb } from '../admin-db.ts'
import { measureReadingLevel, type ReadingLevel, toLanguage } from '../reading-level/index.ts'
import type { CheckedCall, RejectedCall } from './material-stream.ts'

// biome-ignore lint/suspicious/noExplicitAny: the admin client's own step type is generic this way
export type TxStep = TransactionChunk<any, any>

export interface MaterialWrite {
  ownerId: string
  conversationId: string
  replyId: string
  /** 'stopped' when the teacher stopped the model mid-material: the body is what was written. */
  status: 'done' | 'stopped'
  calls: CheckedCall[]
}

export interface MaterialSteps {
  steps: TxStep[]
  /** Artifact ids created, and artifact ids revised (with their new version). */
  created: string[]
  revised: { artifactId: string; version: number }[]
  refused: RejectedCall[]
}

/** Without undefined values: Instant stores a key it is given, even an empty one. */
function defined(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined))
}

/** What a level's fit is measured against: the material's grade and level, else its original's grade. */
interface LevelTarget {
  grade?: string | undefined
  level?: string | undefined
  originalGrade?: string | undefined
}

/**
 * The owner's artifacts among `ids`, with the number their next version gets, their language and what
 * their reading level is aimed at.
 */
async function ownedArtifacts(
  db: AdminDb,
  ownerId: string,
  ids: string[],
): Promise<{
  next: Map<string, number>
  language: Map<string, string | undefined>
  target: Map<string, LevelTarget>
}> {
  const next = new Map<string, number>()
  const language = new Map<string, string | undefined>()
  const target = new Map<string, LevelTarget>()
  if (!ids.length) return { next, language, target }
  const { artifacts } = await db.query({
    artifacts: {
      $: {
        where: { id: { $in: ids }, 'owner.id': ownerId },
        fields: ['latestVersion', 'language', 'grade', 'level'],
      },
      versions: { $: { fields: ['version'] } },
      variantOf: { $: { fields: ['grade'] } },
    },
  })
  for (const a of artifacts) {
    const highest = Math.max(a.latestVersion ?? 0, ...(a.versions ?? []).map((v) => v.version))
    next.set(a.id, highest + 1)
    language.set(a.id, a.language ?? undefined)
    target.set(a.id, {
      grade: a.grade ?? undefined,
      level: a.level ?? undefined,
      originalGrade: a.variantOf?.grade ?? undefined,
    })
  }
  return { next, language, target }
}

/** What the artifact stores of its newest version's level (src/materials/reading-level.ts), nulls left out. */
function levelFields(readingLevel: ReadingLevel, target: LevelTarget | undefined): Record<string, unknown> {
  const fields = artifactLevelFields(readLevel(readingLevel, target ?? {}))
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null))
}

export async function materialSteps(db: AdminDb, write: MaterialWrite): Promise<MaterialSteps> {
  const referenced = write.calls.flatMap(({ call }) =>
    call.action === 'revise' ? [call.args.artifactId] : call.args.variantOf ? [call.args.variantOf] : [],
  )
  const owned = await ownedArtifacts(db, write.ownerId, [...new Set(referenced)])
  const { next: nextVersion, language } = owned
  const now = Date.now()
  const out: MaterialSteps = { steps: [], created: [], revised: [], refused: [] }
  // Every version carries its measured reading level (server/assistant/reading-level); the artifact
  // the grade and fit of its newest one, for the library.
  const version = (artifactId: string, n: number, body: string, readingLevel: ReadingLevel, note?: string) =>
    db.tx.artifactVersions[id()]!.create(
      defined({
        version: n,
        format: 'markdown',
        body,
        readingLevel,
        readingLevelVersion: readingLevel.v,
        status: write.status,
        source: 'assistant',
        note,
        createdAt: now,
      }) as { version: number; format: string; body: string; createdAt: number },
    ).link({ artifact: artifactId, message: write.replyId })

  for (const { callId, call } of write.calls) {
    if (call.action === 'revise') {
      const { artifactId, title, note, body } = call.args
      const n = nextVersion.get(artifactId)
      if (n === undefined) {
        out.refused.push({ callId, error: `artifact ${artifactId} is not the conversation owner's` })
        continue
      }
      nextVersion.set(artifactId, n + 1)
      const measured = measureReadingLevel(body, toLanguage(language.get(artifactId)))
      out.steps.push(
        version(artifactId, n, body, measured, note),
        db.tx.artifacts[artifactId]!.update(
          defined({
            latestVersion: n,
            updatedAt: now,
            usedAt: now,
            title,
            readingGrade: null,
            levelFit: null,
            ...levelFields(measured, owned.target.get(artifactId)),
          }),
          { upsert: false },
        ),
      )
      out.revised.push({ artifactId, version: n })
      continue
    }
    const { body, variantOf, ...fields } = call.args
    if (variantOf && !nextVersion.has(variantOf)) {
      out.refused.push({ callId, error: `variantOf ${variantOf} is not the conversation owner's` })
      continue
    }
    const artifactId = id()
    const measured = measureReadingLevel(body, toLanguage(fields.language))
    const target = {
      grade: fields.grade,
      level: fields.level,
      originalGrade: variantOf && owned.target.get(variantOf)?.grade,
    }
    out.steps.push(
      db.tx.artifacts[artifactId]!.create(
        defined({
          ...fields,
          ...levelFields(measured, target),
          language: fields.language ?? 'de',
          latestVersion: 1,
          usedAt: now,
          createdAt: now,
          updatedAt: now,
        }) as { kind: string; title: string; createdAt: number; updatedAt: number },
      ).link(
        defined({
          owner: write.ownerId,
          message: write.replyId,
          conversation: write.conversationId,
          variantOf,
        }) as { owner: string },
      ),
      version(artifactId, 1, body, measured),
    )
    out.created.push(artifactId)
  }
  return out
}
