// Reading levels for versions the worker did not write itself — hand edits and restores the app
// saves straight into Instant: a live admin query finds versions without `readingLevel` and fills it
// in, and on the artifact the grade and fit of its newest version (the library's filter). Once at
// start, levels measured by an older READING_LEVEL_VERSION are measured again. Writes those
// attributes and nothing else; never creates a version or artifact (updates do not upsert).

import { artifactLevelFields, readLevel } from '../../../src/materials/reading-level.ts'
import type { Logger } from '../../instant/shared/log.ts'
import type { AdminDb } from '../admin-db.ts'
import { measureReadingLevel, READING_LEVEL_VERSION, toLanguage } from '../reading-level/index.ts'
import type { TxStep } from './material-writes.ts'

/** At most this many per round: a backlog (after an upgrade) is worked off in small transactions. */
const BATCH = 50

const ARTIFACT = {
  $: {
    fields: ['language', 'grade', 'level', 'latestVersion'] as (
      | 'language'
      | 'grade'
      | 'level'
      | 'latestVersion'
    )[],
  },
  variantOf: { $: { fields: ['grade'] as 'grade'[] } },
}

const MISSING = {
  artifactVersions: {
    $: {
      where: { readingLevel: { $isNull: true } },
      limit: BATCH,
      fields: ['body', 'version'] as ('body' | 'version')[],
    },
    artifact: ARTIFACT,
  },
}

interface Row {
  id: string
  body: string
  version: number
  artifact?: {
    id: string
    language?: string | null
    grade?: string | null
    level?: string | null
    latestVersion?: number | null
    variantOf?: { grade?: string | null } | null
  } | null
}

/** The version's reading level, and for the artifact's newest version the grade and fit it stores. */
function fillSteps(db: AdminDb, r: Row) {
  const a = r.artifact
  const readingLevel = measureReadingLevel(r.body ?? '', toLanguage(a?.language))
  const steps: TxStep[] = [db.tx.artifactVersions[r.id]!.update({ readingLevel }, { upsert: false })]
  if (a && a.latestVersion === r.version) {
    const target = { grade: a.grade, level: a.level, originalGrade: a.variantOf?.grade }
    steps.push(
      db.tx.artifacts[a.id]!.update(artifactLevelFields(readLevel(readingLevel, target)), {
        upsert: false,
      }),
    )
  }
  return steps
}

/** Versions read per page while looking for outdated levels: a school's years of materials stay in pages. */
const SCAN_PAGE = 500

/** Versions whose stored level an older READING_LEVEL_VERSION measured, and not by this one. */
async function outdatedVersionIds(db: AdminDb, pageSize: number): Promise<string[]> {
  const ids: string[] = []
  // Only the small level JSON is read, oldest first, a page at a time; versions written meanwhile
  // come last and are measured by this version already.
  for (let offset = 0; ; offset += pageSize) {
    const { artifactVersions } = await db.query({
      artifactVersions: {
        $: {
          limit: pageSize,
          offset,
          order: { createdAt: 'asc' as const },
          fields: ['readingLevel', 'createdAt'] as ('readingLevel' | 'createdAt')[],
        },
      },
    })
    for (const v of artifactVersions) {
      const level = v.readingLevel as { v?: unknown } | null | undefined
      if (level != null && level.v !== READING_LEVEL_VERSION) ids.push(v.id)
    }
    if (artifactVersions.length < pageSize) return ids
  }
}

/** Measures again, in batches, every stored level an older version of the measurement wrote. */
export async function remeasureOutdatedLevels(
  db: AdminDb,
  log: Logger,
  pageSize = SCAN_PAGE,
): Promise<number> {
  const ids = await outdatedVersionIds(db, pageSize)
  for (let i = 0; i < ids.length; i += BATCH) {
    const { artifactVersions } = await db.query({
      artifactVersions: {
        $: {
          where: { id: { $in: ids.slice(i, i + BATCH) } },
          fields: ['body', 'version'] as ('body' | 'version')[],
        },
        artifact: ARTIFACT,
      },
    })
    await db.transact((artifactVersions as Row[]).flatMap((r) => fillSteps(db, r)))
  }
  if (ids.length)
    log.info('reading levels measured again', { versions: ids.length, v: READING_LEVEL_VERSION })
  return ids.length
}

/** Starts filling in missing reading levels; `close` stops watching (a round under way finishes). */
export function startLevelBackfill(db: AdminDb, log: Logger): { close(): void } {
  let pending: Row[] | undefined
  let running = false

  // One round at a time: the query answers again after each write, with what is still missing.
  const run = async () => {
    if (running) return
    running = true
    while (pending?.length) {
      const rows = pending
      pending = undefined
      try {
        await db.transact(rows.flatMap((r) => fillSteps(db, r)))
      } catch (err) {
        log.warn('reading levels not filled in', { versions: rows.length, error: String(err) })
      }
    }
    running = false
  }

  const live = db.subscribeQuery(MISSING, (payload) => {
    if (payload.type !== 'ok') {
      log.warn('reading-level subscription failed', { error: String(payload.error?.message) })
      return
    }
    pending = payload.data.artifactVersions as Row[]
    void run()
  })
  remeasureOutdatedLevels(db, log).catch((err: unknown) =>
    log.warn('older reading levels not measured again', { error: String(err) }),
  )
  return { close: () => live.close() }
}
