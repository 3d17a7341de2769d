// Signed-in users of the project's local app, for tests that act as teachers: a refresh token from
// the admin API, then the unmodified core client signed in with it.

import type { InstantCoreDatabase } from '@instantdb/core'
import schema, { type AppSchema } from '../../../instant.schema.ts'
import { LOCAL_APP_ID } from '../local-app.ts'
import type { TestServer } from './harness.ts'
import { nodeClient } from './node-client.ts'

export type ProjectDb = InstantCoreDatabase<AppSchema, false>

export function projectAdminToken(server: TestServer): string {
  const app = server.server.localApp
  if (!app) throw new Error('start the test server with { projectApp: true }')
  return app.row.adminToken
}

/** Where the project's app is served, and its admin token (a test server, or a server process). */
export interface ProjectServer {
  url: string
  adminToken: string
}

export function projectServer(server: TestServer): ProjectServer {
  return { url: server.url, adminToken: projectAdminToken(server) }
}

/** A refresh token for the user with this e-mail (created on first use), as the admin API issues it. */
export async function refreshTokenFor(server: ProjectServer, email: string): Promise<string> {
  const res = await fetch(`${server.url}/admin/refresh_tokens`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'app-id': LOCAL_APP_ID,
      authorization: `Bearer ${server.adminToken}`,
    },
    body: JSON.stringify({ email }),
  })
  if (!res.ok) throw new Error(`refresh_tokens answered ${res.status}: ${await res.text()}`)
  return ((await res.json()) as { user: { refresh_token: string } }).user.refresh_token
}

/** A client signed in with `token`, returned once its session carries the user. */
export async function signedInClient(
  server: { url: string },
  token: string,
  withSchema = true,
): Promise<ProjectDb> {
  const db = nodeClient({ appId: LOCAL_APP_ID, url: server.url, schema: withSchema ? schema : undefined })
  const { user } = await db.auth.signInWithToken(token)
  // The session carries the user once the user's own $users row is visible.
  for (let k = 0; k < 100; k++) {
    const { data } = await db.queryOnce({ $users: { $: { where: { id: user.id } } } })
    if (data.$users.length === 1) return db
  }
  throw new Error('sign-in did not reach the session')
}
