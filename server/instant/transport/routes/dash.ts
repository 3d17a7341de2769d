// /dash/apps/ephemeral: creates a throwaway app from a schema and rules, as Instant's own e2e tests do.

import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ServerContext } from '../../context.ts'
import { InstantError } from '../../errors.ts'
import type { SchemaJson } from '../../model/schema-attrs.ts'
import { validateRules } from '../../perms/index.ts'
import { readJson, sendJson } from '../http-io.ts'

export async function handleEphemeralApp(ctx: ServerContext, req: IncomingMessage, res: ServerResponse) {
  const body = await readJson(req, ctx.limits.maxFrameBytes)
  const title = typeof body.title === 'string' && body.title.trim() ? body.title.trim() : 'ephemeral'
  const schema = body.schema ?? null
  if (schema !== null && (typeof schema !== 'object' || Array.isArray(schema))) {
    throw new InstantError('param-malformed', 'schema must be an object', { input: ['schema'] })
  }
  const rulesCode = (body.rules as { code?: unknown } | undefined)?.code ?? null
  try {
    validateRules(rulesCode)
  } catch (err) {
    throw new InstantError('validation-failed', `Invalid permission rules: ${(err as Error).message}`, {
      input: ['rules', 'code'],
    })
  }
  const app = ctx.apps.createEphemeral(title, schema as SchemaJson | null, rulesCode)
  sendJson(res, 200, {
    app: {
      id: app.id,
      title: app.row.title,
      'admin-token': app.row.adminToken,
      created_at: new Date(app.row.createdAt).toISOString(),
      rules: rulesCode,
    },
    expires_ms: 14 * 24 * 60 * 60 * 1000,
  })
}
