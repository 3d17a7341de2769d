// Routes every HTTP request: CORS preflight, health, auth, dash, admin, SSE, dev mailbox, then the
// static app. Errors from any route are converted once, in sendError.

import type { IncomingMessage, ServerResponse } from 'node:http'
import { adminApp } from '../admin/admin-actor.ts'
import type { ServerContext } from '../context.ts'
import { InstantError } from '../errors.ts'
import { CORS_HEADERS, sendError, sendJson } from './http-io.ts'
import { handleAdminAuth } from './routes/admin-auth.ts'
import { handleAdminQuery, handleAdminSubscribe, handleAdminTransact } from './routes/admin-data.ts'
import { handleEphemeralApp } from './routes/dash.ts'
import { handleDashApp, isDashAppRoute } from './routes/dash-apps.ts'
import { handleRuntimeAuth } from './routes/runtime-auth.ts'
import type { SseTransport } from './sse.ts'

export interface RouterOptions {
  ctx: ServerContext
  sse: SseTransport
  serveStatic?: (req: IncomingMessage, res: ServerResponse, pathname: string) => boolean
  isReady: () => boolean
  /** More for /health (the stack adds the assistant's state); never secrets. */
  health?: () => Promise<Record<string, unknown>>
  /** The stack's own endpoints under /api (server/stack); answers true when it handled the request. */
  appRoutes?: (req: IncomingMessage, res: ServerResponse, pathname: string) => Promise<boolean>
}

const ADMIN_AUTH_ROUTES = new Set([
  '/admin/magic_code',
  '/admin/send_magic_code',
  '/admin/verify_magic_code',
  '/admin/refresh_tokens',
  '/admin/sign_out',
  '/admin/users',
])

export function createRouter({ ctx, sse, serveStatic, isReady, health, appRoutes }: RouterOptions) {
  return async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://local')
    const path = url.pathname
    try {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, CORS_HEADERS).end()
        return
      }
      if (path === '/health') {
        const more = isReady() && health ? await health() : {}
        return sendJson(res, isReady() ? 200 : 503, { ok: isReady(), service: 'instant-local', ...more })
      }
      if (path === '/runtime/sse') {
        if (req.method === 'GET') return sse.open(req, res)
        if (req.method === 'POST') return await sse.post(req, res)
      }
      // @instantdb/admin opens its event stream with a POST (a JSON body of versions we do not need).
      if (path === '/admin/sse' && (req.method === 'GET' || req.method === 'POST'))
        return sse.openAdmin(req, res, url)
      if (path === '/admin/sse/push' && req.method === 'POST') return await sse.post(req, res)
      if (req.method === 'POST' && (path.startsWith('/runtime/auth/') || path === '/runtime/signout')) {
        return await handleRuntimeAuth(ctx, req, res, path)
      }
      if (req.method === 'POST' && path === '/dash/apps/ephemeral')
        return await handleEphemeralApp(ctx, req, res)
      if (isDashAppRoute(path)) return await handleDashApp(ctx, req, res, path)
      if (ADMIN_AUTH_ROUTES.has(path)) return await handleAdminAuth(ctx, req, res, url)
      if (req.method === 'POST' && path === '/admin/query') return await handleAdminQuery(ctx, req, res, url)
      if (req.method === 'POST' && path === '/admin/transact')
        return await handleAdminTransact(ctx, req, res, url)
      if (req.method === 'POST' && path === '/admin/subscribe-query')
        return await handleAdminSubscribe(ctx, req, res, url)
      if (path === '/dev/mailbox' && req.method === 'GET') return devMailbox(ctx, req, res, url)
      if (path.startsWith('/api/') && (await appRoutes?.(req, res, path))) return
      if (path.startsWith('/runtime/') || path.startsWith('/admin/') || path.startsWith('/dash/')) {
        throw new InstantError(
          'record-not-found',
          `No route ${req.method} ${path}`,
          { 'record-type': 'route' },
          404,
        )
      }
      if (serveStatic?.(req, res, path)) return
      sendJson(res, 404, { message: `Not found: ${path}` })
    } catch (err) {
      sendError(res, err, ctx.log)
    }
  }
}

/**
 * Local magic codes, so sign-in works without an email service. Admin token, or a loopback-only server
 * asked directly: a request a reverse proxy forwarded (X-Forwarded-For, Forwarded) may come from
 * anywhere, so it needs the token unless INSTANT_LOCAL_DEV_MAILBOX=1 opens the mailbox on purpose.
 */
function devMailbox(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, url: URL): void {
  const appId = url.searchParams.get('app_id')
  const proxied = req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined
  const open = ctx.mailboxEnabled && (!proxied || process.env.INSTANT_LOCAL_DEV_MAILBOX === '1')
  if (!open) adminApp(ctx, req, url)
  if (!appId) throw new InstantError('param-missing', 'app_id is required', { input: ['app_id'] })
  sendJson(res, 200, { codes: ctx.mailbox.list(appId, url.searchParams.get('email') ?? undefined) })
}
