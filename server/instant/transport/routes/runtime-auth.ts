// The browser client's auth endpoints under /runtime (authAPI.ts): guest, magic code, refresh token, sign-out.

import type { IncomingMessage, ServerResponse } from 'node:http'
import { requireApp } from '../../app/app-registry.ts'
import type { ServerContext } from '../../context.ts'
import { InstantError } from '../../errors.ts'
import { clientAddress, readJson, sendJson } from '../http-io.ts'

export async function handleRuntimeAuth(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
) {
  const body = await readJson(req, ctx.limits.maxFrameBytes)
  const caller = { client: clientAddress(req, ctx.limits.magicCodes.trustProxy) }
  switch (path) {
    case '/runtime/auth/sign_in_guest': {
      const app = requireApp(ctx.apps, body['app-id'])
      return sendJson(res, 200, { user: ctx.users.signInGuest(app, body['extra-fields']) })
    }
    case '/runtime/auth/send_magic_code': {
      const app = requireApp(ctx.apps, body['app-id'])
      ctx.users.sendMagicCode(app, body.email, caller)
      return sendJson(res, 200, { sent: true })
    }
    case '/runtime/auth/verify_magic_code': {
      const app = requireApp(ctx.apps, body['app-id'])
      const { user, created } = ctx.users.verifyMagicCode(app, {
        email: body.email,
        code: body.code,
        guestToken: body['refresh-token'],
        extraFields: body['extra-fields'],
        caller,
      })
      return sendJson(res, 200, { user, created })
    }
    case '/runtime/auth/verify_refresh_token': {
      const app = requireApp(ctx.apps, body['app-id'])
      const user = ctx.users.byToken(app, body['refresh-token'])
      if (!user)
        throw new InstantError('record-not-found', 'Record not found: app-user', {
          'record-type': 'app-user',
        })
      return sendJson(res, 200, { user: { ...user, refresh_token: body['refresh-token'] } })
    }
    case '/runtime/signout': {
      const app = requireApp(ctx.apps, body.app_id)
      ctx.users.signOut(app, body.refresh_token)
      return sendJson(res, 200, {})
    }
  }
  throw new InstantError('record-not-found', `No route ${path}`, { 'record-type': 'route' }, 404)
}
