// The suite's data areas against the eduhu app: InstaQL queries (where, nesting, order), cursor
// pagination with page-info, and real-time (a second device sees writes as they happen). Each area
// throws on the first difference and otherwise says what it checked.

import assert from 'node:assert/strict'
import { id } from '@instantdb/core'
import { type SuiteContext, until } from './suite-context.ts'

/** A's conversations for the data areas, created once by the admin. */
async function seedConversations(ctx: SuiteContext, ownerId: string, count: number, label: string) {
  const base = Date.UTC(2026, 0, 1)
  const ids: string[] = []
  const steps = []
  for (let k = 0; k < count; k++) {
    const cid = ctx.track('conversations', id())
    ids.push(cid)
    steps.push(
      ctx.admin.tx.conversations[cid]!.update(ctx.conversation(`${label} ${k}`, base + k * 60_000)).link({
        owner: ownerId,
      }),
    )
  }
  await ctx.admin.transact(steps)
  return ids
}

export async function queriesArea(ctx: SuiteContext): Promise<string> {
  const { db, user } = await ctx.teacher('a')
  const [first] = await seedConversations(ctx, user.id, 3, 'query')
  const mid = ctx.track('messages', id())
  await ctx.admin.transact(
    ctx.admin.tx.messages[mid]!.update({
      role: 'user',
      text: 'Wie erkläre ich Brüche?',
      status: 'done',
      createdAt: Date.now(),
    }).link({
      conversation: first!,
    }),
  )
  const { data } = await db.queryOnce({
    conversations: {
      $: { where: { title: { $like: `${ctx.prefix} query%` } }, order: { updatedAt: 'asc' } },
      messages: {},
    },
  })
  assert.deepEqual(
    data.conversations.map((c) => c.title),
    [0, 1, 2].map((k) => `${ctx.prefix} query ${k}`),
    'where $like with order by an indexed date',
  )
  assert.deepEqual(
    data.conversations[0]!.messages.map((m) => m.text),
    ['Wie erkläre ich Brüche?'],
    'a nested link',
  )
  const byId = await db.queryOnce({ conversations: { $: { where: { id: first! } } } })
  assert.equal(byId.data.conversations.length, 1, 'where id')
  const viaLink = await db.queryOnce({ messages: { $: { where: { 'conversation.id': first! } } } })
  assert.deepEqual(
    viaLink.data.messages.map((m) => m.id),
    [mid],
    'where through a link',
  )
  return 'where ($like, id, through a link), order, nested links'
}

export async function paginationArea(ctx: SuiteContext): Promise<string> {
  const { db, user } = await ctx.teacher('a')
  await seedConversations(ctx, user.id, 7, 'page')
  const where = { title: { $like: `${ctx.prefix} page%` } }
  const page = async (opts: Record<string, unknown>) => {
    const r = await db.queryOnce({
      conversations: { $: { where, order: { updatedAt: 'desc' as const }, ...opts } },
    })
    return { titles: r.data.conversations.map((c) => c.title.slice(-1)), info: r.pageInfo.conversations }
  }
  const p1 = await page({ first: 3 })
  assert.deepEqual(p1.titles, ['6', '5', '4'], 'first page, newest first')
  assert.equal(p1.info.hasNextPage, true, 'first page: hasNextPage')
  const p2 = await page({ first: 3, after: p1.info.endCursor })
  assert.deepEqual(p2.titles, ['3', '2', '1'], 'second page after the cursor')
  assert.equal(p2.info.hasPreviousPage, true, 'second page: hasPreviousPage')
  const p3 = await page({ first: 3, after: p2.info.endCursor })
  assert.deepEqual(p3.titles, ['0'], 'last page')
  assert.equal(p3.info.hasNextPage, false, 'last page: no next page')
  const back = await page({ last: 3, before: p3.info.startCursor })
  assert.deepEqual(back.titles, ['3', '2', '1'], 'a page back with last/before')
  const offset = await page({ limit: 2, offset: 5 })
  assert.deepEqual(offset.titles, ['1', '0'], 'limit and offset')
  return 'first/after, last/before, limit/offset, page-info over 7 records'
}

export async function realTimeArea(ctx: SuiteContext): Promise<string> {
  const { db: laptop, user } = await ctx.teacher('a')
  const { db: phone } = await ctx.teacher('a')
  const where = { title: { $like: `${ctx.prefix} live%` } }
  let titles: string[] | undefined
  let failure: unknown
  const off = phone.subscribeQuery({ conversations: { $: { where } } }, (r) => {
    if (r.error) failure = r.error
    else titles = r.data.conversations.map((c) => c.title).sort()
  })
  try {
    await until('the phone has its first result', () =>
      failure ? Promise.reject(failure) : titles ? true : undefined,
    )
    assert.deepEqual(titles, [], 'an empty start')
    const cid = ctx.track('conversations', id())
    const now = Date.now()
    await laptop.transact(
      laptop.tx.conversations[cid]!.update(ctx.conversation('live', now)).link({ owner: user.id }),
    )
    await until('the phone sees the laptop create a conversation', () =>
      titles?.length === 1 ? true : undefined,
    )
    await laptop.transact(
      laptop.tx.conversations[cid]!.update({ title: `${ctx.prefix} live renamed`, updatedAt: now + 1 }),
    )
    await until('the phone sees the rename', () => (titles?.[0]?.endsWith('live renamed') ? true : undefined))
    await ctx.admin.transact(ctx.admin.tx.conversations[cid]!.delete())
    await until('the phone sees the delete made with the admin API', () =>
      titles?.length === 0 ? true : undefined,
    )
  } finally {
    off()
  }
  return "create, update and delete reach a second device's live query"
}
