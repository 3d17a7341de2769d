// The query context of a session: its app's store, and unless it is an admin, the app's view and
// field rules for its user (with the query's $$ruleParams). Shared by sync and admin queries.

import type { Json } from '../model/types.ts'
import { queryPermissions, rulesOf } from '../perms/index.ts'
import type { QueryContext } from '../query/index.ts'
import type { Session } from './session.ts'

export function sessionQueryContext(session: Session, q: Record<string, unknown>): QueryContext {
  const app = session.requireApp()
  if (session.isAdmin) return { store: app.store }
  const params = q.$$ruleParams
  const ruleParams = isObject(params) ? params : undefined
  return { store: app.store, ...queryPermissions(rulesOf(app), app.store, session.user, ruleParams) }
}

function isObject(x: unknown): x is Record<string, Json> {
  return typeof x === 'object' && x !== null && !Array.isArray(x)
}
