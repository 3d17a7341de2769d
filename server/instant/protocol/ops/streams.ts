// Instant Streams ops: start-stream, append-stream (writers), subscribe-stream, unsubscribe-stream
// (readers). State lives in streams/stream-hub.ts; `$streams` rules apply unless the session is admin.

import { InstantError, validationFailed } from '../../errors.ts'
import type { Json } from '../../model/types.ts'
import { assertStreamPermission, rulesOf } from '../../perms/index.ts'
import type { StreamPeer } from '../../streams/stream-hub.ts'
import type { Frame } from '../frames.ts'
import type { Session } from '../session.ts'

function nonBlank(frame: Frame, name: string): string | undefined {
  const v = frame[name]
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'string' || !v.trim())
    throw new InstantError('param-malformed', `${name} must be a non-blank string`, { input: [name] })
  return v
}

function required(frame: Frame, name: string): string {
  const v = nonBlank(frame, name)
  if (v === undefined) throw new InstantError('param-missing', `${name} is required`, { input: [name] })
  return v
}

function ruleParams(frame: Frame): Record<string, Json> | undefined {
  const v = frame['rule-params']
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, Json>) : undefined
}

function offsetOf(v: unknown, name: string): number | undefined {
  if (v === undefined || v === null) return undefined
  if (!Number.isSafeInteger(v) || (v as number) < 0)
    throw new InstantError('param-malformed', `${name} must be an integer ≥ 0`, { input: [name] })
  return v as number
}

function peer(session: Session): StreamPeer {
  return { id: session.id, send: (frame) => session.send(frame) }
}

export function handleStartStream(session: Session, frame: Frame): void {
  const app = session.requireApp()
  const clientId = required(frame, 'client-id')
  const reconnectToken = required(frame, 'reconnect-token')
  if (!session.isAdmin) {
    assertStreamPermission(rulesOf(app), app.store, {
      action: 'create',
      data: { clientId },
      auth: session.user,
      ruleParams: ruleParams(frame),
    })
  }
  const { id, offset } = session.deps.streams.start(app.id, peer(session), clientId, reconnectToken)
  session.send({
    op: 'start-stream-ok',
    'client-event-id': frame['client-event-id'],
    'client-id': clientId,
    'stream-id': id,
    offset,
  })
}

export function handleAppendStream(session: Session, frame: Frame): void {
  const app = session.requireApp()
  const chunks = frame.chunks
  if (!Array.isArray(chunks) || !chunks.every((c) => typeof c === 'string'))
    throw new InstantError('param-malformed', 'chunks must be an array of strings', { input: ['chunks'] })
  const offset = offsetOf(frame.offset, 'offset')
  if (offset === undefined)
    throw new InstantError('param-missing', 'offset is required', { input: ['offset'] })
  const reason = frame['abort-reason']
  session.deps.streams.append(app.id, peer(session), {
    streamId: required(frame, 'stream-id'),
    chunks: chunks as string[],
    offset,
    done: frame.done === true,
    abortReason: reason == null ? null : typeof reason === 'string' ? reason : JSON.stringify(reason),
  })
}

export function handleSubscribeStream(session: Session, frame: Frame): void {
  const app = session.requireApp()
  const streamId = nonBlank(frame, 'stream-id')
  const clientId = nonBlank(frame, 'client-id')
  if (!streamId && !clientId) throw validationFailed('Must provide either a stream-id or a client-id')
  const offset = offsetOf(frame.offset, 'offset') ?? 0
  const stream = session.deps.streams.find(app.id, { streamId, clientId })
  if (!stream) throw validationFailed('Stream is missing.')
  if (!session.isAdmin) {
    const data: Record<string, Json> = {
      id: stream.id,
      clientId: stream.clientId,
      done: stream.done,
      size: stream.size,
      abortReason: stream.abortReason,
    }
    assertStreamPermission(rulesOf(app), app.store, {
      action: 'view',
      data,
      auth: session.user,
      ruleParams: ruleParams(frame),
    })
  }
  const eventId = frame['client-event-id']
  if (typeof eventId !== 'string' || !eventId)
    throw new InstantError('param-missing', 'client-event-id is required', { input: ['client-event-id'] })
  session.deps.streams.subscribe(
    stream,
    { sessionId: session.id, eventId, send: (f) => session.send(f) },
    offset,
  )
}

export function handleUnsubscribeStream(session: Session, frame: Frame): void {
  session.requireApp()
  const eventId = required(frame, 'subscribe-event-id')
  if (!session.deps.streams.unsubscribe(session.id, eventId))
    throw validationFailed('Stream subscription is missing.')
}
