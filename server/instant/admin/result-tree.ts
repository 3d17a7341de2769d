// The admin SDK's query results: a session's query as the object tree `db.query()` resolves to,
// and for subscribe-query the same tree with its result-meta. Runs the query engine, never I/O.

import type { PageInfo } from '../model/types.ts'
import type { Session } from '../protocol/session.ts'
import { sessionQueryContext } from '../protocol/session-query-context.ts'
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
  return runInstaqlTree(sessionQueryContext(session, q), q, { inference })
}
