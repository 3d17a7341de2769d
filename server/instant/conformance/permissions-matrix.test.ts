// The project's own rules (instant.perms.ts) on the project's app, driven by the unmodified core
// client: every action on conversations, messages, artifacts, profiles and $users, by the owner,
// another user, a guest and a signed-out client. Only the owner may act, within what the rules allow.

import { type InstantCoreDatabase, id } from '@instantdb/core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import rules from '../../../instant.perms.ts'
import schema, { type AppSchema } from '../../../instant.schema.ts'
import { LOCAL_APP_ID } from '../local-app.ts'
import { authenticated, startTestServer, type TestServer } from './harness.ts'
import { nodeClient } from './node-client.ts'
import { projectServer, refreshTokenFor, signedInClient } from './project-users.ts'

type Db = InstantCoreDatabase<AppSchema, false>
type Chunk = {
  update(v: Record<string, unknown>): Chunk
  link(v: Record<string, string>): Chunk
  unlink(v: Record<string, string>): Chunk
  delete(): Chunk
}
type Actor = 'owner' | 'other' | 'guest' | 'nobody'
type Action = 'view' | 'create' | 'update' | 'delete' | 'link' | 'unlink'

let server: TestServer
let admin: Db
const dbs = {} as Record<Actor, Db>
let ownerId: string
/** The owner on a client without the schema, which invents attrs as an outdated app would. */
let bareOwner: Db

const tx = (db: Db, etype: string, eid: string) =>
  (db.tx as unknown as Record<string, Record<string, Chunk>>)[etype]![eid]!
const transact = (db: Db, chunks: Chunk | Chunk[]) => db.transact(chunks as never)
const now = () => Date.now()

beforeAll(async () => {
  server = await startTestServer(undefined, { projectApp: true })
  const app = server.server.localApp!
  admin = nodeClient({ appId: LOCAL_APP_ID, url: server.url, schema, adminToken: app.row.adminToken })
  const ownerToken = await refreshTokenFor(projectServer(server), 'owner@schule.de')
  dbs.owner = await signedInClient(server, ownerToken)
  bareOwner = await signedInClient(server, ownerToken, false)
  dbs.other = await signedInClient(server, await refreshTokenFor(projectServer(server), 'other@schule.de'))
  // A guest as the admin SDK's sign-in makes one: the project's rules refuse client sign-ups.
  dbs.guest = await signedInClient(
    server,
    server.server.ctx.users.signInGuest(app, null, { skipPermCheck: true }).refresh_token!,
  )
  dbs.nobody = nodeClient({ appId: LOCAL_APP_ID, url: server.url, schema })
  // Until then a transact is only queued and resolves without the server having seen it.
  await Promise.all([authenticated(admin), authenticated(dbs.nobody)])
  ownerId = server.server.ctx.users.byToken(app, ownerToken)!.id
}, 30_000)

afterAll(async () => {
  for (const db of [admin, bareOwner, ...Object.values(dbs)]) db.shutdown()
  await server.close()
})

const FIELDS: Record<string, () => Record<string, unknown>> = {
  conversations: () => ({
    title: 'Bruchrechnung',
    createdAt: now(),
    updatedAt: now(),
    pinned: false,
    archived: false,
  }),
  messages: () => ({ role: 'user', text: 'Hallo', status: 'done', createdAt: now() }),
  artifacts: () => ({ kind: 'worksheet', title: 'Brüche', createdAt: now(), updatedAt: now() }),
  profiles: () => ({ createdAt: now(), updatedAt: now() }),
  $users: () => ({}),
}
const UPDATE: Record<string, Record<string, unknown>> = {
  conversations: { title: 'Neu' },
  messages: { text: 'Neu' },
  artifacts: { title: 'Neu' },
  profiles: { displayName: 'Neu' },
  $users: {},
}

/** Admin-made fixtures for one cell: the owner's conversation and message, and the subject entity. */
async function prepare(etype: string, action: Action) {
  const conv = id()
  const msg = id()
  await transact(admin, [
    tx(admin, 'conversations', conv).update(FIELDS.conversations!()).link({ owner: ownerId }),
    tx(admin, 'messages', msg).update(FIELDS.messages!()).link({ conversation: conv }),
  ])
  // What makes an entity the owner's, and a link from it to something else of the owner's.
  const ownership: Record<string, Record<string, string>> = {
    conversations: { owner: ownerId },
    messages: { conversation: conv },
    artifacts: { owner: ownerId },
    profiles: { owner: ownerId },
  }
  const links: Record<string, Record<string, string>> = {
    conversations: { activeMessage: msg },
    messages: { parent: msg },
    artifacts: { message: msg },
    profiles: { owner: ownerId },
    $users: { conversations: conv },
  }
  if (etype === 'profiles') {
    const { data } = await admin.queryOnce({ profiles: { $: { where: { 'owner.id': ownerId } } } })
    if (data.profiles.length)
      await transact(
        admin,
        data.profiles.map((p) => tx(admin, 'profiles', p.id).delete()),
      )
  }
  let subject = etype === '$users' ? ownerId : id()
  if (action === 'create') subject = id()
  else if (etype !== '$users') {
    const chunk = tx(admin, etype, subject).update(FIELDS[etype]!()).link(ownership[etype]!)
    await transact(admin, action === 'unlink' ? chunk.link(links[etype]!) : chunk)
  }
  return { subject, owned: ownership[etype] ?? {}, link: links[etype]! }
}

