// Consistent copies of the server's SQLite database while it runs, and their checks. A copy is written
// under a temporary name, checked (integrity_check), made durable and only then renamed into place, so
// a file with the final name is always a complete, verified backup.

import { chmodSync, closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import Database from 'better-sqlite3'

export interface BackupInfo {
  file: string
  bytes: number
  /** The last transaction the copy holds. */
  txId: number
}

export interface DatabaseCheck {
  ok: boolean
  /** `ok`, or SQLite's first complaints. */
  integrity: string
  txId: number | undefined
}

/** The database file inside a data directory. */
export function databaseFile(dataDir: string): string {
  return join(dataDir, 'instant.sqlite')
}

/**
 * Copies a live database from another process: `VACUUM INTO` reads one snapshot (a WAL read
 * transaction), so writers carry on and the copy holds exactly the transactions committed before it
 * began. Returns the verified backup at `dest`.
 */
export function snapshotDatabase(source: string, dest: string): BackupInfo {
  if (!existsSync(source))
    throw new Error(`No database at ${source} (is --data-dir the server's data directory?)`)
  const partial = partialName(dest)
  const db = new Database(source, { readonly: true, fileMustExist: true, timeout: 10_000 })
  try {
    db.prepare('VACUUM INTO ?').run(partial)
  } finally {
    db.close()
  }
  return finishBackup(partial, dest)
}

/** Where a backup is written before it is verified and renamed to `dest`. */
export function partialName(dest: string): string {
  return join(dirname(dest), `.${basename(dest)}.partial-${process.pid}`)
}

/** Verifies a freshly written copy, makes it durable and private, and renames it to `dest`. */
export function finishBackup(partial: string, dest: string): BackupInfo {
  try {
    // A copy of a WAL database is in WAL mode too; a backup must be one self-contained file.
    const db = new Database(partial, { fileMustExist: true })
    try {
      db.pragma('journal_mode = DELETE')
    } finally {
      db.close()
    }
    const check = checkDatabase(partial)
    if (!check.ok) throw new Error(`the copy failed its integrity check: ${check.integrity}`)
    // The copy holds refresh tokens and admin tokens: only the owner may read it.
    chmodSync(partial, 0o600)
    const fd = openSync(partial, 'r+')
    try {
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(partial, dest)
    syncDirectory(dirname(dest))
    return { file: dest, bytes: statSync(dest).size, txId: check.txId ?? 0 }
  } catch (err) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(partial + suffix, { force: true })
    throw err
  }
}

/** Runs SQLite's full integrity check on a database file and reads its tx counter; writes nothing. */
export function checkDatabase(file: string): DatabaseCheck {
  // Not opened read-only: a read-only connection to a WAL database leaves its -shm file behind,
  // which would make a stopped server's data directory look in use.
  const db = new Database(file, { fileMustExist: true })
  try {
    const rows = db.prepare('PRAGMA integrity_check').pluck().all() as string[]
    const integrity = rows.join('; ')
    const hasMeta = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'")
      .pluck()
      .get()
    if (!hasMeta)
      return { ok: false, integrity: 'not a database of the local Instant server', txId: undefined }
    const tx = db.prepare("SELECT value FROM meta WHERE key = 'tx_id'").pluck().get() as string | undefined
    return { ok: integrity === 'ok', integrity, txId: tx === undefined ? undefined : Number(tx) }
  } finally {
    db.close()
  }
}

/** The admin token an app had in a backup, so a restore on a new machine keeps it. */
export function adminTokenInBackup(file: string, appId: string): string | undefined {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    return db.prepare('SELECT admin_token FROM apps WHERE id = ?').pluck().get(appId) as string | undefined
  } finally {
    db.close()
  }
}

/**
 * Moves a restored copy's tx counter up to `atLeast`: clients compare tx ids with the ones they saw,
 * so ids must never repeat after a restore (the server seeds its counter the same way).
 */
export function raiseTxId(file: string, atLeast: number): void {
  const db = new Database(file, { fileMustExist: true })
  try {
    db.prepare(
      "UPDATE meta SET value = CAST(MAX(CAST(value AS INTEGER), ?) AS TEXT) WHERE key = 'tx_id'",
    ).run(atLeast)
  } finally {
    db.close()
  }
}

function syncDirectory(dir: string): void {
  const fd = openSync(dir, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}
