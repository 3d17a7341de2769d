// One client connection's conversation with the server, whatever the transport: frames in,
// frames out. Routes each op to ops/<op>.ts; holds the session's app, user and subscriptions.

import { randomUUID } from 'node:crypto'
import type { AppDb } from '../app/app-db.ts'
import type { AppRegistry } from '../app/app-registry.ts'
import type { User, Users } from '../auth/users.ts'
import { InstantError } from '../errors.ts'
import type { Limits } from '../shared/limits.ts'
import type { Logger } from '../shared/log.ts'
import type { StreamHub } from '../streams/stream-hub.ts'
import { errorFrame, type Frame } from './frames.ts'
import { handleAddQuery, handleRemoveQuery } from './ops/add-query.ts'
import { handleInit } from './ops/init.ts'
import { handleBroadcast, handleJoinRoom, handleLeaveRoom, handleSetPresence } from './ops/rooms.ts'
import {
  handleAppendStream,
  handleStartStream,
  handleSubscribeStream,
  handleUnsubscribeStream,
} from './ops/streams.ts'
import { handleTransact } from './ops/transact.ts'
import type { Rooms } from './rooms.ts'

export interface Subscription {
  q: Record<string, unknown>
  etypes: Set<string>
  /** Digest of the last result sent, so a refresh only carries queries whose result changed. */
  digest: string
}

export interface SessionDeps {
  apps: AppRegistry
  users: Users
  rooms: Rooms
  streams: StreamHub
  log: Logger
  limits: Limits
  /** Called when a session authenticates or ends, so the refresher knows whom to refresh. */
  onAttach: (session: Session) => void
  onDetach: (session: Session) => void
}

type Handler = (session: Session, frame: Frame) => void

const HANDLERS: Record<string, Handler> = {
  init: handleInit,
  'add-query': handleAddQuery,
  'remove-query': handleRemoveQuery,
  transact: handleTransact,
  'join-room': handleJoinRoom,
  'leave-room': handleLeaveRoom,
  'set-presence': handleSetPresence,
  'client-broadcast': handleBroadcast,
  'start-stream': handleStartStream,
  'append-stream': handleAppendStream,
  'subscribe-stream': handleSubscribeStream,
  'unsubscribe-stream': handleUnsubscribeStream,
}

export class Session {
  readonly id = randomUUID()
  app: AppDb | undefined
  user: User | null = null
  isAdmin = false
  readonly subs = new Map<string, Subscription>()
  private closed = false

  constructor(
    readonly deps: SessionDeps,
    private sendRaw: (frames: Frame | Frame[]) => void,
  ) {}

  send(frames: Frame | Frame[]): void {
    if (!this.closed) this.sendRaw(frames)
  }

  /** Handles one raw text frame. Never throws: every failure becomes an error frame. */
  receive(raw: string): void {
    const traceId = randomUUID()
    let frame: Frame = {}
    try {
      if (raw.length > this.deps.limits.maxFrameBytes) {
        throw new InstantError(
          'oversized',
          `Frame of ${raw.length} bytes exceeds the limit of ${this.deps.limits.maxFrameBytes}`,
        )
      }
      let parsed: unknown
      try {
        parsed = JSON.parse(raw)
      } catch {
        throw new InstantError('param-malformed', 'A frame must be valid JSON')
      }
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new InstantError('param-malformed', 'A frame must be a JSON object')
      }
      frame = parsed as Frame
      this.dispatch(frame)
    } catch (err) {
      this.fail(err, frame, traceId)
    }
  }

  dispatch(frame: Frame): void {
    const op = frame.op
    const handler = typeof op === 'string' ? HANDLERS[op] : undefined
    if (!handler)
      throw new InstantError('param-malformed', `Unknown op: ${JSON.stringify(op)}`, { input: ['op'] })
    if (op !== 'init' && !this.app) {
      throw new InstantError('session-missing', 'Send init before any other op', { input: ['op'] })
    }
    handler(this, frame)
  }

  fail(err: unknown, original: Frame, traceId: string = randomUUID()): void {
    if (!(err instanceof InstantError))
      this.deps.log.error('session error', { traceId, err: String(err), stack: (err as Error)?.stack })
    this.send(errorFrame(err, original, traceId))
  }

  requireApp(): AppDb {
    if (!this.app) throw new InstantError('session-missing', 'Send init before any other op')
    return this.app
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.deps.rooms.leaveAll(this)
    this.deps.streams.detach(this.id)
    this.deps.onDetach(this)
    this.subs.clear()
  }
}
