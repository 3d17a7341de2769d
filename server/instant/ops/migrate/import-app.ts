// Imports an export file into another Instant through the admin API: entities first with their own
// ids (update = upsert), then links once both ends exist. Users are created by email through the
// admin auth API, which assigns them new ids, so links to users are rewritten through an id map.

import { createReadStream, existsSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { init } from '@instantdb/admin'
import type { ExportHeader, ExportRecord } from './app-shape.ts'
import { clearCheckpoint, readCheckpoint, writeCheckpoint } from './checkpoint.ts'
import type { Endpoint } from './export-app.ts'

export type ImportPhase = 'entities' | 'links'

export interface ImportProgress {
  phase: ImportPhase
  /** Records of the file handled in this phase so far. */
  done: number
}

export interface ImportOptions {
  to: Endpoint
  file: string
  /** Records per transaction. */
  batchSize?: number
  onProgress?: (p: ImportProgress) => void
}

export interface ImportResult {
  entities: number
  links: number
  users: number
  /** Guest users (no email): the admin API cannot create them, so they and their links are left out. */
  skippedGuests: number
}

interface ImportCheckpoint {
  phase: ImportPhase
  /** Records of the file (after the header) completed in this phase. */
  line: number
  /** Source user id → the target's id for that email. */
  userIds: Record<string, string>
  skippedUsers: string[]
  result: ImportResult
}

export function importCheckpointFile(file: string): string {
  return `${file}.import-checkpoint.json`
}

async function* records(file: string): AsyncGenerator<ExportRecord> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })
  let header: ExportHeader | undefined
  for await (const line of lines) {
    if (line.trim() === '') continue
    const value = JSON.parse(line) as ExportHeader | ExportRecord
    if (!header) {
      if ((value as ExportHeader).format !== 'eduhu-instant-export' || (value as ExportHeader).version !== 1)
        throw new Error(`${file} is not an eduhu Instant export (version 1)`)
      header = value as ExportHeader
      continue
    }
    yield value as ExportRecord
  }
  if (!header) throw new Error(`${file} is empty`)
}

export async function importApp(opts: ImportOptions): Promise<ImportResult> {
  if (!existsSync(opts.file)) throw new Error(`${opts.file} does not exist`)
  const batchSize = opts.batchSize ?? 200
  const db = init({ appId: opts.to.appId, adminToken: opts.to.adminToken, apiURI: opts.to.apiUri })
  const cpFile = importCheckpointFile(opts.file)
  const cp: ImportCheckpoint = readCheckpoint<ImportCheckpoint>(cpFile) ?? {
    phase: 'entities',
    line: 0,
    userIds: {},
    skippedUsers: [],
    result: { entities: 0, links: 0, users: 0, skippedGuests: 0 },
  }
  const phases: ImportPhase[] = cp.phase === 'entities' ? ['entities', 'links'] : ['links']
  const skipped = new Set(cp.skippedUsers)
  for (const phase of phases) {
    const start = phase === cp.phase ? cp.line : 0
    let line = 0
    let batch: unknown[] = []
    let counted = { entities: 0, links: 0 }
    // A batch's records are re-applied after a crash before its checkpoint: update and link are
    // idempotent, and the counts are only committed with the checkpoint.
    const flush = async () => {
      if (batch.length > 0) await db.transact(batch as never)
      cp.result.entities += counted.entities
      cp.result.links += counted.links
      batch = []
      counted = { entities: 0, links: 0 }
      Object.assign(cp, { phase, line })
      writeCheckpoint(cpFile, cp)
      opts.onProgress?.({ phase, done: line })
    }
    for await (const r of records(opts.file)) {
      line++
      if (line <= start) continue
      if (phase === 'entities') {
        if (r.ns === '$users') {
          await importUser(db, r, cp)
          if (!cp.userIds[r.id]) skipped.add(r.id)
        } else {
          batch.push(db.tx[r.ns]![r.id]!.update(r.attrs))
          counted.entities++
        }
      } else {
        const self = r.ns === '$users' ? cp.userIds[r.id] : r.id
        const links: Record<string, string[]> = {}
        for (const [label, ids] of Object.entries(r.links)) {
          const mapped = ids.filter((i) => !skipped.has(i)).map((i) => cp.userIds[i] ?? i)
          if (mapped.length > 0) links[label] = mapped
        }
        if (self && Object.keys(links).length > 0) {
          batch.push(db.tx[r.ns]![self]!.link(links))
          counted.links += Object.values(links).flat().length
        }
      }
      if (batch.length >= batchSize || (phase === 'entities' && r.ns === '$users')) await flush()
    }
    await flush()
  }
  clearCheckpoint(cpFile)
  return cp.result
}

/** Creates (or finds) the user by email on the target and remembers the new id; other attrs follow. */
async function importUser(db: ReturnType<typeof init>, r: ExportRecord, cp: ImportCheckpoint): Promise<void> {
  const email = r.attrs.email
  if (typeof email !== 'string') {
    cp.skippedUsers.push(r.id)
    cp.result.skippedGuests++
    return
  }
  await db.auth.createToken(email)
  const user = await db.auth.getUser({ email })
  if (!user) throw new Error(`The target did not create the user ${email}`)
  cp.userIds[r.id] = user.id
  cp.result.users++
  const { email: _, ...rest } = r.attrs
  if (Object.keys(rest).length > 0) await db.transact(db.tx.$users![user.id]!.update(rest))
}
