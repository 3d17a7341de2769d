// Combines the two halves of a conversation search: titles that match and messages that match.
// Pure, so the merge rules are unit-tested; the queries themselves live in conversations.ts.

import { snippetAround } from '../lib/snippet.ts'

export interface ConversationSummary {
  id: string
  title: string
  updatedAt: string | number
  pinned: boolean
  archived: boolean
}

export interface MessageMatch {
  text: string
  conversation?: ConversationSummary | undefined
}

export interface SearchHit {
  conversation: ConversationSummary
  matchedTitle: boolean
  /** An excerpt of the newest matching message, when the content matched. */
  snippet?: string
}

/** The `$ilike` pattern for a search term, or null when there is nothing to search for. */
export function toLikePattern(term: string): string | null {
  const clean = term.replace(/\s+/g, ' ').trim()
  return clean ? `%${clean}%` : null
}

export function toTime(value: string | number): number {
  return new Date(value).getTime()
}

/**
 * One hit per conversation, newest activity first. A conversation found by title and by content
 * appears once, with both marks; messages are expected newest first, so the first one gives the
 * snippet. Messages whose conversation is not visible (missing link) are dropped.
 */
export function mergeSearchResults(
  titleHits: readonly ConversationSummary[],
  messageHits: readonly MessageMatch[],
  term: string,
): SearchHit[] {
  const byId = new Map<string, SearchHit>()
  for (const conversation of titleHits) byId.set(conversation.id, { conversation, matchedTitle: true })
  for (const message of messageHits) {
    const conversation = message.conversation
    if (!conversation) continue
    const hit = byId.get(conversation.id)
    if (hit?.snippet) continue
    const snippet = snippetAround(message.text, term)
    byId.set(conversation.id, hit ? { ...hit, snippet } : { conversation, matchedTitle: false, snippet })
  }
  return [...byId.values()].sort(
    (a, b) =>
      toTime(b.conversation.updatedAt) - toTime(a.conversation.updatedAt) ||
      a.conversation.id.localeCompare(b.conversation.id),
  )
}
