// A reply's text as the teacher should see it while the assistant writes it: the worker sends every
// token through the reply's Instant stream (server/assistant/reply-stream.ts) and writes the text
// durably about once a second, so the view shows the longer of the two. The stream only adds speed:
// whatever goes wrong with it, the durable text is still shown and the reply ends with it.

import { useEffect, useState } from 'react'
import { db } from './db.ts'
import type { ChatMessage } from './messages.ts'
import { replyStreamId } from './reply-stream-id.ts'

/** Retries of a subscription the server refused (not open yet, or no streams), doubling up to this. */
const RETRY_FIRST_MS = 250
const RETRY_MAX_MS = 5_000

/**
 * Reads stream `clientId` from its start, calling `onText` with everything read so far after each
 * chunk (React batches the updates that arrive before it renders; waiting for an animation frame
 * here would only add a frame or two before the text is painted). A refused subscription is tried
 * again quietly until `stop` is called; a dropped connection is resumed by the client itself from
 * the last byte read. Returns `stop`.
 */
export function followReplyStream(clientId: string, onText: (text: string) => void): () => void {
  const encoder = new TextEncoder()
  let text = ''
  let bytes = 0
  let stopped = false
  let reader: ReadableStreamDefaultReader<string> | undefined
  let retry: ReturnType<typeof setTimeout> | undefined
  async function run(): Promise<void> {
    for (let attempt = 0; !stopped; attempt++) {
      reader = db.streams.createReadStream({ clientId, byteOffset: bytes }).getReader()
      try {
        for (;;) {
          const { value, done } = await reader.read()
          // The stream ended (the reply is complete, stopped or failed): the durable text takes over.
          if (done || stopped) return
          attempt = 0
          text += value
          bytes += encoder.encode(value).length
          onText(text)
        }
      } catch {
        // Not open yet (the reply may appear a moment before its stream), refused, or a server
        // without streams: the durable text is shown meanwhile.
      }
      if (stopped) return
      const wait = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** attempt)
      await new Promise<void>((resolve) => {
        retry = setTimeout(resolve, wait)
      })
    }
  }
  void run()
  return () => {
    stopped = true
    clearTimeout(retry)
    reader?.cancel().catch(() => {})
  }
}

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
    return followReplyStream(clientId, (text) => setStreamed({ messageId, text }))
  }, [clientId, message.id])
  // Kept after the stream ends, until the durable text catches up (a stop shows no step back).
  const live = streamed?.messageId === message.id ? streamed.text : ''
  return live.length > message.text.length ? live : message.text
}
