// Which converted messages are unchanged since the chat view last showed them: those keep their
// object, so a memoised row does not render again. Pure; no database access.

import type { ChatMessage } from './messages.ts'

/**
 * Each message equal to the one shown before keeps that object, so its row does not render again:
 * the page's live chunk comes as new rows on every change (a streamed reply re-sends its page), and
 * the first page comes again from the cursor pages after the open.
 */
export function keepUnchanged(before: Map<string, ChatMessage>, messages: ChatMessage[]): ChatMessage[] {
  return messages.map((m) => {
    const old = before.get(m.id)
    return old && isSameMessage(old, m) ? old : m
  })
}

function isSameMessage(a: ChatMessage, b: ChatMessage): boolean {
  return (
    a.text === b.text &&
    a.status === b.status &&
    a.updatedAt === b.updatedAt &&
    a.parentId === b.parentId &&
    a.role === b.role &&
    a.createdAt === b.createdAt &&
    a.error === b.error &&
    a.model === b.model &&
    a.limit === b.limit &&
    a.limitUntil === b.limitUntil &&
    (a.drafts === b.drafts || JSON.stringify(a.drafts) === JSON.stringify(b.drafts)) &&
    (a.materials === b.materials || JSON.stringify(a.materials) === JSON.stringify(b.materials))
  )
}
