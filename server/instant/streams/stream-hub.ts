// All Instant Streams of this server: starts and resumes write streams, appends and fans out to
// readers from memory, persists each stream's new bytes in batches (≤ flushMs apart, and at done),
// and removes streams some time after they are done or once they have been idle too long.

import { createHash, randomUUID } from 'node:crypto'
import { validationFailed } from '../errors.ts'
import type { Frame } from '../protocol/frames.ts'
import type { Logger } from '../shared/log.ts'
import type { StreamRows } from '../storage/stream-rows.ts'
import { LiveStream, type StreamReader } from './live-stream.ts'

export interface StreamOptions {
  /** Longest time appended bytes wait in memory before they are persisted. */
  flushMs: number
  /** How long a finished stream stays readable (the durable message holds the final text). */
  doneTtlMs: number
  /** An unfinished stream without appends for this long is abandoned and removed. */
  idleTtlMs: number
  /** How often expired streams are looked for. */
  sweepMs: number
}

const MINUTE = 60_000

export function streamOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): StreamOptions {
  const num = (name: string, fallback: number) => {
    const raw = env[name]
    if (raw === undefined || raw === '') return fallback
    const n = Number(raw)
    if (!Number.isFinite(n) || n < 0)
      throw new Error(`${name} must be a number ≥ 0, not ${JSON.stringify(raw)}`)
    return n
  }
  return {
    flushMs: num('INSTANT_LOCAL_STREAM_FLUSH_MS', 250),
    doneTtlMs: num('INSTANT_LOCAL_STREAM_DONE_TTL_MINUTES', 15) * MINUTE,
    idleTtlMs: num('INSTANT_LOCAL_STREAM_IDLE_TTL_MINUTES', 60) * MINUTE,
    sweepMs: MINUTE,
  }
}

/** The session side the hub talks to: its id (for ownership) and where its frames go. */
export interface StreamPeer {
  id: string
  send(frame: Frame): void
}