/** Runs `action` as `db`; true when the server allowed it. */
async function attempt(db: Db, etype: string, action: Action): Promise<boolean> {
  const { subject, owned, link } = await prepare(etype, action)
  if (action === 'view') {
    const { data } = await db.queryOnce({ [etype]: { $: { where: { id: subject } } } } as never)
    return (data as Record<string, unknown[]>)[etype]!.length === 1
  }
  const chunk = tx(db, etype, subject)
  const op = {
    create: () => chunk.update(FIELDS[etype]!()).link(owned),
    update: () => chunk.update(UPDATE[etype]!),
    delete: () => chunk.delete(),
    link: () => chunk.link(link),
    unlink: () => chunk.unlink(link),
  }[action]
  try {
    await transact(db, op())
    return true
  } catch (err) {
    expect(String((err as Error).message)).toMatch(/Permission denied: not perms-pass\?|system entity/)
    return false
  }
}

const ACTORS: Actor[] = ['owner', 'other', 'guest', 'nobody']
const ACTIONS: Action[] = ['view', 'create', 'update', 'delete', 'link', 'unlink']

/** The project's rules: owners only; $users rows are only ever written by the server. */
const allowed = (etype: string, action: Action, actor: Actor) =>
  actor === 'owner' && !(etype === '$users' && ['create', 'update', 'delete'].includes(action))

describe.each(['conversations', 'messages', 'artifacts', 'profiles', '$users'])('%s', (etype) => {
  const cells = ACTIONS.flatMap((action) => ACTORS.map((actor) => ({ action, actor })))
  test.each(cells)('$action by $actor', async ({ action, actor }) => {
    expect(await attempt(dbs[actor], etype, action)).toBe(allowed(etype, action, actor))
  })
})

describe('rules beyond ownership', () => {
  test('a client cannot create an assistant message, even in its own conversation', async () => {
    const { subject: conv } = await prepare('conversations', 'update')
    const reply = tx(dbs.owner, 'messages', id())
      .update({ ...FIELDS.messages!(), role: 'assistant' })
      .link({ conversation: conv })
    await expect(transact(dbs.owner, reply)).rejects.toThrow(/Permission denied/)
  })

  test("a client cannot change a message's role", async () => {
    const { subject: msg } = await prepare('messages', 'update')
    await expect(
      transact(dbs.owner, tx(dbs.owner, 'messages', msg).update({ role: 'assistant' })),
    ).rejects.toThrow(/Permission denied/)
  })

  test('a client cannot create attrs, not even on its own conversation', async () => {
    const { subject: conv } = await prepare('conversations', 'update')
    const sneaky = (bareOwner.tx as unknown as Record<string, Record<string, Chunk>>).conversations![conv]!
    await expect(transact(bareOwner, sneaky.update({ sneaky: 'x' }))).rejects.toThrow(/Permission denied/)
    expect(server.server.localApp!.store.attrs.byForward('conversations', 'sneaky')).toBeUndefined()
  })

  test('queries through links do not reveal what the view rules hide', async () => {
    const { subject: msg } = await prepare('messages', 'update')
    for (const actor of ['other', 'guest', 'nobody'] as const) {
      const { data } = await dbs[actor].queryOnce({
        messages: { $: { where: { id: msg } }, conversation: { owner: {} } },
      })
      expect(data.messages).toEqual([])
    }
    const { data } = await dbs.owner.queryOnce({
      messages: { $: { where: { id: msg } }, conversation: { owner: {} } },
    })
    expect(data.messages[0]?.conversation?.owner?.id).toBe(ownerId)
  })

  test("a client's own sign-up follows $users.allow.create (upstream: only that rule, no $default)", async () => {
    const signupOpen = rules.$users.allow.create !== 'false'
    const db = nodeClient({ appId: LOCAL_APP_ID, url: server.url, schema })
    const guest = db.auth.signInAsGuest()
    if (signupOpen) await expect(guest).resolves.toBeDefined()
    else await expect(guest).rejects.toThrow(/Permission denied/)
    db.shutdown()
  })
})
