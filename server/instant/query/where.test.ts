import { beforeAll, describe, expect, test } from 'vitest'
import { type ClientEngine, loadClientEngine } from './client-engine.ts'
import { runInstaql } from './run-instaql.ts'
import { TestApp } from './test-app.ts'

let client: ClientEngine
beforeAll(async () => {
  client = await loadClientEngine()
})

function chatApp() {
  const app = new TestApp(
    {
      users: { name: { type: 'string', indexed: true } },
      conversations: { title: { type: 'string' } },
      messages: {
        text: { type: 'string', indexed: true },
        createdAt: { type: 'date', indexed: true },
        votes: { type: 'number', indexed: true },
        note: {},
      },
    },
    [
      { forward: ['conversations', 'owner', 'one'], reverse: ['users', 'conversations', 'many'] },
      { forward: ['messages', 'conversation', 'one'], reverse: ['conversations', 'messages', 'many'] },
    ],
  )
  const ada = app.add('users', { name: 'Ada' })
  const bob = app.add('users', { name: 'Bob' })
  const c1 = app.add('conversations', { title: 'Fractions' })
  const c2 = app.add('conversations', { title: 'Poems' })
  app.link(c1, 'conversations', 'owner', ada)
  app.link(c2, 'conversations', 'owner', bob)
  const m = (text: string, c: string, createdAt: string | null, votes: number | null, note?: string) => {
    const id = app.add('messages', { text, createdAt, votes, note })
    app.link(id, 'messages', 'conversation', c)
    return id
  }
  const ids = {
    ada,
    bob,
    c1,
    c2,
    m1: m('hello', c1, '2024-01-01T00:00:00.000Z', 3),
    m2: m('Hello there', c1, '2024-01-02T00:00:00.000Z', 1, 'pinned'),
    m3: m('bye', c2, '2024-01-03T00:00:00.000Z', null),
    m4: m('h_llo%', c2, null, 7),
  }
  return { app, ids, store: app.store() }
}

type Row = { id: string; [k: string]: unknown }

/** Runs q on the server, then the client engine over what the server sent; returns top-level ids. */
function shown(fx: ReturnType<typeof chatApp>, q: Record<string, unknown>, etype = 'messages'): string[] {
  const res = runInstaql({ store: fx.store }, q)
  const data = client.run(fx.app.attrs, res.triples, q, res.pageInfo) as Record<string, Row[]>
  return (data[etype] ?? []).map((r) => r.id).sort()
}

const sorted = (...xs: string[]) => [...xs].sort()