export interface AppendInput {
  streamId: string
  chunks: string[]
  offset: number
  done: boolean
  abortReason: string | null
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export class StreamHub {
  private live = new Map<string, LiveStream>()
  private byClient = new Map<string, LiveStream>()
  private bySession = new Map<string, Set<LiveStream>>()
  private sweeper: NodeJS.Timeout

  constructor(
    private rows: StreamRows,
    readonly opts: StreamOptions,
    private log: Logger,
  ) {
    this.sweep()
    this.sweeper = setInterval(() => this.sweep(), opts.sweepMs)
    this.sweeper.unref()
  }

  /** Starts a new stream for `clientId`, or resumes it with the same reconnect token. */
  start(
    appId: string,
    writer: StreamPeer,
    clientId: string,
    reconnectToken: string,
  ): { id: string; offset: number } {
    const hashed = hashToken(reconnectToken)
    let stream = this.find(appId, { clientId })
    if (stream) {
      if (stream.hashedReconnectToken !== hashed)
        throw validationFailed('A stream with that clientId already exists. Reconnect token is invalid.')
      if (stream.done) throw validationFailed('Stream is closed.')
      // Whatever arrived before the reconnect is made durable, so the offset is one the writer may drop.
      this.persist(stream)
      if (stream.writerSessionId) this.sessionStreams(stream.writerSessionId).delete(stream)
    } else {
      const id = randomUUID()
      this.rows.create(appId, { id, clientId, hashedReconnectToken: hashed }, Date.now())
      stream = this.remember(new LiveStream(appId, id, clientId, hashed))
    }
    stream.writerSessionId = writer.id
    stream.writerSend = writer.send
    this.sessionStreams(writer.id).add(stream)
    return { id: stream.id, offset: stream.size }
  }

  append(appId: string, writer: StreamPeer, input: AppendInput): void {
    const stream = this.live.get(key(appId, input.streamId))
    if (!stream || stream.writerSessionId !== writer.id) throw validationFailed('Stream is missing.')
    if (stream.done) throw validationFailed('Stream is completed.')
    if (input.offset !== stream.size) {
      throw validationFailed('Invalid offset for stream.', {
        'expected-offset': input.offset,
        offset: stream.size,
      })
    }
    stream.append(input.chunks, input.done, input.abortReason)
    if (input.done) {
      clearTimeout(stream.flushTimer)
      stream.flushTimer = undefined
      this.persist(stream)
      this.log.debug('stream done', { streamId: stream.id, bytes: stream.size, persists: stream.persists })
      // Readers of a finished stream are served from SQLite; memory only holds streams being written.
      this.forget(stream)
    } else if (this.opts.flushMs === 0) {
      this.persist(stream)
    } else if (!stream.flushTimer) {
      stream.flushTimer = setTimeout(() => {
        stream.flushTimer = undefined
        this.persist(stream)
      }, this.opts.flushMs)
    }
  }

  /** The stream by id or client id, from memory or SQLite; undefined when there is none. */
  find(appId: string, by: { streamId?: string; clientId?: string }): LiveStream | undefined {
    const cached = by.streamId
      ? this.live.get(key(appId, by.streamId))
      : this.byClient.get(key(appId, by.clientId!))
    if (cached) return cached
    const row = by.streamId ? this.rows.get(appId, by.streamId) : this.rows.byClientId(appId, by.clientId!)
    if (!row || (by.clientId && by.streamId && row.clientId !== by.clientId)) return undefined
    const stream = new LiveStream(appId, row.id, row.clientId, row.hashedReconnectToken, {
      content: this.rows.content(appId, row.id),
      done: row.done,
      abortReason: row.abortReason,
    })
    // A finished stream is only read once; an unfinished one is kept so its writer can resume it.
    return row.done ? stream : this.remember(stream)
  }

  /**
   * Sends the reader what the stream holds from `offset` on, then every append until done. A
   * finished stream is answered once and not registered.
   */
  subscribe(stream: LiveStream, reader: StreamReader, offset: number): void {
    const from = stream.bytesFrom(offset)
    reader.send(stream.appendFrame(reader.eventId, from.offset, from.bytes.toString('utf8')))
    if (stream.done) return
    stream.readers.set(readerKey(reader.sessionId, reader.eventId), reader)
    this.sessionStreams(reader.sessionId).add(stream)
  }

  /** Ends one subscription of the session; false when it has none with that event id. */
  unsubscribe(sessionId: string, eventId: string): boolean {
    for (const stream of this.bySession.get(sessionId) ?? []) {
      if (stream.readers.delete(readerKey(sessionId, eventId))) return true
    }
    return false
  }

  /** A session went away: its subscriptions end, and a stream it wrote waits for its writer to reconnect. */
  detach(sessionId: string): void {
    for (const stream of this.bySession.get(sessionId) ?? []) {
      for (const [k, r] of stream.readers) if (r.sessionId === sessionId) stream.readers.delete(k)
      if (stream.writerSessionId === sessionId) {
        stream.writerSessionId = undefined
        stream.writerSend = undefined
      }
    }
    this.bySession.delete(sessionId)
  }

  /** Persists every stream's pending bytes and stops the timers (server shutdown). */
  close(): void {
    clearInterval(this.sweeper)
    for (const stream of this.live.values()) {
      clearTimeout(stream.flushTimer)
      this.persist(stream)
    }
  }

  /** Removes streams done longer than doneTtlMs ago or idle longer than idleTtlMs; returns how many. */
  sweep(now = Date.now()): number {
    const expired = this.rows.expired(now - this.opts.doneTtlMs, now - this.opts.idleTtlMs)
    for (const { appId, id } of expired) {
      const stream = this.live.get(key(appId, id))
      if (stream) {
        clearTimeout(stream.flushTimer)
        for (const reader of stream.readers.values()) {
          reader.send({
            op: 'stream-append',
            'client-event-id': reader.eventId,
            'stream-id': id,
            error: 'Stream expired.',
          })
        }
        this.forget(stream)
      }
      this.rows.delete(appId, id)
    }
    if (expired.length) this.log.info('streams removed', { count: expired.length })
    return expired.length
  }

  private persist(stream: LiveStream): void {
    const pending = stream.pending()
    if (pending.bytes.length === 0 && stream.done === stream.persistedDone) return
    try {
      this.rows.persist(stream.appId, stream.id, {
        offset: pending.offset,
        bytes: pending.bytes,
        done: stream.done,
        abortReason: stream.abortReason,
        now: Date.now(),
      })
    } catch (err) {
      this.log.error('stream persist failed', { streamId: stream.id, err: String(err) })
      stream.writerSend?.({ op: 'append-failed', 'stream-id': stream.id })
      return
    }
    stream.persisted = pending.offset + pending.bytes.length
    stream.persistedDone = stream.done
    stream.persists++
    stream.writerSend?.({
      op: 'stream-flushed',
      'stream-id': stream.id,
      offset: stream.persisted,
      done: stream.done,
    })
  }

  private remember(stream: LiveStream): LiveStream {
    this.live.set(key(stream.appId, stream.id), stream)
    this.byClient.set(key(stream.appId, stream.clientId), stream)
    return stream
  }

  private forget(stream: LiveStream): void {
    this.live.delete(key(stream.appId, stream.id))
    this.byClient.delete(key(stream.appId, stream.clientId))
    for (const set of this.bySession.values()) set.delete(stream)
  }

  private sessionStreams(sessionId: string): Set<LiveStream> {
    let set = this.bySession.get(sessionId)
    if (!set) {
      set = new Set()
      this.bySession.set(sessionId, set)
    }
    return set
  }
}

function key(appId: string, id: string): string {
  return `${appId}\u0000${id}`
}

function readerKey(sessionId: string, eventId: string): string {
  return `${sessionId}\u0000${eventId}`
}
