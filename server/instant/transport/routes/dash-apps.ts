// /dash/apps/<app id>/…: what instant-cli's `push perms` / `pull` call (perms/pull, rules) and the
// local server's whole-schema push (schema). Authorised by the app's admin token as the bearer token,
// where Instant's cloud takes a personal access token.

import type { IncomingMessage, ServerResponse } from 'node:http'
import { pushRules, pushSchema } from '../../admin/push.ts'
import { requireApp } from '../../app/app-registry.ts'
import type { ServerContext } from '../../context.ts'
import { InstantError } from '../../errors.ts'
import { readJson, sendJson } from '../http-io.ts'

const ROUTE = /^\/dash\/apps\/([^/]+)\/(rules|perms\/pull|schema)$/

export function isDashAppRoute(path: string): boolean {
  return ROUTE.test(path)
}

export async function handleDashApp(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
) {
  const [, appId, action] = ROUTE.exec(path)!
  const app = requireApp(ctx.apps, decodeURIComponent(appId!))
  const auth = req.headers.authorization
  const token = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined
  if (!token)
    throw new InstantError(
      'unauthorized',
      'Missing token: send "authorization: Bearer <admin token>"',
      {},
      401,
    )
  if (token !== app.row.adminToken)
    throw new InstantError('permission-denied', 'The token is not valid for this app', {}, 403)

  if (action === 'perms/pull' && req.method === 'GET')
    return sendJson(res, 200, { perms: app.row.rules ?? null })
  if (action === 'rules' && req.method === 'POST') {
    const body = await readJson(req, ctx.limits.maxFrameBytes)
    pushRules(ctx, app, body.code ?? null)
    return sendJson(res, 200, { rules: { code: app.row.rules } })
  }
  if (action === 'schema' && req.method === 'POST') {
    const body = await readJson(req, ctx.limits.maxFrameBytes)
    return sendJson(res, 200, pushSchema(ctx, app, body.schema))
  }
  throw new InstantError(
    'record-not-found',
    `No route ${req.method} ${path}`,
    { 'record-type': 'route' },
    404,
  )
}
