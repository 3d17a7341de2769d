// Who an admin request acts as: the admin (token, no impersonation: rules bypassed) or, with the
// as-email / as-token / as-guest headers, a user or guest with the app's rules applied.

import type { IncomingMessage } from 'node:http'
import type { AppDb } from '../app/app-db.ts'
import { requireApp } from '../app/app-registry.ts'
import { newSession, type ServerContext } from '../context.ts'
import { InstantError } from '../errors.ts'
import type { Frame } from '../protocol/frames.ts'
import type { Session } from '../protocol/session.ts'

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name]
  return Array.isArray(v) ? v[0] : v
}

const missingToken = () =>
  new InstantError('unauthorized', 'Missing admin token: send "authorization: Bearer <admin token>"', {}, 401)

/** The request's app and whether it carries that app's admin token; a wrong token is a 403. */
function appAndToken(ctx: ServerContext, req: IncomingMessage, url: URL): { app: AppDb; isAdmin: boolean } {
  const app = requireApp(ctx.apps, header(req, 'app-id') ?? url.searchParams.get('app_id'))
  const auth = header(req, 'authorization')
  const token = auth?.startsWith('Bearer ') ? auth.slice(7).trim() || undefined : undefined
  if (token !== undefined && token !== app.row.adminToken) {
    throw new InstantError('permission-denied', 'The admin token is not valid for this app', {}, 403)
  }
  return { app, isAdmin: token !== undefined }
}

/** The app whose admin token the request carries; 401 without a token, 403 with a wrong one. */
export function adminApp(ctx: ServerContext, req: IncomingMessage, url: URL): AppDb {
  const { app, isAdmin } = appAndToken(ctx, req, url)
  if (!isAdmin) throw missingToken()
  return app
}

/**
 * A protocol session bound to the app and actor of an admin request. Its replies go to `send`, or,
 * without one, are collected in `frames` for a request/response route.
 */
export function adminSession(
  ctx: ServerContext,
  req: IncomingMessage,
  url: URL,
  send?: (frames: Frame | Frame[]) => void,
): { session: Session; frames: Frame[]; app: AppDb } {
  const { app, isAdmin } = appAndToken(ctx, req, url)
  const asEmail = header(req, 'as-email')
  const asToken = header(req, 'as-token')
  const frames: Frame[] = []
  const session = newSession(ctx, send ?? ((f) => frames.push(...(Array.isArray(f) ? f : [f]))))
  session.app = app
  if (asToken !== undefined) {
    const user = ctx.users.byToken(app, asToken)
    if (!user)
      throw new InstantError('record-not-found', 'Record not found: app-user', { 'record-type': 'app-user' })
    session.user = user
  } else if (asEmail !== undefined) {
    if (!isAdmin) throw new InstantError('unauthorized', 'as-email needs the admin token', {}, 401)
    const user = ctx.users.byEmail(app, asEmail)
    if (!user)
      throw new InstantError('record-not-found', `No user with email ${asEmail}`, {
        'record-type': 'app-user',
      })
    session.user = user
  } else if (header(req, 'as-guest') === 'true') {
    session.user = null
  } else if (isAdmin) {
    session.isAdmin = true
  } else {
    throw missingToken()
  }
  return { session, frames, app }
}
