// Claims a pending request (a user message with status 'pending') by answering it: one transaction
// marks the request 'done' and creates the streaming reply as its child, so a request is answered once
// and every device sees the reply appear. The conversation's active leaf moves to the reply only if
// it still points at the request (the teacher may have switched branches meanwhile). The same
// transaction creates the claim record (claims.ts): a second worker's claim of the same round fails.

import type { AdminDb } from './admin-db.ts'
import { type Claim, claimSteps, type Holder } from './claims.ts'

export interface PendingRequest {
  id: string
  text: string
  createdAt: number
  conversationId: string
  /** The conversation's active leaf when the request was seen. */
  activeMessageId: string | undefined
  /** `messages.intent`: a request about a material (src/materials/intent.ts), unchecked. */
  intent?: unknown
  /** Replies the request had when seen pending: which round of answering this is (claims.ts). */
  round: number
  /** The teacher who owns the conversation (rate limits count their claims). */
  ownerId: string | undefined
}

/**
 * Creates reply `replyId` for `req`; resolves with the claim. Rejects with a record-not-unique
 * error (claims.ts isTakenByAnother) when another worker claimed this round first.
 */
export async function claimReply(
  db: AdminDb,
  req: PendingRequest,
  replyId: string,
  model: string,
  holder: Holder,
): Promise<Claim> {
  // Strictly after the request, even if this machine's clock is behind the teacher's.
  const createdAt = Math.max(Date.now(), req.createdAt + 1)
  const { claim, steps } = claimSteps(db, holder, `${req.id}:${req.round}`, {
    requestId: req.id,
    replyId,
    ownerId: req.ownerId,
  })
  const chunks = [
    ...steps,
    db.tx.messages[req.id]!.update(
      { status: 'done', updatedAt: createdAt, limit: null, limitUntil: null },
      { upsert: false },
    ),
    db.tx.messages[replyId]!.create({
      role: 'assistant',
      text: '',
      status: 'streaming',
      createdAt,
      updatedAt: createdAt,
      model,
    }).link({ conversation: req.conversationId, parent: req.id }),
    db.tx.conversations[req.conversationId]!.update({ updatedAt: createdAt }, { upsert: false }),
  ]
  if (req.activeMessageId === req.id)
    chunks.push(db.tx.conversations[req.conversationId]!.link({ activeMessage: replyId }))
  await db.transact(chunks)
  return claim
}
