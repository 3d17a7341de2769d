// The assistant worker: watches for pending requests (live query through the admin API, plus a
// periodic sweep in case the live connection missed one), answers each once (answer-request.ts: the
// claim, the model, the materials), and marks replies a dead worker left streaming.

import { id } from '@instantdb/admin'
import type { Logger } from '../instant/shared/log.ts'
import { adminDb, type InstantTarget } from './admin-db.ts'
import { type AnswerDeps, answerRequest } from './answer-request.ts'
import type { PendingRequest } from './claim-reply.ts'
import type { AssistantConfig } from './config.ts'
import { startLevelBackfill } from './materials/level-backfill.ts'

export interface AssistantWorkerOptions extends InstantTarget {
  config: AssistantConfig
  log: Logger
  /** How often the worker also looks for pending requests without waiting for a live update. */
  sweepIntervalMs?: number
  /**
   * No other worker answers in this app (the local stack): at start, every reply still 'streaming'
   * was cut off by the last shutdown or crash and is marked at once, not after the idle timeout.
   */
  soleWorker?: boolean
}

export interface AssistantWorker {
  /** Replies being written right now. */
  readonly active: number
  /** Stops taking requests, stops the replies in progress (kept as 'stopped' text) and disconnects. */
  close(): Promise<void>
}

// Oldest first: a teacher who queued several prompts offline gets answers in order.
const PENDING_QUERY = {
  messages: {
    $: { where: { role: 'user', status: 'pending' }, order: { createdAt: 'asc' as const }, limit: 100 },
    conversation: { activeMessage: { $: { fields: ['id' as const] } } },
  },
}

/** Stored on a reply whose worker died while writing it (besides the model's failure codes). */
export const INTERRUPTED = 'model-interrupted'

interface PendingRow {
  id: string
  text: string
  createdAt: string | number
  intent?: unknown
  conversation?: { id: string; activeMessage?: { id: string } } | undefined
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
  }
}

export function startAssistantWorker(opts: AssistantWorkerOptions): AssistantWorker {
  const { config, log } = opts
  const db = adminDb(opts)
  const jobs = new Map<string, AbortController>()
  const retryAfter = new Map<string, number>()
  /** Request id → the reply being written for it. */
  const replies = new Map<string, string>()
  let latest: PendingRequest[] = []
  let closed = false
  const deps: AnswerDeps = { db, config, log, tools: { refused: false } }

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

  async function answer(req: PendingRequest, signal: AbortSignal): Promise<void> {
    // Known as this worker's before it exists, so a sweep never takes it for an interrupted one.
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
      },
    })
    const writing = new Set(replies.values())
    const stale = (messages ?? []).filter((m) => !writing.has(m.id))
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

  return {
    get active() {
      return jobs.size
    },
    async close() {
      closed = true
      clearInterval(sweep)
      live.close()
      backfill.close()
      const running = [...jobs.values()]
      for (const abort of running) abort.abort()
      // Let each stopped reply write its last text.
      for (let k = 0; jobs.size && k < 200; k++) await new Promise((r) => setTimeout(r, 25))
    },
  }
}
