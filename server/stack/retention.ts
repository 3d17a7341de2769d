// Retention: deletes chats untouched (conversation.updatedAt) for longer than the teacher chose in
// their profile, or the school's default (RETENTION_DAYS) when they chose nothing. Pinned chats and the
// materials made in deleted chats are kept unless the teacher chose otherwise. Runs through the admin
// API, periodically beside the worker (npm start) and on demand in tests.

import type { AdminDb } from '../assistant/admin-db.ts'
import type { Logger } from '../instant/shared/log.ts'

export const RETENTION_CHOICES = [0, 30, 90, 365] as const
const DAY_MS = 86_400_000
const DELETE_BATCH = 100

export interface RetentionConfig {
  /** The school's default for teachers who chose nothing; 0 = off. */
  schoolDays: number
  /** How often the job runs. */
  intervalMs: number
}

/** RETENTION_DAYS (0, 30, 90 or 365; default 0 = off) and RETENTION_INTERVAL_MINUTES (default 60). */
export function readRetentionConfig(env: NodeJS.ProcessEnv): RetentionConfig {
  const days = Number(env.RETENTION_DAYS || 0)
  if (!(RETENTION_CHOICES as readonly number[]).includes(days)) {
    throw new Error(
      `RETENTION_DAYS must be one of ${RETENTION_CHOICES.join(', ')} (got ${env.RETENTION_DAYS})`,
    )
  }
  const minutes = Number(env.RETENTION_INTERVAL_MINUTES || 60)
  if (!Number.isFinite(minutes) || minutes <= 0) {
    throw new Error(
      `RETENTION_INTERVAL_MINUTES must be a positive number (got ${env.RETENTION_INTERVAL_MINUTES})`,
    )
  }
  return { schoolDays: days, intervalMs: minutes * 60_000 }
}

export interface RetentionResult {
  conversationIds: string[]
  artifactIds: string[]
}

interface OwnerPolicy {
  days: number
  includesPinned: boolean
  includesMaterials: boolean
}

type ProfileChoice = {
  retentionDays?: number | null
  retentionIncludesPinned?: boolean | null
  retentionIncludesMaterials?: boolean | null
}

function policyOf(profile: ProfileChoice | undefined, schoolDays: number): OwnerPolicy {
  const chosen = profile?.retentionDays
  return {
    days: typeof chosen === 'number' ? chosen : schoolDays,
    includesPinned: profile?.retentionIncludesPinned === true,
    includesMaterials: profile?.retentionIncludesMaterials === true,
  }
}

/** One pass over every teacher. `now` is a parameter so a test can run "a year later". */
export async function runRetention(
  db: AdminDb,
  opts: { schoolDays: number; now?: number },
): Promise<RetentionResult> {
  const now = opts.now ?? Date.now()
  const { $users } = await db.query({
    $users: { $: { fields: ['id'] }, profile: {}, linkedPrimaryUser: { profile: {} } },
  })
  const result: RetentionResult = { conversationIds: [], artifactIds: [] }
  for (const user of $users) {
    // A guest merged into an account follows the account's choice.
    const profile = (user.linkedPrimaryUser?.profile ?? user.profile) as ProfileChoice | undefined
    const policy = policyOf(profile, opts.schoolDays)
    if (policy.days <= 0) continue
    const cutoff = now - policy.days * DAY_MS
    const where = {
      'owner.id': user.id,
      updatedAt: { $lt: new Date(cutoff) },
      ...(policy.includesPinned ? {} : { pinned: false }),
    }
    const data = await db.query({
      conversations: { $: { where, fields: ['id'] }, artifacts: { $: { fields: ['id'] } } },
    })
    const conversations = data.conversations ?? []
    if (conversations.length === 0) continue
    const artifactIds = policy.includesMaterials
      ? conversations.flatMap((c) => (c.artifacts ?? []).map((a) => a.id))
      : []
    const chunks = [
      ...artifactIds.map((id) => db.tx.artifacts[id]!.delete()),
      ...conversations.map((c) => db.tx.conversations[c.id]!.delete()),
    ]
    for (let i = 0; i < chunks.length; i += DELETE_BATCH) await db.transact(chunks.slice(i, i + DELETE_BATCH))
    result.conversationIds.push(...conversations.map((c) => c.id))
    result.artifactIds.push(...artifactIds)
  }
  return result
}

/** Runs once at start and then every interval; a failed pass is logged and the next one tried. */
export function startRetentionSchedule(db: AdminDb, config: RetentionConfig, log: Logger): { close(): void } {
  let running = false
  const pass = async () => {
    if (running) return
    running = true
    try {
      const r = await runRetention(db, { schoolDays: config.schoolDays })
      if (r.conversationIds.length > 0) {
        log.info('retention deleted chats', {
          chats: r.conversationIds.length,
          materials: r.artifactIds.length,
        })
      }
    } catch (err) {
      log.warn('retention pass failed', { error: String(err) })
    } finally {
      running = false
    }
  }
  void pass()
  const timer = setInterval(() => void pass(), config.intervalMs)
  timer.unref()
  return { close: () => clearInterval(timer) }
}
