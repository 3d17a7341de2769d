// "Delete my account": POST /api/account/delete with the teacher's refresh token as the bearer. The
// stack checks the token and deletes the user (and every guest identity merged into it) through the
// admin API, so it works against the local server and hosted Instant alike; the schema's onDelete
// cascades remove profiles, conversations → messages and artifacts → versions.

import type { IncomingMessage, ServerResponse } from 'node:http'
import { type AdminDb, adminDb, type InstantTarget } from '../assistant/admin-db.ts'

export const ACCOUNT_DELETE_PATH = '/api/account/delete'

export interface DeletedAccount {
  userId: string
  /** Guest identities that had been merged into the account, deleted with it. */
  guestIds: string[]
}

/** Deletes the account behind the refresh token; null when the token belongs to no user. */
export async function deleteAccount(db: AdminDb, refreshToken: string): Promise<DeletedAccount | null> {
  const user = await db.auth.getUser({ refresh_token: refreshToken }).catch(() => null)
  if (!user) return null
  const { $users } = await db.query({
    $users: { $: { where: { id: user.id } }, linkedGuestUsers: { $: { fields: ['id'] } } },
  })
  const guestIds = ($users[0]?.linkedGuestUsers ?? []).map((g) => g.id)
  // The admin API's deleteUser removes only the user on hosted Instant, so the owned records go
  // first, explicitly; messages and versions follow their conversation and artifact (onDelete).
  for (const owner of [...guestIds, user.id]) await deleteOwnedRecords(db, owner)
  for (const id of guestIds) await db.auth.deleteUser({ id })
  await db.auth.deleteUser({ id: user.id })
  return { userId: user.id, guestIds }
}

const DELETE_BATCH = 100

async function deleteOwnedRecords(db: AdminDb, ownerId: string): Promise<void> {
  const owned = { $: { where: { 'owner.id': ownerId }, fields: ['id' as const] } }
  const data = await db.query({ profiles: owned, conversations: owned, artifacts: owned })
  const chunks = [
    ...data.artifacts.map((r) => db.tx.artifacts[r.id]!.delete()),
    ...data.conversations.map((r) => db.tx.conversations[r.id]!.delete()),
    ...data.profiles.map((r) => db.tx.profiles[r.id]!.delete()),
  ]
  for (let i = 0; i < chunks.length; i += DELETE_BATCH) await db.transact(chunks.slice(i, i + DELETE_BATCH))
}

/** The HTTP side: answers true when it handled the request. */
export function accountRoutes(target: InstantTarget) {
  const db = adminDb(target)
  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> => {
    if (path !== ACCOUNT_DELETE_PATH) return false
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
      res.end(JSON.stringify(body))
    }
    if (req.method !== 'POST') {
      send(405, { error: 'method-not-allowed' })
      return true
    }
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1]
    if (!token) {
      send(401, { error: 'missing-token' })
      return true
    }
    const deleted = await deleteAccount(db, token)
    if (!deleted) send(401, { error: 'unknown-token' })
    else send(200, { deleted: true })
    return true
  }
}
