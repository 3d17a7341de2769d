// Per-teacher rate limits: prompts answered per minute and per day, counted from the teacher's claims
// in the database (claims.ts), so every worker counts the same. A teacher over a limit keeps the
// prompt: it stays pending, marked with the limit and when it will be answered, and the app says so.

import type { AdminDb } from '../admin-db.ts'

export type RateLimitCode = 'rate-limit-minute' | 'rate-limit-day'

export interface RateLimits {
  /** 0: no limit. */
  ratePerMinute: number
  ratePerDay: number
}

export interface Limited {
  limit: RateLimitCode
  /** When the teacher's oldest counted prompt leaves the window: the prompt is answered then. */
  until: number
}

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

/**
 * Whether `ownerId` may have another prompt answered at `now`. Workers claiming for the same teacher
 * at the same moment may each see room for one more, so a burst can pass a limit by at most the
 * prompts being claimed at once.
 */
export async function checkRateLimit(
  db: AdminDb,
  ownerId: string | undefined,
  limits: RateLimits,
  now = Date.now(),
): Promise<Limited | undefined> {
  if (!ownerId || (!limits.ratePerMinute && !limits.ratePerDay)) return undefined
  const window = limits.ratePerDay ? DAY : MINUTE
  const most = Math.max(limits.ratePerMinute, limits.ratePerDay)
  // Only claims (slot 0) link the teacher: takeovers and finishes are not prompts.
  const { assistantClaims } = await db.query({
    assistantClaims: {
      $: {
        where: { 'owner.id': ownerId, createdAt: { $gt: new Date(now - window) } },
        order: { createdAt: 'desc' },
        limit: most,
        fields: ['createdAt'],
      },
    },
  })
  const times = (assistantClaims ?? []).map((c) => new Date(c.createdAt).getTime())
  if (limits.ratePerDay && times.length >= limits.ratePerDay)
    return { limit: 'rate-limit-day', until: times[limits.ratePerDay - 1]! + DAY }
  const lastMinute = times.filter((t) => t > now - MINUTE)
  if (limits.ratePerMinute && lastMinute.length >= limits.ratePerMinute)
    return { limit: 'rate-limit-minute', until: lastMinute[limits.ratePerMinute - 1]! + MINUTE }
  return undefined
}

/** Marks the request as held back by `limited` (cleared by the claim that answers it). */
export async function markLimited(db: AdminDb, requestId: string, limited: Limited): Promise<void> {
  await db.transact(
    db.tx.messages[requestId]!.update({ limit: limited.limit, limitUntil: limited.until }, { upsert: false }),
  )
}
