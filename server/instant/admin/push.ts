// Schema and rules pushed to a running app (`npm run instant:push`, instant-cli's `push perms`): new
// rules are compiled before anything changes, so a rule that does not compile is refused and the old
// rules stay; schema attrs are added or updated in place, never removed, so no data is lost. Live
// sessions re-run their queries under the new rules at once.

import type { AppDb } from '../app/app-db.ts'
import type { ServerContext } from '../context.ts'
import { InstantError } from '../errors.ts'
import type { SchemaJson } from '../model/schema-attrs.ts'
import { installRules, precompileRules } from '../perms/index.ts'

export function pushRules(ctx: ServerContext, app: AppDb, code: unknown): void {
  if (code !== null && (typeof code !== 'object' || Array.isArray(code))) {
    throw new InstantError('param-malformed', 'code must be the rules object of instant.perms.ts', {
      input: ['code'],
    })
  }
  const compiled = precompileRules(code)
  ctx.apps.putRules(app, code)
  installRules(app, compiled)
  ctx.refresher.reconfigured(app)
  ctx.log.info('rules pushed', { appId: app.id, namespaces: Object.keys(code ?? {}).length })
}

/** Adds the schema's new attrs and updates changed ones (same ids); returns how many attrs it now declares. */
export function pushSchema(
  ctx: ServerContext,
  app: AppDb,
  schema: unknown,
): { attrs: number; added: number } {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema) || !('entities' in schema)) {
    throw new InstantError(
      'param-malformed',
      'schema must be the JSON of instant.schema.ts (with entities)',
      {
        input: ['schema'],
      },
    )
  }
  const before = new Set(app.store.attrs.all().map((a) => a.id))
  ctx.apps.ensure({ ...app.row }, schema as SchemaJson)
  const after = [...app.store.attrs.all()]
  const added = after.filter((a) => !before.has(a.id)).length
  ctx.refresher.reconfigured(app)
  ctx.log.info('schema pushed', { appId: app.id, attrs: after.length, added })
  return { attrs: after.length, added }
}
