// Admin-token checks and the admin SDK's auth endpoints (/admin/magic_code, refresh_tokens, users…).

import type { IncomingMessage, ServerResponse } from 'node:http'
import { adminApp } from '../../admin/admin-actor.ts'
import type { AppDb } from '../../app/app-db.ts'
import type { User } from '../../auth/users.ts'
import type { ServerContext } from '../../context.ts'
import { InstantError } from '../../errors.ts'
import { isUuid } from '../../tx/values.ts'
import { readJson, sendJson } from '../http-io.ts'

function findUser(ctx: ServerContext, app: AppDb, q: Record<string, unknown>): User | undefined {
  if (typeof q.email === 'string') return ctx.users.byEmail(app, q.email)
  if (isUuid(q.id)) return ctx.users.byId(app, q.id)
  if (q.refresh_token !== undefined) return ctx.users.byToken(app, q.refresh_token)
  throw new InstantError('param-missing', 'Pass one of email, id or refresh_token')
}

export async function handleAdminAuth(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
) {
  const app = adminApp(ctx, req, url)
  const path = url.pathname
  if (path === '/admin/users') {
    const q = Object.fromEntries(url.searchParams)
    const user = findUser(ctx, app, q)
    if (req.method === 'DELETE') {
      if (user) ctx.users.deleteUser(app, user.id)
      return sendJson(res, 200, { deleted: user ?? null })
    }
    return sendJson(res, 200, { user: user ?? null })
  }
  const body = await readJson(req, ctx.limits.maxFrameBytes)
  switch (path) {
    case '/admin/magic_code':
    case '/admin/send_magic_code': {
      const { code } = ctx.users.sendMagicCode(app, body.email, 'admin')
      return sendJson(res, 200, { code })
    }
    case '/admin/verify_magic_code': {
      const { user, created } = ctx.users.verifyMagicCode(app, {
        email: body.email,
        code: body.code,
        extraFields: body['extra-fields'],
        skipPermCheck: true,
        caller: 'admin',
      })
      return sendJson(res, 200, { user, created })
    }
    case '/admin/refresh_tokens': {
      // Matches Instant: createToken for an unknown email creates that user.
      const user =
        typeof body.email === 'string' ? ctx.users.ensureByEmail(app, body.email) : findUser(ctx, app, body)
      if (!user) throw new InstantError('record-not-found', 'User not found', { 'record-type': 'app-user' })
      return sendJson(res, 200, { user: { ...user, refresh_token: ctx.users.issueToken(app, user.id) } })
    }
    case '/admin/sign_out': {
      const user = findUser(ctx, app, body)
      if (user) ctx.users.signOutEverywhere(app, user.id)
      return sendJson(res, 200, {})
    }
  }
  throw new InstantError('record-not-found', `No admin route ${path}`, { 'record-type': 'route' }, 404)
}
