// The suite's access areas against the eduhu app: auth (guest, magic code, refresh token, sign-out),
// the permission rules (owner-only, server-written replies) and the admin API (transact, query,
// impersonation, users). Each throws on the first difference and otherwise says what it checked.

import assert from 'node:assert/strict'
import { InstantAPIError, id } from '@instantdb/core'
import { type SuiteContext, until } from './suite-context.ts'

/** The rejection of a promise that must fail, or an assertion error when it succeeds. */
async function rejection(what: string, p: Promise<unknown>): Promise<unknown> {
  const outcome = await p.then(
    () => undefined,
    (err: unknown) => ({ err }),
  )
  if (!outcome) throw new assert.AssertionError({ message: `${what} was allowed` })
  return outcome.err
}

export async function authArea(ctx: SuiteContext): Promise<string> {
  const guestDb = ctx.client()
  const { user: guest } = await guestDb.auth.signInAsGuest()
  ctx.trackUser(guest.id)
  assert.equal(guest.isGuest, true, 'a guest sign-in')

  const email = ctx.email('a')
  const { code } = await ctx.admin.auth.generateMagicCode(email)
  const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0')
  const refused = await rejection(
    'a wrong magic code',
    guestDb.auth.signInWithMagicCode({ email, code: wrong }),
  )
  assert.ok(refused instanceof InstantAPIError, 'a wrong code is an API error')
  assert.equal(refused.status, 400, 'a wrong code answers 400')
  const { user } = await guestDb.auth.signInWithMagicCode({ email, code })
  ctx.trackUser(user.id)
  assert.equal(user.email, email, 'the magic code signs the teacher in')

  const verified = await ctx.admin.auth.verifyToken(user.refresh_token)
  assert.equal(verified.id, user.id, 'the admin API verifies the refresh token')
  await guestDb.auth.signOut()
  await until('sign-out revokes the refresh token', () =>
    ctx.admin.auth.verifyToken(user.refresh_token).then(
      () => undefined,
      () => true,
    ),
  )
  return 'guest, wrong and right magic code, refresh token, sign-out revokes'
}

export async function permissionsArea(ctx: SuiteContext): Promise<string> {
  const a = await ctx.teacher('a')
  const b = await ctx.teacher('b')
  const cid = ctx.track('conversations', id())
  await a.db.transact(
    a.db.tx.conversations[cid]!.update(ctx.conversation('private', Date.now())).link({ owner: a.user.id }),
  )

  const seen = await b.db.queryOnce({ conversations: { $: { where: { id: cid } } } })
  assert.equal(seen.data.conversations.length, 0, "another teacher cannot see A's conversation")
  const usersSeen = await b.db.queryOnce({ $users: { $: { where: { id: a.user.id } } } })
  assert.equal(usersSeen.data.$users.length, 0, "another teacher cannot see A's user row")
  await rejection(
    "B renaming A's conversation",
    b.db.transact(b.db.tx.conversations[cid]!.update({ title: 'übernommen' })),
  )
  await rejection(
    "B putting a message into A's conversation",
    b.db.transact(
      b.db.tx.messages[ctx.track('messages', id())]!.update({
        role: 'user',
        text: 'x',
        status: 'done',
        createdAt: Date.now(),
      }).link({
        conversation: cid,
      }),
    ),
  )
  await rejection(
    'a teacher writing an assistant reply (only the server may)',
    a.db.transact(
      a.db.tx.messages[ctx.track('messages', id())]!.update({
        role: 'assistant',
        text: 'x',
        status: 'done',
        createdAt: Date.now(),
      }).link({
        conversation: cid,
      }),
    ),
  )
  const own = ctx.track('messages', id())
  await a.db.transact(
    a.db.tx.messages[own]!.update({
      role: 'user',
      text: 'Hallo',
      status: 'pending',
      createdAt: Date.now(),
    }).link({
      conversation: cid,
    }),
  )
  const { messages } = await ctx.admin.query({ messages: { $: { where: { 'conversation.id': cid } } } })
  assert.deepEqual(
    messages.map((m) => m.id),
    [own],
    'only the owner’s own prompt was written',
  )
  const title = (await ctx.admin.query({ conversations: { $: { where: { id: cid } } } })).conversations[0]
    ?.title
  assert.equal(title, `${ctx.prefix} private`, "A's conversation is unchanged")
  return 'owner-only view and writes, $users private, assistant replies server-only'
}

export async function adminArea(ctx: SuiteContext): Promise<string> {
  const { user: a } = await ctx.teacher('a')
  const { user: b } = await ctx.teacher('b')
  const mine = ctx.track('conversations', id())
  const theirs = ctx.track('conversations', id())
  const reply = ctx.track('messages', id())
  const now = Date.now()
  await ctx.admin.transact([
    ctx.admin.tx.conversations[mine]!.update(ctx.conversation('admin a', now)).link({ owner: a.id }),
    ctx.admin.tx.conversations[theirs]!.update(ctx.conversation('admin b', now)).link({ owner: b.id }),
    ctx.admin.tx.messages[reply]!.update({
      role: 'assistant',
      text: 'Antwort',
      status: 'done',
      createdAt: now,
    }).link({
      conversation: mine,
    }),
  ])
  const where = { title: { $like: `${ctx.prefix} admin%` } }
  const all = await ctx.admin.query({ conversations: { $: { where }, messages: {} } })
  assert.equal(all.conversations.length, 2, 'the admin sees every teacher’s records')
  const asA = await ctx.admin.asUser({ email: ctx.email('a') }).query({ conversations: { $: { where } } })
  assert.deepEqual(
    asA.conversations.map((c) => c.id),
    [mine],
    'asUser applies the rules',
  )
  const found = await ctx.admin.auth.getUser({ email: ctx.email('b') })
  assert.equal(found?.id, b.id, 'getUser by e-mail')
  await ctx.admin.transact(ctx.admin.tx.messages[reply]!.update({ status: 'stopped' }))
  const after = await ctx.admin.query({ messages: { $: { where: { id: reply } } } })
  assert.equal(after.messages[0]?.status, 'stopped', 'an admin update')
  return 'transact, query with links, asUser, getUser, update'
}
