// The stack's data-rights services beside the local Instant server: the account-deletion endpoint
// and the periodic retention job, both through the admin API with the local app's admin token.

import type { IncomingMessage, ServerResponse } from 'node:http'
import { adminDb } from '../assistant/admin-db.ts'
import { LOCAL_APP_ID } from '../instant/local-app.ts'
import type { InstantServer } from '../instant/server.ts'
import { createLogger } from '../instant/shared/log.ts'
import { accountRoutes } from './account-deletion.ts'
import { readRetentionConfig, startRetentionSchedule } from './retention.ts'

export type AppRoutes = (req: IncomingMessage, res: ServerResponse, pathname: string) => Promise<boolean>

/** Routes that exist once the server (its admin API) runs; until then /api answers 404. */
export function lateRoutes(): { routes: AppRoutes; set(routes: AppRoutes): void } {
  let current: AppRoutes | undefined
  return {
    routes: async (req, res, path) => (current ? current(req, res, path) : false),
    set: (routes) => {
      current = routes
    },
  }
}

export function startAccountServices(
  server: InstantServer,
  env: NodeJS.ProcessEnv = process.env,
): { routes: AppRoutes; status: string; close(): void } {
  const app = server.localApp
  if (!app) throw new Error('The local Instant server has no local app')
  // Read first: a wrong RETENTION_* stops the start with a clear message.
  const config = readRetentionConfig(env)
  const target = { appId: LOCAL_APP_ID, adminToken: app.row.adminToken, apiURI: server.url }
  const retention = startRetentionSchedule(adminDb(target), config, createLogger(undefined, 'retention'))
  return {
    routes: accountRoutes(target),
    status:
      config.schoolDays > 0
        ? `retention: chats untouched for ${config.schoolDays} days are deleted unless a teacher chose otherwise`
        : 'retention: off unless a teacher chooses it (RETENTION_DAYS)',
    close: () => retention.close(),
  }
}
