// Conversations: the paged list sections, search, one conversation, and the list's writes
// (create, rename, pin, archive, delete). The server's rules make every row owner-only.

import { type InstaQLEntity, id } from '@instantdb/react'
import { useMemo } from 'react'
import type { AppSchema } from '../../instant.schema.ts'
import { dedupeById } from '../lib/dedupe-by-id.ts'
import { mergeSearchResults, type SearchHit, toLikePattern } from './conversation-search.ts'
import { db } from './db.ts'

export type Conversation = InstaQLEntity<AppSchema, 'conversations'>
export type { SearchHit }

export const CONVERSATION_PAGE_SIZE = 30
const SEARCH_LIMIT = 30

/** pinned and recent hide archived conversations; archived shows them, pinned or not. */
export type ConversationSection = 'pinned' | 'recent' | 'archived'

const sectionWhere = {
  pinned: { pinned: true, archived: false },
  recent: { pinned: false, archived: false },
  archived: { archived: true },
} as const

/**
 * One section of the list, newest activity first, loaded page by page with cursors (never the
 * whole table). Live: new activity moves a conversation to the top in every tab and device.
 */
export function useConversationSection(ownerId: string, section: ConversationSection) {
  // The owner filter is part of the query, not left to the permission rules: the rules hide other
  // teachers' rows only after a page window is cut, which would leave pages short.
  const res = db.useInfiniteQuery({
    conversations: {
      $: {
        where: { ...sectionWhere[section], 'owner.id': ownerId },
        order: { updatedAt: 'desc' },
        limit: CONVERSATION_PAGE_SIZE,
      },
    },
  })
  const rows = res.data?.conversations
  // A conversation moving between page chunks can briefly sit in two of them.
  const conversations = useMemo(() => dedupeById(rows ?? []), [rows])
  return {
    conversations,
    isLoading: res.isLoading,
    error: res.error,
    hasMore: res.canLoadNextPage,
    loadMore: res.loadNextPage,
  }
}

/** Conversations whose title or any message contains the term (case-insensitive), merged. */
export function useConversationSearch(ownerId: string, term: string) {
  const pattern = toLikePattern(term)
  const res = db.useQuery(
    pattern
      ? {
          conversations: {
            $: {
              where: { title: { $ilike: pattern }, 'owner.id': ownerId },
              order: { updatedAt: 'desc' },
              limit: SEARCH_LIMIT,
            },
          },
          messages: {
            $: {
              where: { text: { $ilike: pattern }, 'conversation.owner.id': ownerId },
              order: { createdAt: 'desc' },
              limit: SEARCH_LIMIT,
            },
            conversation: {},
          },
        }
      : null,
  )
  const hits = useMemo(
    () => (res.data ? mergeSearchResults(res.data.conversations, res.data.messages, term) : []),
    [res.data, term],
  )
  return { hits, isLoading: Boolean(pattern) && res.isLoading, error: res.error }
}

/** A single conversation; `conversation` is undefined while loading and when it does not exist. */
export function useConversation(conversationId: string) {
  const res = db.useQuery({ conversations: { $: { where: { id: conversationId } } } })
  return { conversation: res.data?.conversations[0], isLoading: res.isLoading, error: res.error }
}

/**
 * Creates an empty conversation owned by `ownerId` and returns its id at once: the write is
 * applied locally straight away (and queued offline), so the caller can navigate immediately.
 * `saved` settles when the server has the conversation.
 */
export function createConversation(ownerId: string, title: string): { id: string; saved: Promise<unknown> } {
  const conversationId = id()
  const now = Date.now()
  const saved = db.transact(
    db.tx.conversations[conversationId]!.update({
      title,
      createdAt: now,
      updatedAt: now,
      pinned: false,
      archived: false,
    }).link({ owner: ownerId }),
  )
  return { id: conversationId, saved }
}

/** Renames without touching updatedAt: a new title is not new activity. */
export function renameConversation(conversationId: string, title: string) {
  return db.transact(db.tx.conversations[conversationId]!.update({ title }))
}

export function setConversationPinned(conversationId: string, pinned: boolean) {
  return db.transact(db.tx.conversations[conversationId]!.update({ pinned }))
}

export function setConversationArchived(conversationId: string, archived: boolean) {
  return db.transact(db.tx.conversations[conversationId]!.update({ archived }))
}

/** Deletes the conversation; the server cascades the delete to all of its messages. */
export function deleteConversation(conversationId: string) {
  return db.transact(db.tx.conversations[conversationId]!.delete())
}
