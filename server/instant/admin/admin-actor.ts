// Who an admin request acts as: the admin (token, no impersonation: rules bypassed) or, with the
// as-email / as-token / as-guest headers, a user or guest with the app's rules applied.

import type { IncomingMessage } from 'node:http'
import type { AppDb } from '../app/app-db.ts'
import { newSession, requireApp, type ServerContext } from '../context.ts'
import { InstantError } from '../errors.ts'
import type { Frame } from '../protocol/frames.ts'
import type { Session } from '../protocol/session.ts'

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name]
  return Array.isArray(v) ? v[0] : v
}

function bearer(req: IncomingMessage): string | undefined {
  const auth = header(req, 'authorization')
  return auth?.startsWith('Bearer ') ? auth.slice(7).trim() || undefined : undefined
}

/** A protocol session bound to the app and actor of an admin request; replies go to `frames`. */
export function adminSession(
  ctx: ServerContext,
  req: IncomingMessage,
  url: URL,
): { session: Session; frames: Frame[]; app: AppDb } {
  const app = requireApp(ctx, header(req, 'app-id') ?? url.searchParams.get('app_id'))
  const token = bearer(req)
  const asEmail = header(req, 'as-email')
  const asToken = header(req, 'as-token')
  const asGuest = header(req, 'as-guest') === 'true'
  const hasValidAdminToken = token !== undefined && token === app.row.adminToken
  if (token !== undefined && !hasValidAdminToken) {
    throw new InstantError('permission-denied', 'The admin token is not valid for this app', {}, 403)
  }
  const frames: Frame[] = []
  const session = newSession(ctx, (f) => frames.push(...(Array.isArray(f) ? f : [f])))
  session.app = app
  if (asToken !== undefined) {
    const user = ctx.users.byToken(app, asToken)
    if (!user)
      throw new InstantError('record-not-found', 'Record not found: app-user', { 'record-type': 'app-user' })
    session.user = user
  } else if (asEmail !== undefined) {
    if (!hasValidAdminToken) throw new InstantError('unauthorized', 'as-email needs the admin token', {}, 401)
    const user = ctx.users.byEmail(app, asEmail)
    if (!user)
      throw new InstantError('record-not-found', `No user with email ${asEmail}`, {
        'record-type': 'app-user',
      })
    session.user = user
  } else if (asGuest) {
    session.user = null
  } else if (hasValidAdminToken) {
    session.isAdmin = true
  } else {
    throw new InstantError(
      'unauthorized',
      'Missing admin token: send "authorization: Bearer <admin token>"',
      {},
      401,
    )
  }
  return { session, frames, app }
}