describe('where', () => {
  test('an empty query returns every entity of the etype', () => {
    const fx = chatApp()
    const { m1, m2, m3, m4 } = fx.ids
    expect(shown(fx, { messages: {} })).toEqual(sorted(m1, m2, m3, m4))
  })

  test('an unknown etype gives an empty result and no error', () => {
    const fx = chatApp()
    const res = runInstaql({ store: fx.store }, { todos: {} })
    expect(res).toEqual({ triples: [], pageInfo: {} })
  })

  test('an unknown attr in where gives an empty result, like the client', () => {
    const fx = chatApp()
    expect(shown(fx, { messages: { $: { where: { nope: 1 } } } })).toEqual([])
  })

  test('equality on a data attr, on id and on a link label', () => {
    const fx = chatApp()
    const { m1, m2, c1 } = fx.ids
    expect(shown(fx, { messages: { $: { where: { text: 'hello' } } } })).toEqual([m1])
    expect(shown(fx, { messages: { $: { where: { id: m2 } } } })).toEqual([m2])
    expect(shown(fx, { messages: { $: { where: { conversation: c1 } } } })).toEqual(sorted(m1, m2))
  })

  test('a dotted path sends the link triple and the id triple at its end', () => {
    const fx = chatApp()
    const { m1, m2, c1 } = fx.ids
    const q = { messages: { $: { where: { 'conversation.id': c1 } } } }
    const res = runInstaql({ store: fx.store }, q)
    const convAttr = fx.app.attr('messages', 'conversation').id
    const convId = fx.app.attr('conversations', 'id').id
    expect(res.triples).toContainEqual([m1, convAttr, c1, expect.any(Number)])
    expect(res.triples).toContainEqual([c1, convId, c1, expect.any(Number)])
    expect(shown(fx, q)).toEqual(sorted(m1, m2))
  })

  test('paths run any depth, forward and through reverse labels', () => {
    const fx = chatApp()
    const { m1, m2, m3, ada, c1 } = fx.ids
    expect(shown(fx, { messages: { $: { where: { 'conversation.owner.name': 'Ada' } } } })).toEqual(
      sorted(m1, m2),
    )
    expect(shown(fx, { users: { $: { where: { 'conversations.messages.text': 'bye' } } } }, 'users')).toEqual(
      [fx.ids.bob],
    )
    expect(shown(fx, { conversations: { $: { where: { messages: m3 } } } }, 'conversations')).toEqual([
      fx.ids.c2,
    ])
    expect(shown(fx, { users: { $: { where: { conversations: c1 } } } }, 'users')).toEqual([ada])
  })

  test('$in, $ne and $not include entities without the attr', () => {
    const fx = chatApp()
    const { m1, m3, m4 } = fx.ids
    expect(shown(fx, { messages: { $: { where: { text: { $in: ['bye', 'hello'] } } } } })).toEqual(
      sorted(m1, m3),
    )
    expect(shown(fx, { messages: { $: { where: { note: { $ne: 'pinned' } } } } })).toEqual(sorted(m1, m3, m4))
    expect(shown(fx, { messages: { $: { where: { 'conversation.owner.name': { $not: 'Ada' } } } } })).toEqual(
      sorted(m3, m4),
    )
  })

  test('$isNull on attrs, on paths and on links', () => {
    const fx = chatApp()
    const { m1, m2, m3, m4 } = fx.ids
    expect(shown(fx, { messages: { $: { where: { votes: { $isNull: true } } } } })).toEqual([m3])
    expect(shown(fx, { messages: { $: { where: { note: { $isNull: false } } } } })).toEqual([m2])
    expect(
      shown(fx, { messages: { $: { where: { 'conversation.owner.name': { $isNull: false } } } } }),
    ).toEqual(sorted(m1, m2, m3, m4))
    const lonely = fx.app.add('conversations', { title: 'Empty' })
    const fy = { ...fx, store: fx.app.store() }
    expect(
      shown(fy, { conversations: { $: { where: { messages: { $isNull: true } } } } }, 'conversations'),
    ).toEqual([lonely])
    expect(
      shown(fy, { conversations: { $: { where: { messages: { $isNull: false } } } } }, 'conversations'),
    ).toEqual(sorted(fx.ids.c1, fx.ids.c2))
  })

  test('comparisons on numbers and dates (dates compared as times)', () => {
    const fx = chatApp()
    const { m1, m2, m3, m4 } = fx.ids
    expect(shown(fx, { messages: { $: { where: { votes: { $gt: 1 } } } } })).toEqual(sorted(m1, m4))
    expect(shown(fx, { messages: { $: { where: { votes: { $lte: 3 } } } } })).toEqual(sorted(m1, m2, m3))
    expect(
      shown(fx, { messages: { $: { where: { createdAt: { $gte: Date.parse('2024-01-02') } } } } }),
    ).toEqual(sorted(m2, m3))
    // `new Date(null)` is the epoch on the client, so a null date counts as very early.
    expect(shown(fx, { messages: { $: { where: { createdAt: { $lt: '2024-01-02T00:00:00Z' } } } } })).toEqual(
      sorted(m1, m4),
    )
  })

  test('$like and $ilike use SQL wildcards', () => {
    const fx = chatApp()
    const { m1, m2, m4 } = fx.ids
    expect(shown(fx, { messages: { $: { where: { text: { $like: 'h_llo%' } } } } })).toEqual(sorted(m1, m4))
    expect(shown(fx, { messages: { $: { where: { text: { $ilike: 'hello%' } } } } })).toEqual(sorted(m1, m2))
    expect(shown(fx, { messages: { $: { where: { text: { $like: '%o' } } } } })).toEqual([m1])
  })

  test('and/or nest, and each branch joins on its own entities', () => {
    const fx = chatApp()
    const { m1, m2, m3, m4, c1 } = fx.ids
    const q = (where: unknown) => ({ messages: { $: { where } } })
    expect(shown(fx, q({ or: [{ text: 'bye' }, { votes: 7 }] }))).toEqual(sorted(m3, m4))
    expect(shown(fx, q({ and: [{ conversation: c1 }, { or: [{ votes: 1 }, { text: 'bye' }] }] }))).toEqual([
      m2,
    ])
    expect(
      shown(fx, q({ or: [{ and: [{ conversation: c1 }, { votes: { $gt: 2 } }] }, { text: 'bye' }] })),
    ).toEqual(sorted(m1, m3))
    expect(shown(fx, q({ votes: { $gt: 0 }, or: [{ 'conversation.title': 'Poems' }] }))).toEqual([m4])
  })

  test('keys of one where object share their path entities, like the client', () => {
    const fx = chatApp()
    const { c1, c2 } = fx.ids
    // One conversation must have both messages' texts: no conversation does.
    const same = { conversations: { $: { where: { 'messages.text': 'hello', 'messages.votes': 7 } } } }
    expect(shown(fx, same, 'conversations')).toEqual([])
    const apart = {
      conversations: { $: { where: { and: [{ 'messages.text': 'hello' }, { 'messages.votes': 1 }] } } },
    }
    expect(shown(fx, apart, 'conversations')).toEqual([c1])
    expect(c2).toBeDefined()
  })

  test('a map with several operators follows the client precedence ($not beats $in)', () => {
    const fx = chatApp()
    const { m1, m2, m4 } = fx.ids
    expect(shown(fx, { messages: { $: { where: { text: { $in: ['bye'], $not: 'bye' } } } } })).toEqual(
      sorted(m1, m2, m4),
    )
  })

  test('$entityIdStartsWith filters ids on the server (the client ignores the key)', () => {
    const fx = chatApp()
    const { m3 } = fx.ids
    const prefix = m3.slice(0, 8)
    expect(shown(fx, { messages: { $: { where: { $entityIdStartsWith: prefix } } } })).toEqual([m3])
  })
})
