import { beforeAll, describe, expect, test } from 'vitest'
import { type ClientEngine, loadClientEngine } from './client-engine.ts'
import { runInstaql } from './run-instaql.ts'
import { TestApp } from './test-app.ts'

let client: ClientEngine
beforeAll(async () => {
  client = await loadClientEngine()
})

/** Owner-only chat: Ada may see her own conversations and their messages, nothing of Bob's. */
function ownerOnly() {
  const app = new TestApp(
    {
      users: { name: { type: 'string' } },
      conversations: { title: { type: 'string' } },
      messages: { n: { type: 'number', indexed: true } },
    },
    [
      { forward: ['conversations', 'owner', 'one'], reverse: ['users', 'conversations', 'many'] },
      { forward: ['messages', 'conversation', 'one'], reverse: ['conversations', 'messages', 'many'] },
    ],
  )
  const ada = app.add('users', { name: 'Ada' })
  const bob = app.add('users', { name: 'Bob' })
  const mine = app.add('conversations', { title: 'mine' })
  const theirs = app.add('conversations', { title: 'theirs' })
  app.link(mine, 'conversations', 'owner', ada)
  app.link(theirs, 'conversations', 'owner', bob)
  const messages = [1, 2, 3, 4, 5, 6].map((n) => {
    const id = app.add('messages', { n })
    app.link(id, 'messages', 'conversation', n % 2 ? mine : theirs)
    return id
  })
  const store = app.store()
  const convAttr = app.attr('messages', 'conversation').id
  const ownerAttr = app.attr('conversations', 'owner').id
  const owns = (c: string) => store.valueOf(c, ownerAttr) === ada
  const canView = (etype: string, e: string) => {
    if (etype === 'users') return e === ada
    if (etype === 'conversations') return owns(e)
    if (etype === 'messages') return owns(String(store.valueOf(e, convAttr)))
    return true
  }
  return { app, store, canView, ada, bob, mine, theirs, messages }
}

function view(w: ReturnType<typeof ownerOnly>, q: Record<string, unknown>) {
  const res = runInstaql({ store: w.store, canView: w.canView }, q)
  const data = client.run(w.app.attrs, res.triples, q, res.pageInfo) as Record<
    string,
    { n?: number; id: string }[]
  >
  return { res, data }
}

describe('canView', () => {
  test('invisible entities are not sent at all', () => {
    const w = ownerOnly()
    const { res, data } = view(w, { conversations: {} })
    expect(data.conversations?.map((c) => c.id)).toEqual([w.mine])
    expect(res.triples.some((t) => t[0] === w.theirs)).toBe(false)
  })

  test('a where path through an invisible entity hides the row', () => {
    const w = ownerOnly()
    // Bob's conversation is visible to nobody here, so its messages cannot match through it...
    const everyoneSeesMessages = (etype: string, e: string) =>
      etype !== 'conversations' || w.canView(etype, e)
    const res = runInstaql(
      { store: w.store, canView: everyoneSeesMessages },
      {
        messages: { $: { where: { 'conversation.title': 'theirs' } } },
      },
    )
    expect(res.triples).toEqual([])
    // ...while a plain link comparison reads no conversation triple, as on the real server.
    const direct = runInstaql(
      { store: w.store, canView: everyoneSeesMessages },
      {
        messages: { $: { where: { conversation: w.theirs } } },
      },
    )
    expect(new Set(direct.triples.map((t) => t[0]))).toEqual(
      new Set([w.messages[1], w.messages[3], w.messages[5]]),
    )
  })

  test('invisible children and their link triples are left out', () => {
    const w = ownerOnly()
    const small = (etype: string, e: string) =>
      w.canView(etype, e) &&
      (etype !== 'messages' || Number(w.store.valueOf(e, w.app.attr('messages', 'n').id)) < 4)
    const q = { users: { conversations: { messages: {} } } }
    const res = runInstaql({ store: w.store, canView: small }, q)
    const data = client.run(w.app.attrs, res.triples, q, res.pageInfo) as {
      users: { id: string; conversations: { messages: { n: number }[] }[] }[]
    }
    expect(data.users.map((u) => u.id)).toEqual([w.ada])
    expect(data.users[0]?.conversations[0]?.messages.map((m) => m.n)).toEqual([1, 3])
    const hidden = w.messages[4] as string
    expect(res.triples.some((t) => t[0] === hidden || t[2] === hidden)).toBe(false)
  })

  test('page-info cursors skip invisible rows; has-next is not adjusted (as upstream notes)', () => {
    const w = ownerOnly()
    const nAttr = w.app.attr('messages', 'n').id
    const { res, data } = view(w, { messages: { $: { order: { n: 'desc' }, first: 3 } } })
    // The window (6, 5, 4) is picked before permissions; only 5 survives.
    expect(data.messages?.map((m) => m.n)).toEqual([5])
    expect(res.pageInfo.messages).toEqual({
      'start-cursor': [w.messages[4], nAttr, 5, expect.any(Number)],
      'end-cursor': [w.messages[4], nAttr, 5, expect.any(Number)],
      'has-next-page?': true,
      'has-previous-page?': false,
    })
  })

  test('a window with no visible rows has null cursors', () => {
    const w = ownerOnly()
    const { res } = view(w, { messages: { $: { where: { conversation: w.theirs }, first: 2 } } })
    expect(res.pageInfo.messages).toMatchObject({
      'start-cursor': null,
      'end-cursor': null,
      'has-next-page?': true,
    })
  })

  test('reverse $isNull: false is shown with a visible pointing link, hidden when only invisible ones exist', () => {
    const w = ownerOnly()
    const oddOnly = (etype: string, e: string) =>
      etype !== 'messages' || Number(w.store.valueOf(e, w.app.attr('messages', 'n').id)) % 2 === 1
    const q = { conversations: { $: { where: { messages: { $isNull: false } } } } }
    const res = runInstaql({ store: w.store, canView: oddOnly }, q)
    const data = client.run(w.app.attrs, res.triples, q, res.pageInfo) as { conversations: { id: string }[] }
    // `mine` has the odd (visible) messages; `theirs` only even ones, which may not serve as evidence.
    expect(data.conversations.map((c) => c.id)).toEqual([w.mine])
  })
})
