// Reading levels for versions the worker did not write itself — hand edits and restores the app
// saves straight into Instant: a live admin query finds versions without `readingLevel` and fills it
// in. Writes that one attribute and nothing else; never creates a version (updates do not upsert).

import type { Logger } from '../../instant/shared/log.ts'
import type { AdminDb } from '../admin-db.ts'
import { measureReadingLevel, toLanguage } from '../reading-level/index.ts'

/** At most this many per round: a backlog (after an upgrade) is worked off in small transactions. */
const BATCH = 50

const MISSING = {
  artifactVersions: {
    $: { where: { readingLevel: { $isNull: true } }, limit: BATCH, fields: ['body'] as 'body'[] },
    artifact: { $: { fields: ['language'] as 'language'[] } },
  },
}

interface Row {
  id: string
  body: string
  artifact?: { language?: string | null } | null
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
        await db.transact(
          rows.map((r) =>
            db.tx.artifactVersions[r.id]!.update(
              { readingLevel: measureReadingLevel(r.body ?? '', toLanguage(r.artifact?.language)) },
              { upsert: false },
            ),
          ),
        )
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
  return { close: () => live.close() }
}
