// The assistant worker: watches for pending requests (live query through the admin API, plus a
// periodic sweep in case the live connection missed one), answers each once (answer-request.ts: the
// claim, the model, the materials), takes over replies whose worker's lease lapsed (claims.ts), and
// at shutdown finishes or hands back its replies within a bound. Any number may run against one app.

import { id } from '@instantdb/admin'
import type { Logger } from '../instant/shared/log.ts'
import { adminDb, type InstantTarget } from './admin-db.ts'
import { type AnswerDeps, answerRequest, HAND_BACK } from './answer-request.ts'
import type { PendingRequest } from './claim-reply.ts'
import { type Claim, type ClaimRow, isTakenByAnother, OPEN_CLAIMS_QUERY, takeOver } from './claims.ts'
import { startClaimCleanup } from './claims-cleanup.ts'
import type { AssistantConfig } from './config.ts'
import { checkRateLimit, markLimited } from './limits/rate-limit.ts'
import { startLevelBackfill } from './materials/level-backfill.ts'
import { liveReplyState } from './reply-stream.ts'

export interface AssistantWorkerOptions extends InstantTarget {
  config: AssistantConfig
  log: Logger
  /** How often the worker also looks for pending requests without waiting for a live update. */
  sweepIntervalMs?: number
  /** How often old claim records are removed (by one worker of all per period; claims-cleanup.ts). */
  claimsCleanupIntervalMs?: number
  /**
   * No other worker answers in this app (the local stack): at start, every reply still 'streaming'
   * was cut off by the last shutdown or crash and is marked at once, not after the idle timeout.
   */
  soleWorker?: boolean
}

export interface AssistantWorker {
  /** Replies being written right now. */
  readonly active: number
  /**
   * Stops taking requests, lets the replies in progress finish for up to `graceMs` (default
   * `config.shutdownMs`), hands the rest back to other workers (taken over at once) and disconnects.
   */
  close(graceMs?: number): Promise<void>
}

// Oldest first: a teacher who queued several prompts offline gets answers in order.
const PENDING_QUERY = {
  messages: {
    $: { where: { role: 'user', status: 'pending' }, order: { createdAt: 'asc' as const }, limit: 100 },
    conversation: {
      activeMessage: { $: { fields: ['id' as const] } },
      owner: { $: { fields: ['id' as const] } },
    },
    // How many replies it has: the round of answering (claims.ts), the same for every worker.
    children: { $: { fields: ['id' as const] } },
  },
}

/** Stored on a reply whose worker died while writing it (besides the model's failure codes). */
export const INTERRUPTED = 'model-interrupted'

interface PendingRow {
  id: string
  text: string
  createdAt: string | number
  intent?: unknown
  conversation?: { id: string; activeMessage?: { id: string }; owner?: { id: string } } | undefined
  children?: { id: string }[]
}

