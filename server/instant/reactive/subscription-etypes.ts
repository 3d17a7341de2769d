// The etypes whose changes can alter a subscription's result: what the query reads plus what the
// view rules of those etypes read through ref paths.

import type { AppDb } from '../app/app-db.ts'
import { ruleEtypes } from '../perms/index.ts'
import { queryEtypes } from '../query/index.ts'

export function subscriptionEtypes(app: AppDb, q: Record<string, unknown>): Set<string> {
  const etypes = queryEtypes(q, app.store.attrs)
  for (const etype of [...etypes])
    for (const dep of ruleEtypes(app.row.rules, app.store.attrs, etype)) etypes.add(dep)
  return etypes
}
