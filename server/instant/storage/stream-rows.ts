// SQLite rows of Instant Streams: one row per stream and one row per persisted batch of its content
// (by byte offset), so a persist appends and never rewrites what is already on disk.

import type Database from 'better-sqlite3'

export const STREAMS_MIGRATION = `
  CREATE TABLE streams (app_id TEXT NOT NULL, id TEXT NOT NULL, client_id TEXT NOT NULL,
    hashed_reconnect_token TEXT NOT NULL, size INTEGER NOT NULL DEFAULT 0, done INTEGER NOT NULL DEFAULT 0,
    abort_reason TEXT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, done_at INTEGER,
    PRIMARY KEY (app_id, id));
  CREATE UNIQUE INDEX streams_client_id ON streams (app_id, client_id);
  CREATE TABLE stream_chunks (app_id TEXT NOT NULL, stream_id TEXT NOT NULL, byte_offset INTEGER NOT NULL,
    content BLOB NOT NULL, PRIMARY KEY (app_id, stream_id, byte_offset)) WITHOUT ROWID;`

export interface StreamRow {
  id: string
  clientId: string
  hashedReconnectToken: string
  /** Bytes persisted so far (UTF-8). */
  size: number
  done: boolean
  abortReason: string | null
  createdAt: number
  updatedAt: number
  doneAt: number | null
}

/** One persist: the bytes from `offset` on, and the stream's state after them. */
export interface StreamPersist {
  offset: number
  bytes: Buffer
  done: boolean
  abortReason: string | null
  now: number
}

type RawRow = Record<string, unknown>

function toRow(r: RawRow): StreamRow {
  return {
    id: r.id as string,
    clientId: r.client_id as string,
    hashedReconnectToken: r.hashed_reconnect_token as string,
    size: r.size as number,
    done: r.done === 1,
    abortReason: (r.abort_reason as string | null) ?? null,
    createdAt: r.created_at as number,
    updatedAt: r.updated_at as number,
    doneAt: (r.done_at as number | null) ?? null,
  }
}

export class StreamRows {
  private stmts

  constructor(private db: Database.Database) {
    this.stmts = {
      byId: db.prepare('SELECT * FROM streams WHERE app_id = ? AND id = ?'),
      byClientId: db.prepare('SELECT * FROM streams WHERE app_id = ? AND client_id = ?'),
      insert: db.prepare(
        `INSERT INTO streams (app_id, id, client_id, hashed_reconnect_token, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      chunks: db.prepare(
        'SELECT content FROM stream_chunks WHERE app_id = ? AND stream_id = ? ORDER BY byte_offset',
      ),
      insertChunk: db.prepare(
        'INSERT INTO stream_chunks (app_id, stream_id, byte_offset, content) VALUES (?, ?, ?, ?)',
      ),
      update: db.prepare(
        `UPDATE streams SET size = ?, done = ?, abort_reason = ?, updated_at = ?,
           done_at = CASE WHEN ? = 1 THEN COALESCE(done_at, ?) ELSE NULL END
         WHERE app_id = ? AND id = ?`,
      ),
      expired: db.prepare(
        `SELECT app_id, id FROM streams
         WHERE (done = 1 AND done_at <= ?) OR (done = 0 AND updated_at <= ?)`,
      ),
      deleteStream: db.prepare('DELETE FROM streams WHERE app_id = ? AND id = ?'),
      deleteChunks: db.prepare('DELETE FROM stream_chunks WHERE app_id = ? AND stream_id = ?'),
    }
  }

  get(appId: string, id: string): StreamRow | undefined {
    const r = this.stmts.byId.get(appId, id) as RawRow | undefined
    return r ? toRow(r) : undefined
  }

  byClientId(appId: string, clientId: string): StreamRow | undefined {
    const r = this.stmts.byClientId.get(appId, clientId) as RawRow | undefined
    return r ? toRow(r) : undefined
  }

  create(appId: string, row: Pick<StreamRow, 'id' | 'clientId' | 'hashedReconnectToken'>, now: number): void {
    this.stmts.insert.run(appId, row.id, row.clientId, row.hashedReconnectToken, now, now)
  }

  /** The persisted content, in order. */
  content(appId: string, id: string): Buffer {
    const rows = this.stmts.chunks.all(appId, id) as { content: Buffer }[]
    return Buffer.concat(rows.map((r) => r.content))
  }

  /** Appends one batch and the stream's new state in one durable transaction. */
  persist(appId: string, id: string, p: StreamPersist): void {
    this.db.transaction(() => {
      if (p.bytes.length > 0) this.stmts.insertChunk.run(appId, id, p.offset, p.bytes)
      const done = p.done ? 1 : 0
      this.stmts.update.run(p.offset + p.bytes.length, done, p.abortReason, p.now, done, p.now, appId, id)
    })()
  }

  /** Streams done before `doneBefore`, or unfinished and untouched since `idleBefore`. */
  expired(doneBefore: number, idleBefore: number): { appId: string; id: string }[] {
    const rows = this.stmts.expired.all(doneBefore, idleBefore) as { app_id: string; id: string }[]
    return rows.map((r) => ({ appId: r.app_id, id: r.id }))
  }

  delete(appId: string, id: string): void {
    this.db.transaction(() => {
      this.stmts.deleteChunks.run(appId, id)
      this.stmts.deleteStream.run(appId, id)
    })()
  }
}