function toRequest(row: PendingRow): PendingRequest | undefined {
  // A message without a conversation is being deleted with it: nothing to answer.
  if (!row.conversation) return undefined
  return {
    id: row.id,
    text: row.text,
    createdAt: new Date(row.createdAt).getTime(),
    conversationId: row.conversation.id,
    activeMessageId: row.conversation.activeMessage?.id,
    intent: row.intent ?? undefined,
    round: row.children?.length ?? 0,
    ownerId: row.conversation.owner?.id,
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export function startAssistantWorker(opts: AssistantWorkerOptions): AssistantWorker {
  const { config, log } = opts
  const db = adminDb(opts)
  const jobs = new Map<string, AbortController>()
  const retryAfter = new Map<string, number>()
  /** Request id → the reply being written for it. */
  const replies = new Map<string, string>()
  let latest: PendingRequest[] = []
  let closed = false
  const workerId = id()
  const deps: AnswerDeps = {
    db,
    config,
    log,
    tools: { refused: false },
    streams: liveReplyState(),
    holder: { workerId, leaseMs: config.leaseMs },
  }
  /** Claim id → its `renewedAt` and when this worker first saw that value (its own clock). */
  const observed = new Map<string, { renewedAt: string; since: number }>()

  const pump = () => {
    if (closed) return
    for (const req of latest) {
      if (jobs.size >= config.concurrency) return
      if (jobs.has(req.id) || (retryAfter.get(req.id) ?? 0) > Date.now()) continue
      const abort = new AbortController()
      jobs.set(req.id, abort)
      void answer(req, abort.signal).finally(() => {
        jobs.delete(req.id)
        replies.delete(req.id)
        pump()
      })
    }
  }

  const seen = (rows: PendingRow[]) => {
    latest = rows.flatMap((r) => toRequest(r) ?? [])
    pump()
  }

  /**
   * Takes over claims whose lease lapsed: not renewed for their `leaseMs` as measured on this
   * worker's clock (so clocks need not agree), handed back, or, for the sole worker at its start,
   * any claim at all (no one else can be writing).
   */
  async function takeOverLapsed(all = false): Promise<void> {
    const { assistantClaims } = await db.query(OPEN_CLAIMS_QUERY)
    const rows = (assistantClaims ?? []) as ClaimRow[]
    const now = Date.now()
    const open = new Set<string>()
    for (const row of rows) {
      open.add(row.id)
      if (row.worker === workerId || closed) continue
      const renewedAt = String(row.renewedAt)
      const seen = observed.get(row.id)
      if (!seen || seen.renewedAt !== renewedAt) observed.set(row.id, { renewedAt, since: now })
      const lapsed =
        all || row.state === 'released' || (seen?.renewedAt === renewedAt && now - seen.since >= row.leaseMs)
      const requestId = row.request?.id
      if (!lapsed || (requestId && jobs.has(requestId)) || jobs.size >= config.concurrency) continue
      try {
        const out = await takeOver(db, deps.holder, row, config.model, config.maxTakeovers)
        observed.delete(row.id)
        if ('claim' in out) {
          log.warn('took over a reply whose worker stopped answering', {
            reply: row.reply?.id,
            slot: out.claim.slot,
          })
          startJob(claimedRequest(row), out.claim)
        } else if ('interrupted' in out)
          log.warn('reply failed after repeated takeovers', { reply: row.reply?.id })
      } catch (err) {
        if (!isTakenByAnother(err)) log.warn('takeover failed', { claim: row.id, error: String(err) })
      }
    }
    for (const key of observed.keys()) if (!open.has(key)) observed.delete(key)
  }

  function claimedRequest(row: ClaimRow): PendingRequest {
    const r = row.request!
    return {
      id: r.id,
      text: r.text,
      createdAt: new Date(r.createdAt).getTime(),
      conversationId: r.conversation!.id,
      activeMessageId: r.conversation?.activeMessage?.id,
      intent: r.intent ?? undefined,
      round: 0,
      ownerId: row.owner?.id,
    }
  }

  function startJob(req: PendingRequest, taken: Claim): void {
    const abort = new AbortController()
    jobs.set(req.id, abort)
    replies.set(req.id, taken.replyId)
    void answerRequest(deps, req, taken.replyId, abort.signal, taken).finally(() => {
      jobs.delete(req.id)
      replies.delete(req.id)
      pump()
    })
  }

  async function answer(req: PendingRequest, signal: AbortSignal): Promise<void> {
    // Known as this worker's before it exists, so a sweep never takes it for an interrupted one.
    try {
      const limited = await checkRateLimit(db, req.ownerId, config)
      if (limited) {
        // Kept pending, not lost: the app shows the limit, and the prompt is answered at `until`.
        retryAfter.set(req.id, limited.until)
        setTimeout(pump, Math.max(0, limited.until - Date.now()) + 50).unref()
        await markLimited(db, req.id, limited)
        log.info('rate limit reached', { request: req.id, limit: limited.limit })
        return
      }
    } catch (err) {
      log.warn('rate limit check failed', { request: req.id, error: String(err) })
      retryAfter.set(req.id, Date.now() + 5_000)
      return
    }
    const replyId = id()
    replies.set(req.id, replyId)
    if (await answerRequest(deps, req, replyId, signal)) retryAfter.delete(req.id)
    else retryAfter.set(req.id, Date.now() + 5_000)
  }

  /**
   * Replies left 'streaming' by a worker that died (crash, restart) would spin forever. One that has
   * not grown for `silentMs` (by default longer than any live stream may stay silent) is marked
   * failed; the teacher can regenerate it. Replies this worker is writing are never touched.
   */
  async function failInterrupted(silentMs = config.idleTimeoutMs + 60_000): Promise<void> {
    const cutoff = new Date(Date.now() - silentMs)
    const { messages } = await db.query({
      messages: {
        $: { where: { role: 'assistant', status: 'streaming', updatedAt: { $lt: cutoff } }, fields: ['id'] },
        replyClaims: { $: { fields: ['state'] } },
      },
    })
    const writing = new Set(replies.values())
    // A reply with an open claim is the lease's business (taken over, not failed).
    const stale = (messages ?? []).filter(
      (m) =>
        !writing.has(m.id) &&
        !(m.replyClaims ?? []).some((c) => c.state === 'held' || c.state === 'released'),
    )
    if (!stale.length) return
    await db.transact(
      stale.map((m) =>
        db.tx.messages[m.id]!.update(
          { status: 'error', error: INTERRUPTED, updatedAt: Date.now() },
          { upsert: false },
        ),
      ),
    )
    log.warn('marked interrupted replies as failed', { count: stale.length })
  }

  // Versions saved by the app (hand edits, restores) get their reading level here.
  const backfill = startLevelBackfill(db, log)
  const live = db.subscribeQuery(PENDING_QUERY, (payload) => {
    if (payload.type === 'ok') seen(payload.data.messages as PendingRow[])
    else log.warn('pending-request subscription failed', { error: String(payload.error?.message) })
  })
  const sweep = setInterval(() => {
    db.query(PENDING_QUERY).then(
      (data) => seen(data.messages as PendingRow[]),
      (err: unknown) => log.warn('pending-request sweep failed', { error: String(err) }),
    )
    failInterrupted().catch((err: unknown) => log.warn('stale-reply sweep failed', { error: String(err) }))
  }, opts.sweepIntervalMs ?? 30_000)
  sweep.unref()
  failInterrupted(opts.soleWorker ? 0 : undefined).catch((err: unknown) =>
    log.warn('stale-reply sweep failed', { error: String(err) }),
  )
  let checking = false
  const checkLeases = (all = false) => {
    if (checking || closed) return
    checking = true
    takeOverLapsed(all)
      .catch((err: unknown) => log.warn('lease check failed', { error: String(err) }))
      .finally(() => {
        checking = false
      })
  }
  const leases = setInterval(checkLeases, Math.max(100, Math.floor(config.leaseMs / 3)))
  leases.unref()
  checkLeases(opts.soleWorker)
  // A reply handed back at another worker's shutdown is taken over at once, not at the next check.
  const released = db.subscribeQuery(
    { assistantClaims: { $: { where: { state: 'released' }, fields: ['state'] } } },
    (payload) => {
      if (payload.type === 'ok' && payload.data.assistantClaims.length) checkLeases()
    },
  )

  const cleanup = startClaimCleanup(db, deps.holder, log, {
    keepMs: config.claimsKeepHours * 3_600_000,
    periodMs: opts.claimsCleanupIntervalMs ?? 3_600_000,
  })

  return {
    get active() {
      return jobs.size
    },
    async close(graceMs = config.shutdownMs) {
      closed = true
      clearInterval(sweep)
      clearInterval(leases)
      cleanup.close()
      released.close()
      live.close()
      backfill.close()
      // Replies in progress may finish within the bound; the rest are handed back.
      const until = Date.now() + graceMs
      while (jobs.size && Date.now() < until) await sleep(25)
      for (const abort of jobs.values()) abort.abort(HAND_BACK)
      // Each handed-back reply settles its writes and releases its claim (bounded: a dead database
      // must not hold the process).
      for (let k = 0; jobs.size && k < 400; k++) await sleep(25)
    },
  }
}
