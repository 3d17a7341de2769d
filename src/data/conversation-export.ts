// One conversation read whole for an export: its title and the path of messages the chat shows
// (the active branch), oldest first. A one-off read, not a subscription; the server's rules keep it
// owner-only.

import { buildTree, currentPath } from '../lib/message-tree.ts'
import { db } from './db.ts'

export interface ConversationForExport {
  title: string
  messages: { id: string; role: string; text: string; createdAt: number }[]
}

/** Rejects when the server cannot be asked (offline) or refuses; resolves null for no such chat. */
export async function loadConversationForExport(
  conversationId: string,
): Promise<ConversationForExport | null> {
  const { data } = await db.queryOnce({
    conversations: { $: { where: { id: conversationId } }, activeMessage: { $: { fields: ['id'] } } },
    messages: {
      $: { where: { 'conversation.id': conversationId }, order: { createdAt: 'asc' } },
      parent: { $: { fields: ['id'] } },
    },
  })
  const conversation = data.conversations[0]
  if (!conversation) return null
  const tree = buildTree(
    data.messages.map((m) => ({
      id: m.id,
      parentId: m.parent?.id ?? null,
      role: m.role,
      status: m.status,
      text: m.text,
      createdAt: new Date(m.createdAt).getTime(),
    })),
  )
  const path = currentPath(tree, conversation.activeMessage?.id ?? null)
  return { title: conversation.title, messages: path.messages }
}
