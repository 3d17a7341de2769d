// Who answers a request, decided by the database alone: every decision creates an `assistantClaims`
// record whose unique `key` names it, so when two workers make the same decision, the second
// transaction is rejected whole (Instant's unique attrs; our server's tx/apply-tx-steps.ts).
//
// A request is answered in rounds (a regenerate starts the next one: round = the request's replies
// so far). Round r has slots `<request>:<r>/0`, `/1`, … Slot 0 is the claim. A worker whose lease
// lapsed (crash, SIGKILL) or that handed its reply back (shutdown) loses slot n to whoever creates
// slot n+1 first; finishing the reply also creates slot n+1, so a finish and a takeover exclude each
// other. A takeover replaces the reply with a fresh one: a worker that lost its lease but still runs
// writes to a deleted reply (updates never upsert), so the database refuses its every write.

import { id } from '@instantdb/admin'
import type { AdminDb } from './admin-db.ts'
import type { TxStep } from './materials/material-writes.ts'

export interface Holder {
  /** This worker's id (one per process run). */
  workerId: string
  leaseMs: number
}

/** A slot this worker holds: the reply it writes and the key of the next slot. */
export interface Claim {
  claimId: string
  /** `<request>:<round>` */
  round: string
  slot: number
  replyId: string
  requestId: string
}

export const slotKey = (round: string, slot: number) => `${round}/${slot}`

/** The database refused because another worker made the same decision first. */
export function isTakenByAnother(err: unknown): boolean {
  return (err as { body?: { type?: string } } | undefined)?.body?.type === 'record-not-unique'
}

/** The steps creating slot 0 of `round` for `replyId` (added to the claim transaction). */
export function claimSteps(
  db: AdminDb,
  holder: Holder,
  round: string,
  links: { requestId: string; replyId: string; ownerId: string | undefined },
): { claim: Claim; steps: TxStep[] } {
  const claimId = id()
  const now = Date.now()
  const link: Record<string, string> = { request: links.requestId, reply: links.replyId }
  if (links.ownerId) link.owner = links.ownerId
  return {
    claim: { claimId, round, slot: 0, replyId: links.replyId, requestId: links.requestId },
    steps: [
      db.tx.assistantClaims[claimId]!.create({
        key: slotKey(round, 0),
        state: 'held',
        worker: holder.workerId,
        renewedAt: now,
        leaseMs: holder.leaseMs,
        createdAt: now,
      }).link(link),
    ],
  }
}

/**
 * The steps that close `claim` with the reply's last write: slot n+1 is created as 'done', so a
 * takeover of slot n (which creates the same key) can no longer happen, and vice versa.
 */
export function finishSteps(db: AdminDb, holder: Holder, claim: Claim): TxStep[] {
  const now = Date.now()
  return [
    db.tx.assistantClaims[id()]!.create({
      key: slotKey(claim.round, claim.slot + 1),
      state: 'done',
      worker: holder.workerId,
      renewedAt: now,
      leaseMs: holder.leaseMs,
      createdAt: now,
    }).link({ request: claim.requestId }),
    db.tx.assistantClaims[claim.claimId]!.update({ state: 'done' }, { upsert: false }),
  ]
}

/** Keeps the lease: others see `renewedAt` change. */
export async function renewLease(db: AdminDb, claim: Claim): Promise<void> {
  await db.transact(
    db.tx.assistantClaims[claim.claimId]!.update({ renewedAt: Date.now() }, { upsert: false }),
  )
}

/** Hands the reply back at shutdown: another worker takes it over at once instead of after the lease. */
export async function releaseClaim(db: AdminDb, claim: Claim): Promise<void> {
  await db.transact(
    db.tx.assistantClaims[claim.claimId]!.update(
      { state: 'released', renewedAt: Date.now() },
      { upsert: false },
    ),
  )
}

/** A held or released claim as a worker looking for lapsed leases sees it. */
export interface ClaimRow {
  id: string
  key: string
  state: string
  worker: string
  renewedAt: string | number
  leaseMs: number
  request?: {
    id: string
    text: string
    createdAt: string | number
    intent?: unknown
    conversation?: { id: string; activeMessage?: { id: string } }
  }
  reply?: { id: string; createdAt: string | number }
  owner?: { id: string }
}

export const OPEN_CLAIMS_QUERY = {
  assistantClaims: {
    $: { where: { state: { $in: ['held', 'released'] } }, limit: 500 },
    request: {
      $: { fields: ['text' as const, 'createdAt' as const, 'intent' as const] },
      conversation: { $: { fields: ['id' as const] }, activeMessage: { $: { fields: ['id' as const] } } },
    },
    reply: { $: { fields: ['createdAt' as const] } },
    owner: { $: { fields: ['id' as const] } },
  },
}

/** Parses `<request>:<round>/<slot>`. */
export function parseKey(key: string): { round: string; slot: number } | undefined {
  const m = /^(.+)\/(\d+)$/.exec(key)
  return m ? { round: m[1]!, slot: Number(m[2]) } : undefined
}

export type TakeoverOutcome = { claim: Claim } | { interrupted: true } | { gone: true }

/**
 * Takes over `row` (its lease lapsed or it was released): slot n+1 for this worker, the old
 * reply replaced by a fresh streaming one (same place in the tree), the active leaf moved with it.
 * After `maxTakeovers` the reply is failed as interrupted instead (a prompt that kills every worker
 * must not go round forever). Rejects with a record-not-unique error when another worker was first.
 */
export async function takeOver(
  db: AdminDb,
  holder: Holder,
  row: ClaimRow,
  model: string,
  maxTakeovers: number,
): Promise<TakeoverOutcome> {
  const parsed = parseKey(row.key)
  const request = row.request
  const conversationId = request?.conversation?.id
  if (!parsed || !request || !conversationId || !row.reply) {
    // The chat (or the reply) was deleted: nothing to answer any more.
    await db.transact(db.tx.assistantClaims[row.id]!.update({ state: 'done' }, { upsert: false }))
    return { gone: true }
  }
  const now = Date.now()
  const next = parsed.slot + 1
  const nextId = id()
  const nextClaim = (state: string, replyId: string) =>
    db.tx.assistantClaims[nextId]!.create({
      key: slotKey(parsed.round, next),
      state,
      worker: holder.workerId,
      renewedAt: now,
      leaseMs: holder.leaseMs,
      createdAt: now,
    }).link({ request: request.id, reply: replyId })
  const oldClaim = db.tx.assistantClaims[row.id]!.update({ state: 'taken' }, { upsert: false })
  if (next > maxTakeovers) {
    await db.transact([
      nextClaim('done', row.reply.id),
      oldClaim,
      db.tx.messages[row.reply.id]!.update(
        { status: 'error', error: 'model-interrupted', updatedAt: now },
        { upsert: false },
      ),
    ])
    return { interrupted: true }
  }
  const replyId = id()
  const createdAt = new Date(row.reply.createdAt).getTime()
  const steps: TxStep[] = [
    nextClaim('held', replyId),
    oldClaim,
    db.tx.messages[row.reply.id]!.delete(),
    db.tx.messages[replyId]!.create({
      role: 'assistant',
      text: '',
      status: 'streaming',
      createdAt,
      updatedAt: now,
      model,
    }).link({ conversation: conversationId, parent: request.id }),
  ]
  if (request.conversation?.activeMessage?.id === row.reply.id)
    steps.push(db.tx.conversations[conversationId]!.link({ activeMessage: replyId }))
  await db.transact(steps)
  return { claim: { claimId: nextId, round: parsed.round, slot: next, replyId, requestId: request.id } }
}
