// What the operator's conformance suite works with against any Instant hosting the eduhu app: the admin
// SDK, signed-in teachers on the unmodified core client, and a namespace (`conformance-<run>`) for every
// record and user it creates — all tracked, so cleanup removes exactly them and checks nothing is left.

import { randomUUID } from 'node:crypto'
import { init as initAdmin } from '@instantdb/admin'
import type { InstantCoreDatabase, User } from '@instantdb/core'
import schema, { type AppSchema } from '../../../../instant.schema.ts'
import { nodeClient } from '../node-client.ts'

export interface SuiteTarget {
  apiUri: string
  websocketUri: string
  appId: string
  adminToken: string
}

export type TeacherDb = InstantCoreDatabase<AppSchema, false>
export type AdminDb = ReturnType<typeof initAdmin<AppSchema>>
type Tracked = 'conversations' | 'messages' | 'artifacts' | 'artifactVersions' | 'profiles'

/** Waits for a condition (never for a fixed time); `what` names it when the limit is reached. */
export async function until<T>(
  what: string,
  check: () => T | undefined | Promise<T | undefined>,
  ms = 30_000,
) {
  const deadline = Date.now() + ms
  for (;;) {
    const v = await check()
    if (v !== undefined) return v
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

export class SuiteContext {
  readonly runId = randomUUID().slice(0, 8)
  readonly prefix = `conformance-${this.runId}`
  readonly admin: AdminDb
  private clients: TeacherDb[] = []
  private userIds = new Set<string>()
  private records = new Map<Tracked, Set<string>>()

  constructor(readonly target: SuiteTarget) {
    this.admin = initAdmin({
      appId: target.appId,
      adminToken: target.adminToken,
      apiURI: target.apiUri,
      schema,
    })
  }

  email(label: string): string {
    return `${this.prefix}-${label}@conformance.invalid`
  }

  /** A fresh, signed-out core client for this target (shut down at cleanup). */
  client(): TeacherDb {
    const db = nodeClient({
      appId: this.target.appId,
      url: this.target.apiUri,
      websocketURI: this.target.websocketUri,
      schema,
    })
    this.clients.push(db)
    return db
  }

  /** A teacher signed in on a new device: the user (created by e-mail if needed) and their client. */
  async teacher(label: string): Promise<{ db: TeacherDb; user: User }> {
    const token = await this.admin.auth.createToken({ email: this.email(label) })
    const db = this.client()
    const { user } = await db.auth.signInWithToken(token)
    this.trackUser(user.id)
    // The session carries the user once the user's own $users row is visible to it.
    await until(`${label}'s session is signed in`, async () => {
      const { data } = await db.queryOnce({ $users: { $: { where: { id: user.id } } } })
      return data.$users.length === 1 ? true : undefined
    })
    return { db, user }
  }

  trackUser(id: string): void {
    this.userIds.add(id)
  }

  track(etype: Tracked, id: string): string {
    const set = this.records.get(etype) ?? new Set()
    set.add(id)
    this.records.set(etype, set)
    return id
  }

  /** A conversation's required fields, titled inside the namespace. */
  conversation(title: string, at: number) {
    return { title: `${this.prefix} ${title}`, createdAt: at, updatedAt: at, pinned: false, archived: false }
  }

  /**
   * Removes every record and user the run created, then checks that none of its conversations or
   * users are left. Returns how many it removed.
   */
  async cleanup(): Promise<number> {
    for (const db of this.clients) db.shutdown()
    this.clients = []
    let removed = 0
    for (const [etype, ids] of this.records) {
      const steps = [...ids].map((id) => this.admin.tx[etype][id]!.delete())
      for (let k = 0; k < steps.length; k += 100) await this.admin.transact(steps.slice(k, k + 100))
      removed += ids.size
    }
    for (const id of this.userIds) {
      // A guest merged into a deleted account may be gone with it already.
      const gone = await this.admin.auth.deleteUser({ id }).then(
        () => false,
        async (err: unknown) => {
          if ((await this.admin.auth.getUser({ id }).catch(() => null)) === null) return true
          throw err
        },
      )
      if (!gone) removed++
    }
    const { conversations } = await this.admin.query({
      conversations: { $: { where: { title: { $like: `${this.prefix}%` } } } },
    })
    const users = await Promise.all(
      ['a', 'b'].map((l) => this.admin.auth.getUser({ email: this.email(l) }).catch(() => null)),
    )
    const left = conversations.length + users.filter(Boolean).length
    if (left) throw new Error(`cleanup left ${left} of the run's records or users behind`)
    return removed
  }
}
