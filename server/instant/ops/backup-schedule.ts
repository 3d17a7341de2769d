// Periodic backups inside a running server (INSTANT_LOCAL_BACKUP_DIR): every interval a verified copy
// `instant-<time>.sqlite` in the backup directory, keeping the newest few. A failed backup is logged
// and retried at the next interval; it never disturbs the server.

import { mkdirSync, readdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Logger } from '../shared/log.ts'
import { type BackupInfo, finishBackup, partialName } from '../storage/backup.ts'
import type { SqliteStorage } from '../storage/sqlite.ts'

export interface BackupScheduleOptions {
  dir: string
  intervalMs: number
  /** How many backups to keep; older ones are deleted after each new one. */
  keep: number
}

export interface BackupSchedule {
  dir: string
  intervalMinutes: number
  /** Takes a backup now (also what the timer does); resolves with the verified file. */
  runNow(): Promise<BackupInfo>
  /** Stops the timer and waits for a backup in progress. */
  stop(): Promise<void>
}

const NAME = /^instant-\d{8}T\d{9}Z\.sqlite$/

/** The schedule configured by INSTANT_LOCAL_BACKUP_DIR / _INTERVAL_MINUTES / _KEEP, if any. */
export function backupScheduleFromEnv(env: NodeJS.ProcessEnv): BackupScheduleOptions | undefined {
  const dir = env.INSTANT_LOCAL_BACKUP_DIR
  if (!dir) return undefined
  const positive = (name: string, fallback: number) => {
    const raw = env[name]
    if (raw === undefined || raw === '') return fallback
    const n = Number(raw)
    if (!Number.isFinite(n) || n <= 0)
      throw new Error(`${name} must be a positive number, got ${JSON.stringify(raw)}`)
    return n
  }
  return {
    dir: resolve(dir),
    intervalMs: positive('INSTANT_LOCAL_BACKUP_INTERVAL_MINUTES', 60) * 60_000,
    keep: Math.ceil(positive('INSTANT_LOCAL_BACKUP_KEEP', 24)),
  }
}

/** A file name that sorts by time: instant-20261204T135601123Z.sqlite. */
export function backupFileName(at: Date): string {
  return `instant-${at.toISOString().replace(/[-:.]/g, '')}.sqlite`
}

export function startBackupSchedule(
  storage: SqliteStorage,
  opts: BackupScheduleOptions,
  log: Logger,
): BackupSchedule {
  mkdirSync(opts.dir, { recursive: true })
  let running: Promise<BackupInfo> | undefined

  const runNow = (): Promise<BackupInfo> => {
    running ??= (async () => {
      const dest = join(opts.dir, backupFileName(new Date()))
      const partial = partialName(dest)
      try {
        const started = Date.now()
        await storage.copyTo(partial)
        const info = finishBackup(partial, dest)
        prune(opts.dir, opts.keep)
        log.info('backup written', { ...info, ms: Date.now() - started })
        return info
      } catch (err) {
        rmSync(partial, { force: true })
        throw err
      }
    })().finally(() => {
      running = undefined
    })
    return running
  }

  const timer = setInterval(() => {
    runNow().catch((err: unknown) => log.error('backup failed', { err: String(err) }))
  }, opts.intervalMs)
  timer.unref()

  return {
    dir: opts.dir,
    intervalMinutes: opts.intervalMs / 60_000,
    runNow,
    stop: async () => {
      clearInterval(timer)
      await running?.catch(() => {})
    },
  }
}

function prune(dir: string, keep: number): void {
  const files = readdirSync(dir)
    .filter((f) => NAME.test(f))
    .sort()
    .reverse()
  for (const old of files.slice(keep)) rmSync(join(dir, old), { force: true })
}
