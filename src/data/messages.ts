// Messages of one conversation: their shape, the conversation's active leaf, and the writes (send,
// edit-and-resend, regenerate, stop, switch branch); the paged live query is in message-pages.ts.
// Only module writing messages.
//
// Regenerate, given that clients may create only role 'user' messages (instant.perms.ts): the reply's
// user message goes back to status 'pending' and becomes conversation.activeMessage. The old reply
// stays its child, so it remains a sibling branch of the new one. A pending user message is a
// request for the assistant worker, which claims it by setting status 'done' in the transaction
// that creates the reply (parent = that message, createdAt after it) and, while the conversation's
// activeMessage is that message, points activeMessage at the reply. The path (lib/message-tree.ts)
// ends at a pending user message, so the old reply is hidden until the new one exists.

import { id } from '@instantdb/react'
import { type MessageTree, newestLeaf, type TreeMessage } from '../lib/message-tree.ts'
import type { MaterialDraft } from '../materials/draft.ts'
import type { MaterialIntent } from '../materials/intent.ts'
import { db } from './db.ts'

export { MESSAGE_PAGE_SIZE, useMessagePages } from './message-pages.ts'

export type MessageStatus = 'pending' | 'streaming' | 'done' | 'error' | 'stopped'

export interface ChatMessage extends TreeMessage {
  role: 'user' | 'assistant'
  status: MessageStatus
  text: string
  updatedAt: number | undefined
  error: string | undefined
  model: string | undefined
  /** A limit the assistant applied (server/assistant/limits/): rate limit on a request, length on a reply. */
  limit?: string | undefined
  limitUntil?: number | undefined
  /** Materials the model is still writing into this reply (streamed, cleared when saved). */
  drafts: MaterialDraft[]
  /** Material versions this reply wrote (a new material's v1, or a revision), oldest first. */
  materials: MessageMaterial[]
}

/** One version a reply wrote, with the artifact it belongs to: a card in the chat. */
export interface MessageMaterial {
  versionId: string
  version: number
  /** 'done' | 'stopped' (the teacher stopped the model while it wrote it). */
  status: string
  artifact: { id: string; title: string; kind: string; level?: string | undefined }
}

export type ChatTree = MessageTree<ChatMessage>

/** Title and active leaf of the conversation shown in the chat view. */
export function useChatHead(conversationId: string) {
  const res = db.useQuery({
    conversations: { $: { where: { id: conversationId } }, activeMessage: { $: { fields: ['id'] } } },
  })
  const conversation = res.data?.conversations[0]
  return {
    title: conversation?.title,
    /** The whole row, as the cache has it (the offline list places a chat moved offline by it). */
    conversation,
    activeMessageId: conversation?.activeMessage?.id ?? null,
    exists: Boolean(conversation),
    isLoading: res.isLoading,
    error: res.error,
  }
}

export interface SendPrompt {
  conversationId: string
  /** The leaf of the current path; null starts (or, for an edited first message, re-starts) the tree. */
  parentId: string | null
  text: string
  /** The parent's createdAt: the new message must sort after it even with a lagging clock. */
  notBefore?: number | undefined
  /** Renames the conversation in the same transaction (a new chat named after its first prompt). */
  retitle?: string | undefined
  /** A request about a material (revise it, make variants), sent from the material view. */
  intent?: MaterialIntent | undefined
}

/**
 * Adds a user message awaiting a reply under `parentId` and makes it the active leaf. Applied
 * locally at once (and queued offline); `saved` settles when the server has it.
 */
export function sendPrompt({ conversationId, parentId, text, notBefore, retitle, intent }: SendPrompt) {
  const messageId = id()
  const now = Math.max(Date.now(), (notBefore ?? 0) + 1)
  const links = parentId
    ? { conversation: conversationId, parent: parentId }
    : { conversation: conversationId }
  const saved = db.transact([
    db.tx.messages[messageId]!.update({
      role: 'user',
      text,
      status: 'pending',
      createdAt: now,
      updatedAt: now,
      ...(intent ? { intent } : {}),
    }).link(links),
    // An upsert, not the client's default update: offline, the message page's local store holds no
    // conversation while the chat is empty, and an update step would not put the conversation's id
    // there, so the new message would not match `conversation.id` and stay invisible until online.
    // (The chat exists; were it deleted meanwhile, the server refuses the owner-less upsert.)
    db.tx.conversations[conversationId]!.update(
      retitle ? { updatedAt: now, title: retitle } : { updatedAt: now },
      { upsert: true },
    ).link({ activeMessage: messageId }),
  ])
  return { id: messageId, saved, createdAt: now }
}

/** Resends an edited user message as a new sibling (same parent); the original branch is kept. */
export function editAndResend(conversationId: string, message: ChatMessage, text: string) {
  return sendPrompt({ conversationId, parentId: message.parentId, text, notBefore: message.createdAt })
}

/** Asks for a new reply to the user message above `reply`; see the header for the design. */
export function regenerate(conversationId: string, reply: ChatMessage) {
  if (!reply.parentId) throw new Error('A reply without a parent message cannot be regenerated')
  const now = Date.now()
  return db.transact([
    db.tx.messages[reply.parentId]!.update({ status: 'pending', updatedAt: now }),
    db.tx.conversations[conversationId]!.update({ updatedAt: now }).link({ activeMessage: reply.parentId }),
  ])
}

/** Stops a reply being written (or a request not yet claimed); the worker watches for 'stopped'. */
export function stop(messageId: string) {
  return db.transact(db.tx.messages[messageId]!.update({ status: 'stopped', updatedAt: Date.now() }))
}

/**
 * Shows the branch through `messageId`: its newest leaf becomes the active message. The loaded
 * tree holds that whole subtree, since descendants are newer than a message the reader can see.
 */
export function switchBranch(conversationId: string, messageId: string, tree: ChatTree) {
  const leaf = newestLeaf(tree, messageId)?.id ?? messageId
  return db.transact(db.tx.conversations[conversationId]!.link({ activeMessage: leaf }))
}
