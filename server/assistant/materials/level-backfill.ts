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
  const steps: TxStep[] = [
    db.tx.artifactVersions[r.id]!.update(
      { readingLevel, readingLevelVersion: readingLevel.v },
      { upsert: false },
    ),
  ]
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

/**
 * Levels an older READING_LEVEL_VERSION measured: found by the indexed readingLevelVersion, and levels
 * stored before that attribute existed (a level without it). Each round's rows are measured again,
 * which moves them out of the query, so no offsets are needed and versions written meanwhile by this
 * version never show up.
 */
const OUTDATED = [
  { readingLevelVersion: { $lt: READING_LEVEL_VERSION } },
  { readingLevelVersion: { $isNull: true }, readingLevel: { $isNull: false } },
]

/** Measures again, in batches, every stored level an older version of the measurement wrote. */
export async function remeasureOutdatedLevels(db: AdminDb, log: Logger, batch = BATCH): Promise<number> {
  let measured = 0
  for (const where of OUTDATED) {
    let previous = new Set<string>()
    for (;;) {
      const { artifactVersions } = await db.query({
        artifactVersions: {
          $: { where, limit: batch, fields: ['body', 'version'] as ('body' | 'version')[] },
          artifact: ARTIFACT,
        },
      })
      const rows = artifactVersions as Row[]
      // A round that finds the same rows again did not move them (a refused write): stop, not spin.
      if (!rows.length || rows.every((r) => previous.has(r.id))) break
      previous = new Set(rows.map((r) => r.id))
      await db.transact(rows.flatMap((r) => fillSteps(db, r)))
      measured += rows.length
    }
  }
  if (measured) log.info('reading levels measured again', { versions: measured, v: READING_LEVEL_VERSION })
  return measured
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
