// The admin SDK's query results: a session's query as the object tree `db.query()` resolves to,
// and for subscribe-query the same tree with its result-meta. Runs the query engine, never I/O.

import type { Json, PageInfo } from '../model/types.ts'
import { rulesOf, viewChecker } from '../perms/index.ts'
import type { Session } from '../protocol/session.ts'
import { runInstaqlTree, type TreeResult } from '../query/index.ts'

/** The object tree of q, as `/admin/query` returns it (upstream admin/routes.clj query-post). */
export function resultTree(
  session: Session,
  q: Record<string, unknown>,
  inference: boolean,
): Record<string, unknown> {
  return runTree(session, q, inference).data
}

/** The tree plus `result-meta` as subscribe-query's add-query-ok / refresh-ok carry it. */
export function resultTreeWithPageInfo(
  session: Session,
  q: Record<string, unknown>,
  inference: boolean,
): {
  data: Record<string, unknown>
  meta: { 'page-info': Record<string, PageInfo>; aggregate: Record<string, never> }
} {
  const { data, pageInfo } = runTree(session, q, inference)
  // Upstream's instaql-nodes->object-meta: page-info of paginated top-level forms, no aggregates.
  return { data, meta: { 'page-info': pageInfo, aggregate: {} } }
}

function runTree(session: Session, q: Record<string, unknown>, inference: boolean): TreeResult {
  const app = session.requireApp()
  // The same view rules as protocol/run-session-query.ts: admins see everything, others per rules.
  const params = q.$$ruleParams
  const canView = session.isAdmin
    ? undefined
    : viewChecker(rulesOf(app), app.store, session.user, isObject(params) ? params : undefined)
  return runInstaqlTree({ store: app.store, ...(canView && { canView }) }, q, { inference })
}

function isObject(x: unknown): x is Record<string, Json> {
  return typeof x === 'object' && x !== null && !Array.isArray(x)
}
