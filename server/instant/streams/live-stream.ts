// One Instant Stream in memory: its content as UTF-8 bytes (everything appended so far, persisted or
// not), its writer session and its readers. Appends reach readers at once; the hub persists batches.

import type { Frame } from '../protocol/frames.ts'

/** Where a subscriber's frames go: its session and the subscribe event they answer. */
export interface StreamReader {
  sessionId: string
  eventId: string
  send(frame: Frame): void
}

export class LiveStream {
  private parts: Buffer[] = []
  /** Bytes appended so far (the offset the next append must name). */
  size = 0
  /** Bytes on disk; `size - persisted` are waiting for the next persist. */
  persisted = 0
  /** Whether the row on disk says done. */
  persistedDone = false
  done = false
  abortReason: string | null = null
  /** The session that started (or last reconnected) the stream; only it may append. */
  writerSessionId: string | undefined
  writerSend: ((frame: Frame) => void) | undefined
  readonly readers = new Map<string, StreamReader>()
  flushTimer: NodeJS.Timeout | undefined
  /** Persists so far (logged at done). */
  persists = 0

  constructor(
    readonly appId: string,
    readonly id: string,
    readonly clientId: string,
    readonly hashedReconnectToken: string,
    stored?: { content: Buffer; done: boolean; abortReason: string | null },
  ) {
    if (stored) {
      if (stored.content.length) this.parts.push(stored.content)
      this.size = this.persisted = stored.content.length
      this.done = this.persistedDone = stored.done
      this.abortReason = stored.abortReason
    }
  }

  /** Everything from byte `from` on (moved back to the start of a character if it falls inside one). */
  bytesFrom(from: number): { offset: number; bytes: Buffer } {
    const all = this.compact()
    let offset = Math.max(0, Math.min(from, all.length))
    while (offset > 0 && offset < all.length && (all[offset]! & 0xc0) === 0x80) offset--
    return { offset, bytes: all.subarray(offset) }
  }

  /** Adds chunks at the end and sends them to every reader; returns the offset they start at. */
  append(chunks: string[], done: boolean, abortReason: string | null): number {
    const start = this.size
    const bytes = Buffer.from(chunks.join(''), 'utf8')
    if (bytes.length) this.parts.push(bytes)
    this.size += bytes.length
    if (done) {
      this.done = true
      this.abortReason = abortReason
    }
    if (bytes.length || done) {
      const content = bytes.toString('utf8')
      for (const reader of this.readers.values())
        reader.send(this.appendFrame(reader.eventId, start, content))
      if (done) this.readers.clear()
    }
    return start
  }

  /** The `stream-append` a reader gets: content from `offset`, and `done` once the stream is. */
  appendFrame(eventId: string, offset: number, content: string): Frame {
    const frame: Frame = {
      op: 'stream-append',
      'client-event-id': eventId,
      'stream-id': this.id,
      'client-id': this.clientId,
      offset,
      content,
      done: this.done,
    }
    if (this.done && this.abortReason) frame['abort-reason'] = this.abortReason
    return frame
  }

  /** The bytes not yet on disk. */
  pending(): { offset: number; bytes: Buffer } {
    return this.bytesFromExact(this.persisted)
  }

  private bytesFromExact(from: number): { offset: number; bytes: Buffer } {
    return { offset: from, bytes: this.compact().subarray(from) }
  }

  private compact(): Buffer {
    if (this.parts.length > 1) this.parts = [Buffer.concat(this.parts)]
    return this.parts[0] ?? Buffer.alloc(0)
  }
}
