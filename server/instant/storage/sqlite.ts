// SQLite persistence: apps, attrs, triples, the tx counter, refresh tokens and magic codes.
// With stream-rows.ts (Instant Streams), the only modules that speak SQL. A commit returns only after
// SQLite has made it durable.

import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import type { Attr, Json, Triple } from '../model/types.ts'
import { STREAMS_MIGRATION, StreamRows } from './stream-rows.ts'

export interface AppRow {
  id: string
  title: string
  adminToken: string
  rules: unknown
  createdAt: number
  ephemeral: boolean
}

export interface TxWrite {
  added: Triple[]
  removed: Triple[]
  attrsPut: Attr[]
  attrsRemoved: Attr[]
}

const MIGRATIONS = [
  `CREATE TABLE apps (id TEXT PRIMARY KEY, title TEXT NOT NULL, admin_token TEXT NOT NULL,
     rules TEXT, created_at INTEGER NOT NULL, ephemeral INTEGER NOT NULL DEFAULT 0);
   CREATE TABLE attrs (app_id TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (app_id, id));
   CREATE TABLE triples (app_id TEXT NOT NULL, e TEXT NOT NULL, a TEXT NOT NULL, v TEXT NOT NULL,
     t INTEGER NOT NULL, PRIMARY KEY (app_id, e, a, v)) WITHOUT ROWID;
   CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE refresh_tokens (token TEXT PRIMARY KEY, app_id TEXT NOT NULL, user_id TEXT NOT NULL,
     created_at INTEGER NOT NULL);
   CREATE INDEX refresh_tokens_user ON refresh_tokens (app_id, user_id);
   CREATE TABLE magic_codes (app_id TEXT NOT NULL, email TEXT NOT NULL, code TEXT NOT NULL,
     created_at INTEGER NOT NULL, PRIMARY KEY (app_id, email, code));`,
  // Wrong guesses against an address's outstanding code, so a code survives only a few of them.
  'ALTER TABLE magic_codes ADD COLUMN failed_attempts INTEGER NOT NULL DEFAULT 0',
  STREAMS_MIGRATION,
]

