// A reply's live channel: every model delta goes into an Instant stream at once, so the teacher sees
// tokens without one durable write each. Never in the way of the reply: a stream that does not open,
// or fails, only tells the writer (reply-writer.ts) to go back to frequent durable writes.

import type { AdminDb } from './admin-db.ts'

/** How long a reply waits for its stream before the claim (the reader subscribes once the reply exists). */
export const OPEN_WAIT_MS = 1_000
/** A stream not open after this long counts as refused: the server has no streams (or is struggling). */
const REFUSED_AFTER_MS = 10_000
/** After a refusal, replies go without streams for this long, doubling up to a day. */
const PAUSE_MS = 10 * 60_000
const MAX_PAUSE_MS = 24 * 60 * 60_000

/** Shared by one worker's replies: whether its Instant server seems to take streams. */
export interface LiveReplyState {
  pausedUntil: number
  pauseMs: number
}

export function liveReplyState(): LiveReplyState {
  return { pausedUntil: 0, pauseMs: PAUSE_MS }
}

export interface LiveReply {
  /** True while deltas reach readers: the server accepted the stream and it has not failed. */
  readonly isOpen: boolean
  /** Resolves true once open, false when it failed or is not open after `waitMs`. */
  opened(waitMs: number): Promise<boolean>
  /** Called once if the stream fails after it opened (the writer then writes durably more often). */
  onFailed: (() => void) | undefined
  write(delta: string): void
  /** The reply is complete: readers get the end. Idempotent, like `abort`. */
  close(): void
  /** The reply ended otherwise (stopped, failed, handed back, deleted): readers get the end and why. */
  abort(reason: string): void
}

/**
 * Opens the stream `clientId`, or returns undefined while this worker's server is judged to refuse
 * streams (`state`). A stream that fails to open pauses streams for the worker's later replies:
 * the pinned admin client keeps retrying a start the server never answers, so each attempt costs.
 */
export function openLiveReply(db: AdminDb, clientId: string, state: LiveReplyState): LiveReply | undefined {
  if (Date.now() < state.pausedUntil) return undefined
  let stream: ReturnType<AdminDb['streams']['createWriteStream']>
  let writer: WritableStreamDefaultWriter<string>
  try {
    stream = db.streams.createWriteStream({ clientId })
    writer = stream.getWriter()
  } catch {
    // Whatever the client library cannot do, the reply is written durably as before.
    return undefined
  }
  let phase: 'opening' | 'open' | 'failed' | 'ended' = 'opening'
  const waiters = new Set<(ok: boolean) => void>()
  const settle = (ok: boolean) => {
    for (const w of waiters) w(ok)
    waiters.clear()
  }
  const live: LiveReply = {
    get isOpen() {
      return phase === 'open'
    },
    opened(waitMs) {
      if (phase !== 'opening') return Promise.resolve(phase === 'open')
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiters.delete(done)
          resolve(false)
        }, waitMs)
        timer.unref?.()
        const done = (ok: boolean) => {
          clearTimeout(timer)
          resolve(ok)
        }
        waiters.add(done)
      })
    },
    onFailed: undefined,
    write(delta) {
      if (phase === 'failed' || phase === 'ended' || !delta) return
      // Queued by the WritableStream until the stream has opened: readers always get the whole text.
      writer.write(delta).catch(fail)
    },
    close() {
      if (phase === 'ended') return
      phase = 'ended'
      settle(false)
      writer.close().catch(() => {})
    },
    abort(reason) {
      if (phase === 'ended') return
      phase = 'ended'
      settle(false)
      writer.abort(reason).catch(() => {})
    },
  }
  function fail(): void {
    if (phase === 'failed' || phase === 'ended') return
    const wasOpen = phase === 'open'
    phase = 'failed'
    settle(false)
    if (wasOpen) live.onFailed?.()
    else refused()
  }
  let everOpened = false
  let refusal: NodeJS.Timeout | undefined
  function refused(): void {
    clearTimeout(refusal)
    state.pausedUntil = Date.now() + state.pauseMs
    state.pauseMs = Math.min(MAX_PAUSE_MS, state.pauseMs * 2)
  }
  refusal = setTimeout(() => {
    if (phase === 'opening' || (phase === 'ended' && !everOpened)) refused()
  }, REFUSED_AFTER_MS)
  refusal.unref?.()
  stream.streamId().then(
    () => {
      everOpened = true
      clearTimeout(refusal)
      state.pauseMs = PAUSE_MS
      if (phase !== 'opening') return
      phase = 'open'
      settle(true)
    },
    () => fail(),
  )
  writer.closed.catch(() => fail())
  return live
}
