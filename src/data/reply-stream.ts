// A reply's text as the teacher should see it while the assistant writes it: the worker sends every
// token through the reply's Instant stream (server/assistant/reply-stream.ts) and writes the text
// durably about once a second, so the view shows the longer of the two. The stream only adds speed:
// whatever goes wrong with it, the durable text is still shown and the reply ends with it.

import { useEffect, useState } from 'react'
import { db } from './db.ts'
import { followReplyStream, shownReplyText } from './follow-reply-stream.ts'
import type { ChatMessage } from './messages.ts'
import { replyStreamId } from './reply-stream-id.ts'

/**
 * The text to show for `message`: while an assistant reply is streaming and shown, the longer of its
 * stream and its durable text (both are the same text, one ahead of the other); the durable text
 * otherwise. The final durable text always holds everything the stream carried.
 */
export function useReplyText(message: Pick<ChatMessage, 'id' | 'role' | 'status' | 'text'>): string {
  const { user } = db.useAuth()
  const clientId =
    message.role === 'assistant' && message.status === 'streaming' && user
      ? replyStreamId(user.id, message.id)
      : undefined
  const [streamed, setStreamed] = useState<{ messageId: string; text: string } | undefined>(undefined)
  useEffect(() => {
    if (!clientId) return
    const messageId = message.id
    return followReplyStream(db.streams, clientId, (text) => setStreamed({ messageId, text }))
  }, [clientId, message.id])
  // Kept after the stream ends, until the durable text catches up (a stop shows no step back).
  const live = streamed?.messageId === message.id ? streamed.text : ''
  return shownReplyText(live, message.text)
}