export class SqliteStorage {
  private db: Database.Database
  // The tx counter, kept in memory because every add-query reports it; SQLite has the durable copy.
  private txId: number
  private stmts

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
    this.db = new Database(file)
    this.db.pragma('journal_mode = WAL')
    // FULL: a commit is on disk before transact-ok is sent.
    this.db.pragma('synchronous = FULL')
    this.db.pragma('foreign_keys = ON')
    this.migrate()
    const stored = this.db.prepare("SELECT value FROM meta WHERE key = 'tx_id'").get() as
      | { value: string }
      | undefined
    this.txId = stored ? Number(stored.value) : Date.now()
    this.stmts = {
      insertTriple: this.db.prepare(
        'INSERT OR REPLACE INTO triples (app_id, e, a, v, t) VALUES (?, ?, ?, ?, ?)',
      ),
      deleteTriple: this.db.prepare('DELETE FROM triples WHERE app_id = ? AND e = ? AND a = ? AND v = ?'),
      putAttr: this.db.prepare('INSERT OR REPLACE INTO attrs (app_id, id, data) VALUES (?, ?, ?)'),
      deleteAttr: this.db.prepare('DELETE FROM attrs WHERE app_id = ? AND id = ?'),
      setMeta: this.db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
    }
  }

  private migrate(): void {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)')
    const row = this.db.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined
    let version = row?.version ?? 0
    if (!row) this.db.prepare('INSERT INTO schema_version (version) VALUES (0)').run()
    for (; version < MIGRATIONS.length; version++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[version]!)
        this.db.prepare('UPDATE schema_version SET version = ?').run(version + 1)
      })()
    }
  }

  close(): void {
    this.db.close()
  }

  /** Instant Streams' rows (stream-rows.ts), on this same connection. */
  streamRows(): StreamRows {
    return new StreamRows(this.db)
  }

  /**
   * Copies the database page by page into `file` without stopping the server: steps alternate with
   * other work, and writes made meanwhile (on this same connection) reach the copy too, so it is
   * consistent as of the moment it completes.
   */
  async copyTo(file: string): Promise<void> {
    await this.db.backup(file)
  }

  apps(): AppRow[] {
    const rows = this.db.prepare('SELECT * FROM apps').all() as Record<string, unknown>[]
    return rows.map((r) => ({
      id: r.id as string,
      title: r.title as string,
      adminToken: r.admin_token as string,
      rules: r.rules ? JSON.parse(r.rules as string) : null,
      createdAt: r.created_at as number,
      ephemeral: r.ephemeral === 1,
    }))
  }

  putApp(app: AppRow): void {
    this.db
      .prepare(
        'INSERT OR REPLACE INTO apps (id, title, admin_token, rules, created_at, ephemeral) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(
        app.id,
        app.title,
        app.adminToken,
        app.rules == null ? null : JSON.stringify(app.rules),
        app.createdAt,
        app.ephemeral ? 1 : 0,
      )
  }

  attrs(appId: string): Attr[] {
    const rows = this.db.prepare('SELECT data FROM attrs WHERE app_id = ?').all(appId) as { data: string }[]
    return rows.map((r) => JSON.parse(r.data) as Attr)
  }

  *triples(appId: string): Generator<Triple> {
    const stmt = this.db.prepare('SELECT e, a, v, t FROM triples WHERE app_id = ?')
    for (const r of stmt.iterate(appId) as Iterable<{ e: string; a: string; v: string; t: number }>) {
      yield [r.e, r.a, JSON.parse(r.v) as Json, r.t]
    }
  }

  putAttrs(appId: string, attrs: Attr[]): void {
    this.db.transaction(() => {
      for (const a of attrs) this.stmts.putAttr.run(appId, a.id, JSON.stringify(a))
    })()
  }

  /** The last tx id handed out (seeded from the clock so a wiped server never goes below old caches). */
  lastTxId(): number {
    return this.txId
  }

  /** Persists one transaction atomically and durably; returns its tx id. */
  commit(appId: string, write: TxWrite): number {
    const txId = this.txId + 1
    this.db.transaction(() => {
      this.stmts.setMeta.run('tx_id', String(txId))
      for (const a of write.attrsPut) this.stmts.putAttr.run(appId, a.id, JSON.stringify(a))
      for (const a of write.attrsRemoved) this.stmts.deleteAttr.run(appId, a.id)
      for (const [e, a, v] of write.removed) this.stmts.deleteTriple.run(appId, e, a, JSON.stringify(v))
      for (const [e, a, v, t] of write.added) this.stmts.insertTriple.run(appId, e, a, JSON.stringify(v), t)
    })()
    this.txId = txId
    return txId
  }

  addRefreshToken(appId: string, token: string, userId: string, now: number): void {
    this.db
      .prepare('INSERT INTO refresh_tokens (token, app_id, user_id, created_at) VALUES (?, ?, ?, ?)')
      .run(token, appId, userId, now)
  }

  userIdForToken(appId: string, token: string): string | undefined {
    const row = this.db
      .prepare('SELECT user_id FROM refresh_tokens WHERE app_id = ? AND token = ?')
      .get(appId, token) as { user_id: string } | undefined
    return row?.user_id
  }

  deleteRefreshToken(appId: string, token: string): void {
    this.db.prepare('DELETE FROM refresh_tokens WHERE app_id = ? AND token = ?').run(appId, token)
  }

  deleteUserTokens(appId: string, userId: string): void {
    this.db.prepare('DELETE FROM refresh_tokens WHERE app_id = ? AND user_id = ?').run(appId, userId)
  }

  /** Stores the address's new code; any older code for it is void from now on. */
  addMagicCode(appId: string, email: string, code: string, now: number): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM magic_codes WHERE app_id = ? AND email = ?').run(appId, email)
      this.db
        .prepare('INSERT INTO magic_codes (app_id, email, code, created_at) VALUES (?, ?, ?, ?)')
        .run(appId, email, code, now)
    })()
  }

  /** Deletes and returns the code's creation time when (email, code) is on record. */
  consumeMagicCode(appId: string, email: string, code: string): number | undefined {
    const row = this.db
      .prepare('DELETE FROM magic_codes WHERE app_id = ? AND email = ? AND code = ? RETURNING created_at')
      .get(appId, email, code) as { created_at: number } | undefined
    return row?.created_at
  }

  /** Counts a wrong guess against the address's codes and deletes those at `maxAttempts`; true if any went. */
  failMagicCode(appId: string, email: string, maxAttempts: number): boolean {
    return this.db.transaction(() => {
      this.db
        .prepare(
          'UPDATE magic_codes SET failed_attempts = failed_attempts + 1 WHERE app_id = ? AND email = ?',
        )
        .run(appId, email)
      const voided = this.db
        .prepare('DELETE FROM magic_codes WHERE app_id = ? AND email = ? AND failed_attempts >= ?')
        .run(appId, email, maxAttempts)
      return voided.changes > 0
    })()
  }

  voidMagicCodes(appId: string, email: string): void {
    this.db.prepare('DELETE FROM magic_codes WHERE app_id = ? AND email = ?').run(appId, email)
  }
}
