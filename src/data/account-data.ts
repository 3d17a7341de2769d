// The teacher's data rights: every record of theirs read page by page for "download all my data",
// account deletion through the stack's endpoint, the retention choice on the profile, and noticing
// on another device that the account is gone.

import { id } from '@instantdb/react'
import { db } from './db.ts'

export type ExportEntity = 'profiles' | 'conversations' | 'messages' | 'artifacts' | 'artifactVersions'

/** A record with its links flattened to ids (`conversationId`, `parentId` …), ready for JSON. */
export type ExportRow = Record<string, unknown> & { id: string }

export interface ExportPage {
  entity: ExportEntity
  rows: ExportRow[]
  /** How far through this entity the reader is, 0–1 (by createdAt: the total is not known up front). */
  progress: number
}

const ID_ONLY = { $: { fields: ['id' as const] } }

// Each entity with the links that make the JSON whole (messages' parent gives their branches).
const LINKS: Record<ExportEntity, Record<string, typeof ID_ONLY>> = {
  profiles: {},
  conversations: { activeMessage: ID_ONLY },
  messages: { conversation: ID_ONLY, parent: ID_ONLY },
  artifacts: { conversation: ID_ONLY, message: ID_ONLY, variantOf: ID_ONLY },
  artifactVersions: { artifact: ID_ONLY, message: ID_ONLY },
}

export const EXPORT_ENTITIES = Object.keys(LINKS) as ExportEntity[]

// The path from each entity to its owning $users row. The owner filter is part of the query, not
// left to the rules: a page cut before the rules filter it would come back empty on a shared server.
const OWNER_PATH: Record<ExportEntity, string> = {
  profiles: 'owner.id',
  conversations: 'owner.id',
  messages: 'conversation.owner.id',
  artifacts: 'owner.id',
  artifactVersions: 'artifact.owner.id',
}

/** The teacher and the guest identities merged into their account (whose records are theirs too). */
async function ownerIds(): Promise<string[]> {
  const user = await db.getAuth()
  if (!user) throw new Error('Not signed in')
  const res = await db.queryOnce({
    $users: { $: { where: { id: user.id } }, linkedGuestUsers: { $: { fields: ['id'] } } },
  })
  const guests = res.data.$users[0]?.linkedGuestUsers ?? []
  return [user.id, ...guests.map((g) => g.id)]
}

function flatten(row: Record<string, unknown>, links: string[]): ExportRow {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(row)) {
    if (!links.includes(key)) out[key] = value
  }
  for (const link of links) {
    const target = row[link] as { id: string } | { id: string }[] | undefined
    out[`${link}Id`] = Array.isArray(target) ? (target[0]?.id ?? null) : (target?.id ?? null)
  }
  return out as ExportRow
}

/**
 * Every record of the teacher (and of guest identities merged into the account), one cursor page at
 * a time in createdAt order, so 10,000 messages never arrive as one answer. Rejects when offline.
 */
export async function* readAllMyData(pageSize = 500): AsyncGenerator<ExportPage> {
  const startedAt = Date.now()
  const owners = await ownerIds()
  for (const entity of EXPORT_ENTITIES) {
    const links = Object.keys(LINKS[entity])
    let after: unknown
    let first: number | undefined
    for (;;) {
      const query = {
        [entity]: {
          $: {
            where: { [OWNER_PATH[entity]]: { $in: owners } },
            first: pageSize,
            order: { createdAt: 'asc' },
            ...(after ? { after } : {}),
          },
          ...LINKS[entity],
        },
      }
      // The query is built per entity; its shape is checked by the server, not the type system.
      const res = (await db.queryOnce(query as never)) as unknown as {
        data: Record<string, Record<string, unknown>[]>
        pageInfo?: Record<string, { endCursor?: unknown; hasNextPage?: boolean }>
      }
      const rows = (res.data[entity] ?? []).map((r) => flatten(r, links))
      const last = rows.at(-1)?.createdAt
      const lastAt = last === undefined ? startedAt : new Date(last as string | number).getTime()
      first ??= rows[0] ? new Date(rows[0].createdAt as string | number).getTime() : startedAt
      const info = res.pageInfo?.[entity]
      const hasMore = Boolean(info?.hasNextPage && info.endCursor && rows.length > 0)
      const span = Math.max(1, startedAt - first)
      yield { entity, rows, progress: hasMore ? Math.min(0.99, (lastAt - first) / span) : 1 }
      if (!hasMore) break
      after = info?.endCursor
    }
  }
}

export class AccountDeletionError extends Error {
  constructor(readonly status: number) {
    super(`Account deletion failed (${status})`)
    this.name = 'AccountDeletionError'
  }
}

/**
 * Asks the stack (same origin, server/stack/account-deletion.ts) to delete the account with
 * everything in it, then signs out here; the auth gate starts a fresh guest.
 */
export async function deleteMyAccount(): Promise<void> {
  const user = await db.getAuth()
  if (!user?.refresh_token) throw new AccountDeletionError(401)
  const res = await fetch('/api/account/delete', {
    method: 'POST',
    headers: { authorization: `Bearer ${user.refresh_token}` },
  })
  if (!res.ok) throw new AccountDeletionError(res.status)
  await db.auth.signOut().catch(() => undefined)
}

/**
 * Whether the server still knows the stored refresh token. An open connection keeps its session
 * after the account is deleted elsewhere, so the app asks when its own user row disappears.
 */
async function isTokenRevoked(appId: string, apiURI: string): Promise<boolean> {
  const user = await db.getAuth()
  if (!user?.refresh_token) return false
  const res = await fetch(`${apiURI}/runtime/auth/verify_refresh_token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ 'app-id': appId, 'refresh-token': user.refresh_token }),
  })
  if (res.ok) return false
  const body = (await res.json().catch(() => ({}))) as { type?: string; hint?: Record<string, unknown> }
  return body.type === 'record-not-found' && body.hint?.['record-type'] === 'app-user'
}

/** The signed-in user's own $users row as the server sees it: gone means the account was deleted. */
export function useOwnUserRow(userId: string) {
  const res = db.useQuery({ $users: { $: { where: { id: userId }, fields: ['id'] } } })
  return { isGone: !res.isLoading && !res.error && res.data?.$users.length === 0 }
}

/** Signs out on this device when the server confirms the account no longer exists. */
export async function signOutIfAccountDeleted(appId: string, apiURI: string): Promise<boolean> {
  if (!(await isTokenRevoked(appId, apiURI))) return false
  await db.auth.signOut().catch(() => undefined)
  return true
}

export interface RetentionChoice {
  /** 0 = off; null = the school's default. */
  days: number | null
  includesPinned: boolean
  includesMaterials: boolean
}

/** The retention choice lives on the profile (created here when the teacher has none yet). */
export function saveRetentionChoice(userId: string, profileId: string | undefined, choice: RetentionChoice) {
  const fields = {
    retentionDays: choice.days,
    retentionIncludesPinned: choice.includesPinned,
    retentionIncludesMaterials: choice.includesMaterials,
    updatedAt: Date.now(),
  }
  if (profileId) return db.transact(db.tx.profiles[profileId]!.update(fields))
  return db.transact(
    db.tx.profiles[id()]!.update({ ...fields, createdAt: Date.now() }).link({ owner: userId }),
  )
}
