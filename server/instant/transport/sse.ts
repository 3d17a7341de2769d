// The SSE transports: /runtime/sse, which the React client falls back to after one failed WebSocket,
// and /admin/sse (+ /admin/sse/push), which @instantdb/admin uses for Instant Streams with its admin
// token. GET opens the event stream and sends `sse-init`; POSTs carry client frames for that session.

import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { adminSession } from '../admin/admin-actor.ts'
import { newSession, type ServerContext } from '../context.ts'
import { InstantError } from '../errors.ts'
import type { Frame } from '../protocol/frames.ts'
import type { Session } from '../protocol/session.ts'
import { openEventStream, readJson, sendJson } from './http-io.ts'

interface SseSession {
  session: Session
  token: string
}

const MACHINE_ID = randomUUID()

export class SseTransport {
  private sessions = new Map<string, SseSession>()

  constructor(private ctx: ServerContext) {}

  open(req: IncomingMessage, res: ServerResponse): void {
    let session: Session | undefined
    const write = openEventStream(req, res, () => {
      if (!session) return
      this.sessions.delete(session.id)
      session.close()
    })
    session = newSession(this.ctx, write)
    const token = randomUUID()
    this.sessions.set(session.id, { session, token })
    write({ op: 'sse-init', 'machine-id': MACHINE_ID, 'session-id': session.id, 'sse-token': token })
  }

  /**
   * /admin/sse: a session acting as the admin (or, with as-email / as-token / as-guest, as that user
   * under the rules), checked on the GET; its POSTs are tied to it by the sse-token alone, as upstream's.
   */
  openAdmin(req: IncomingMessage, res: ServerResponse, url: URL): void {
    let write: (frames: Frame | Frame[]) => void = () => {}
    const { session } = adminSession(this.ctx, req, url, (frames) => write(frames))
    write = openEventStream(req, res, () => {
      this.sessions.delete(session.id)
      session.close()
    })
    const token = randomUUID()
    this.sessions.set(session.id, { session, token })
    write({ op: 'sse-init', 'machine-id': MACHINE_ID, 'session-id': session.id, 'sse-token': token })
  }

  async post(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJson(req, this.ctx.limits.maxFrameBytes)
    const entry = typeof body.session_id === 'string' ? this.sessions.get(body.session_id) : undefined
    if (!entry || entry.token !== body.sse_token) {
      throw new InstantError('session-missing', 'Unknown SSE session; open /runtime/sse again', {}, 400)
    }
    const messages = body.messages
    if (!Array.isArray(messages))
      throw new InstantError('param-malformed', 'messages must be an array', { input: ['messages'] })
    for (const m of messages) entry.session.receive(JSON.stringify(m))
    sendJson(res, 200, {})
  }

  closeAll(): void {
    for (const { session } of this.sessions.values()) session.close()
    this.sessions.clear()
  }
}
