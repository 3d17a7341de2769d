// Reading a reply's Instant stream, for any client: the chat view passes the app's client
// (reply-stream.ts), the assistant benchmark the teacher's core client in Node, so both run this code.

/** The part of an Instant client's `streams` this needs (the pinned @instantdb clients' shape). */
export interface ReplyStreams {
  createReadStream(opts: { clientId: string; byteOffset: number }): ReadableStream<string>
}

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
export function followReplyStream(
  streams: ReplyStreams,
  clientId: string,
  onText: (text: string) => void,
): () => void {
  const encoder = new TextEncoder()
  let text = ''
  let bytes = 0
  let stopped = false
  let reader: ReadableStreamDefaultReader<string> | undefined
  let retry: ReturnType<typeof setTimeout> | undefined
  async function run(): Promise<void> {
    for (let attempt = 0; !stopped; attempt++) {
      reader = streams.createReadStream({ clientId, byteOffset: bytes }).getReader()
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

/** Both are the same text, one ahead of the other: the longer is what the teacher is shown. */
export function shownReplyText(streamed: string, durable: string): string {
  return streamed.length > durable.length ? streamed : durable
}
