// Everything a transport needs to serve requests: the apps, users, rooms, refresher and limits,
// and a factory for protocol sessions. Built once by server.ts.

import type { AppRegistry } from './app/app-registry.ts'
import type { Users } from './auth/users.ts'
import type { Frame } from './protocol/frames.ts'
import type { Rooms } from './protocol/rooms.ts'
import { Session } from './protocol/session.ts'
import type { Refresher } from './reactive/refresher.ts'
import type { Limits } from './shared/limits.ts'
import type { Logger } from './shared/log.ts'
import type { StreamHub } from './streams/stream-hub.ts'

export interface Mailbox {
  /** The newest codes first, for the local dev mailbox. */
  list(appId: string, email?: string): { email: string; code: string; at: string }[]
}

export interface ServerContext {
  apps: AppRegistry
  users: Users
  rooms: Rooms
  /** Instant Streams (start/append/subscribe), shared by every session. */
  streams: StreamHub
  refresher: Refresher
  limits: Limits
  log: Logger
  mailbox: Mailbox
  /** Whether the dev mailbox endpoint answers (loopback binds or INSTANT_LOCAL_DEV_MAILBOX=1). */
  mailboxEnabled: boolean
}

export function newSession(ctx: ServerContext, send: (frames: Frame | Frame[]) => void): Session {
  return new Session(
    {
      apps: ctx.apps,
      users: ctx.users,
      rooms: ctx.rooms,
      streams: ctx.streams,
      log: ctx.log,
      limits: ctx.limits,
      onAttach: (s) => ctx.refresher.attach(s),
      onDetach: (s) => ctx.refresher.detach(s),
    },
    send,
  )
}
