// A running worker announces itself: an `assistantWorkers` record with its model's name and endpoint
// host, refreshed every beat, and whether the model's last reply worked (read from the replies
// themselves, so the worker's code needs no hook). The app and /health derive the state from it (src/lib/assistant-state.ts).

import { id } from '@instantdb/admin'
import type { Logger } from '../instant/shared/log.ts'
import { type AdminDb, adminDb, type InstantTarget } from './admin-db.ts'

export interface HeartbeatConfig {
  /** How often the record is refreshed. */
  intervalMs: number
  /** A record older than this means the worker is gone (written into the record for its readers). */
  staleAfterMs: number
}

const DEFAULTS: HeartbeatConfig = { intervalMs: 10_000, staleAfterMs: 45_000 }
/** Records of workers silent this long are removed by the next worker that starts. */
const FORGET_AFTER_MS = 24 * 3_600_000

/**
 * Failure codes that say the model itself is not working (key, URL, service); the others are about
 * one request (too long, empty answer) or a worker that died, and the model answered fine.
 */
export const MODEL_FAULTS: ReadonlySet<string> = new Set([
  'model-unreachable',
  'model-rate-limited',
  'model-unavailable',
  'model-timeout',
  'model-auth',
  'model-not-found',
  'model-bad-response',
])

export function readHeartbeatConfig(env: NodeJS.ProcessEnv): HeartbeatConfig {
  const read = (name: string, fallback: number) => {
    const raw = env[name]
    if (raw === undefined || raw === '') return fallback
    const n = Number(raw)
    if (!Number.isInteger(n) || n < 100)
      throw new Error(`${name} must be a whole number of milliseconds ≥ 100, got ${JSON.stringify(raw)}`)
    return n
  }
  const intervalMs = read('ASSISTANT_HEARTBEAT_MS', DEFAULTS.intervalMs)
  const staleAfterMs = read('ASSISTANT_HEARTBEAT_STALE_MS', Math.max(DEFAULTS.staleAfterMs, intervalMs * 3))
  // One late beat (a busy machine, a slow write) must not make the worker look gone.
  if (staleAfterMs < intervalMs * 2)
    throw new Error(
      `ASSISTANT_HEARTBEAT_STALE_MS (${staleAfterMs}) must be at least twice ASSISTANT_HEARTBEAT_MS (${intervalMs})`,
    )
  return { intervalMs, staleAfterMs }
}

export interface HeartbeatOptions extends InstantTarget, HeartbeatConfig {
  /** The model's display name. */
  model: string
  /** The model endpoint's host only (config.ts endpointHost), shown in the settings. */
  endpointHost: string
  log: Logger
  /** No other worker answers in this app (the local stack): every other record is a leftover. */
  soleWorker?: boolean
}

export interface Heartbeat {
  readonly workerId: string
  /** Resolves once the first beat was written (or failed: the next beat tries again). */
  readonly started: Promise<void>
  /** Stops beating and marks the worker as shut down, so the app says so at once. */
  close(): Promise<void>
}

export function startHeartbeat(opts: HeartbeatOptions): Heartbeat {
  const db = adminDb(opts)
  const workerId = id()
  const startedAt = Date.now()
  let closed = false
  let writing: Promise<void> | undefined
  let isFailing = false

  async function write(): Promise<void> {
    try {
      const model = await lastModelResult(db, startedAt)
      if (closed) return
      // Upsert: a record removed by another start (see forgetOthers) comes back with the next beat.
      await db.transact(
        db.tx.assistantWorkers[workerId]!.update({
          model: opts.model,
          endpointHost: opts.endpointHost,
          startedAt,
          beatAt: Date.now(),
          staleAfterMs: opts.staleAfterMs,
          ...model,
        }),
      )
      if (isFailing) opts.log.info('heartbeat written again')
      isFailing = false
    } catch (err) {
      if (!isFailing) opts.log.warn('could not write the heartbeat', { error: String(err) })
      isFailing = true
    }
  }

  const beat = (): Promise<void> => {
    // A beat still being written (a slow database) is not stacked with the next one.
    writing ??= write().finally(() => {
      writing = undefined
    })
    return writing
  }

  const started = forgetOthers(db, workerId, opts.soleWorker ? 0 : FORGET_AFTER_MS)
    .catch((err: unknown) => opts.log.warn('could not remove old heartbeats', { error: String(err) }))
    .then(beat)
  // Not unref'd: a worker on its own (npm run assistant) runs until it is told to stop.
  const timer = setInterval(() => void beat(), opts.intervalMs)

  return {
    workerId,
    started,
    async close() {
      closed = true
      clearInterval(timer)
      await started
      await writing
      await db
        .transact(db.tx.assistantWorkers[workerId]!.update({ stoppedAt: Date.now() }, { upsert: false }))
        .catch((err: unknown) => opts.log.warn('could not mark the worker stopped', { error: String(err) }))
    },
  }
}

/** The outcome of the newest reply finished since `since`; nothing until there is one. */
async function lastModelResult(
  db: AdminDb,
  since: number,
): Promise<{ modelOk?: boolean; modelError?: string | null }> {
  const { messages } = await db.query({
    messages: {
      $: {
        where: { role: 'assistant', status: { $in: ['done', 'error'] }, updatedAt: { $gt: new Date(since) } },
        order: { updatedAt: 'desc' },
        limit: 1,
        fields: ['status', 'error'],
      },
    },
  })
  const last = messages?.[0]
  if (!last) return {}
  const fault = last.status === 'error' && last.error && MODEL_FAULTS.has(last.error) ? last.error : null
  return { modelOk: fault === null, modelError: fault }
}

/** Removes the records of other workers silent for at least `silentMs`. */
async function forgetOthers(db: AdminDb, workerId: string, silentMs: number): Promise<void> {
  const { assistantWorkers } = await db.query({
    assistantWorkers: { $: { where: { beatAt: { $lte: new Date(Date.now() - silentMs) } }, fields: ['id'] } },
  })
  const old = (assistantWorkers ?? []).filter((w) => w.id !== workerId)
  if (old.length) await db.transact(old.map((w) => db.tx.assistantWorkers[w.id]!.delete()))
}

/**
 * For a stack that runs no worker (no model configured): removes every record, so the app says no
 * assistant is set up rather than that one stopped answering. A worker still running elsewhere
 * writes its record again with its next beat.
 */
export async function forgetAllWorkers(target: InstantTarget): Promise<void> {
  // Beats a little in the future (another machine's clock) count too.
  await forgetOthers(adminDb(target), '', -3_600_000)
}
