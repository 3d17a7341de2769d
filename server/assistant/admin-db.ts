// The admin client the worker writes with: the project's schema, rules bypassed (assistant messages
// may only come from here: instant.perms.ts lets clients create user messages only).

import { type InstantAdminDatabase, init } from '@instantdb/admin'
import schema, { type AppSchema } from '../../instant.schema.ts'

export type AdminDb = InstantAdminDatabase<AppSchema>

export interface InstantTarget {
  appId: string
  adminToken: string
  apiURI: string
}

export function adminDb(target: InstantTarget): AdminDb {
  return init({ appId: target.appId, adminToken: target.adminToken, apiURI: target.apiURI, schema })
}
