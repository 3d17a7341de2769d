// Removes old claim records (claims.ts): every answered prompt leaves two or more and nothing else
// deletes them. A record goes when it is older than the retention — which must outlast the day the
// rate limits count (limits/rate-limit.ts) — and its round is settled: it is 'done' or 'taken' and
// no claim of its request is still held or handed back, so it guards no unfinished reply. Only a
// worker that saw a request pending longer ago than the retention could claim a removed round again.
// One worker per period runs it, chosen as every decision is: by a unique claim key
// (`cleanup/<period>`); deleting is idempotent, so overlapping runs would do no harm either.

import { id } from '@instantdb/admin'
import type { Logger } from '../instant/shared/log.ts'
import type { AdminDb } from './admin-db.ts'
import { type Holder, isTakenByAnother } from './claims.ts'

/** The shortest retention allowed: a day of claims counts for the daily rate limit, plus an hour. */
export const MIN_KEEP_HOURS = 25

export interface ClaimCleanup {
  /** Claims older than this (by `createdAt`) may go. */
  keepMs: number
  /** One run per period across all workers. */
  periodMs: number
  /** Records removed per transaction. */
  pageSize?: number
  now?: number
}

export interface CleanupOutcome {
  /** False when another worker already ran it in this period. */
  ran: boolean
  removed: number
}

const OPEN = new Set(['held', 'released'])

interface OldClaim {
  id: string
  state: string
  request?: { id: string; claims?: { state: string }[] } | null
}

export async function cleanUpClaims(
  db: AdminDb,
  holder: Holder,
  opts: ClaimCleanup,
): Promise<CleanupOutcome> {
  const now = opts.now ?? Date.now()
  const pageSize = opts.pageSize ?? 200
  try {
    // The period's marker: a settled claim of its own, removed by a later run like any other.
    await db.transact(
      db.tx.assistantClaims[id()]!.create({
        key: `cleanup/${Math.floor(now / opts.periodMs)}`,
        state: 'done',
        worker: holder.workerId,
        renewedAt: now,
        leaseMs: 0,
        createdAt: now,
      }),
    )
  } catch (err) {
    if (isTakenByAnother(err)) return { ran: false, removed: 0 }
    throw err
  }
  const cutoff = new Date(now - Math.max(opts.keepMs, 0))
  let removed = 0
  for (;;) {
    const { assistantClaims } = await db.query({
      assistantClaims: {
        $: {
          where: { createdAt: { $lt: cutoff }, state: { $in: ['done', 'taken'] } },
          order: { createdAt: 'asc' },
          limit: pageSize,
          fields: ['state'],
        },
        request: { $: { fields: ['id'] }, claims: { $: { fields: ['state'] } } },
      },
    })
    const rows = (assistantClaims ?? []) as OldClaim[]
    const settled = rows.filter((c) => !(c.request?.claims ?? []).some((s) => OPEN.has(s.state)))
    if (settled.length) await db.transact(settled.map((c) => db.tx.assistantClaims[c.id]!.delete()))
    removed += settled.length
    // A page of nothing but unsettled rounds waits for the next period (their replies are running).
    if (rows.length < pageSize || !settled.length) return { ran: true, removed }
  }
}

/** Runs the cleanup every `periodMs` (the first run one period after the start, not with it). */
export function startClaimCleanup(
  db: AdminDb,
  holder: Holder,
  log: Logger,
  opts: Omit<ClaimCleanup, 'now'>,
): { close(): void } {
  const timer = setInterval(() => {
    cleanUpClaims(db, holder, opts).then(
      (out) => {
        if (out.removed) log.info('removed old claim records', { count: out.removed })
      },
      (err: unknown) => log.warn('claim cleanup failed', { error: String(err) }),
    )
  }, opts.periodMs)
  timer.unref()
  return { close: () => clearInterval(timer) }
}
