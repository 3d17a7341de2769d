// Runs a query as a session's user and shapes the result as the wire carries it: one node with one
// join-row holding every triple, plus page-info (see reactive/query.clj upstream).

import { runInstaql } from '../query/index.ts'
import type { Session } from './session.ts'
import { sessionQueryContext } from './session-query-context.ts'

export type WireResult = [{ data: Record<string, unknown>; 'child-nodes': [] }]

export function runSessionQuery(session: Session, q: Record<string, unknown>): WireResult {
  const { triples, pageInfo } = runInstaql(sessionQueryContext(session, q), q)
  const data: Record<string, unknown> = { 'datalog-result': { 'join-rows': [sortTriples(triples)] } }
  if (Object.keys(pageInfo).length) data['page-info'] = pageInfo
  return [{ data, 'child-nodes': [] }]
}

// A stable order makes identical results byte-identical, so refreshes can compare digests.
function sortTriples<T extends [string, string, unknown, number]>(triples: T[]): T[] {
  const keyed = triples.map((t) => ({ t, k: `${t[0]}\u0000${t[1]}\u0000${JSON.stringify(t[2])}` }))
  keyed.sort((x, y) => (x.k < y.k ? -1 : x.k > y.k ? 1 : 0))
  return keyed.map((x) => x.t)
}
