// What the app writes when a teacher starts a chat and sends a prompt (src/data/conversations.ts,
// messages.ts), on the unmodified core client: the worker tests and the benchmarks act as teachers with these.

import { id } from '@instantdb/core'
import type { ProjectDb } from '../../instant/conformance/project-users.ts'

/** A signed-in teacher: their client and their user id. */
export interface Teacher {
  db: ProjectDb
  id: string
}

/** A new, empty chat owned by the teacher; returns its id. */
export async function newChat(teacher: Teacher, title = 'Test'): Promise<string> {
  const conversationId = id()
  const now = Date.now()
  await teacher.db.transact(
    teacher.db.tx.conversations[conversationId]!.update({
      title,
      createdAt: now,
      updatedAt: now,
      pinned: false,
      archived: false,
    }).link({ owner: teacher.id }),
  )
  return conversationId
}

export interface PromptOptions {
  /** The message it answers in the tree (none: the chat's first prompt). */
  parentId?: string
  /** `messages.intent`: a request sent from a material's view (src/materials/intent.ts). */
  intent?: unknown
}

/** A pending prompt that becomes the chat's active leaf; returns its id. */
export async function sendPrompt(
  teacher: Teacher,
  conversationId: string,
  text: string,
  opts: PromptOptions = {},
): Promise<string> {
  const messageId = id()
  const now = Date.now()
  const { db } = teacher
  await db.transact([
    db.tx.messages[messageId]!.update({
      role: 'user',
      text,
      status: 'pending',
      createdAt: now,
      updatedAt: now,
      ...(opts.intent ? { intent: opts.intent } : {}),
    }).link(
      opts.parentId
        ? { conversation: conversationId, parent: opts.parentId }
        : { conversation: conversationId },
    ),
    db.tx.conversations[conversationId]!.update({ updatedAt: now }).link({ activeMessage: messageId }),
  ])
  return messageId
}

/**
 * A new chat and its first prompt in one transaction, as the app sends them. Sent again with the
 * same `ids` (after a timeout), it writes the same records: the app's own retry is as harmless.
 */
export async function newChatWithPrompt(
  teacher: Teacher,
  text: string,
  title = text,
  ids = { conversationId: id(), requestId: id(), now: Date.now() },
): Promise<{ conversationId: string; requestId: string }> {
  const { conversationId, requestId, now } = ids
  const { db } = teacher
  await db.transact([
    db.tx.conversations[conversationId]!.update({
      title,
      createdAt: now,
      updatedAt: now,
      pinned: false,
      archived: false,
    }).link({ owner: teacher.id }),
    db.tx.messages[requestId]!.update({
      role: 'user',
      text,
      status: 'pending',
      createdAt: now,
      updatedAt: now,
    }).link({ conversation: conversationId }),
    db.tx.conversations[conversationId]!.link({ activeMessage: requestId }),
  ])
  return { conversationId, requestId }
}
