// Conformance: the unmodified @instantdb/core client in Node against a running local server on
// real SQLite — init, queries, transactions, real-time refresh between clients, errors, SSE.

import { type InstantCoreDatabase, i, id } from '@instantdb/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { authenticated, createEphemeralApp, eventually, startTestServer, type TestServer } from './harness.ts'
import { nodeClient } from './node-client.ts'

const schema = i.schema({
  entities: {
    conversations: i.entity({ title: i.string(), updatedAt: i.date().indexed() }),
    messages: i.entity({ text: i.string(), createdAt: i.date().indexed(), n: i.number().indexed() }),
  },
  links: {
    messageConversation: {
      forward: { on: 'messages', has: 'one', label: 'conversation', onDelete: 'cascade' },
      reverse: { on: 'conversations', has: 'many', label: 'messages' },
    },
  },
  rooms: {},
})

type Db = InstantCoreDatabase<typeof schema, false>
let server: TestServer
let appId: string

beforeAll(async () => {
  server = await startTestServer()
  appId = (await createEphemeralApp(server.url, { schema: JSON.parse(JSON.stringify(schema)) })).id
})
afterAll(async () => {
  await server.close()
})

/** A client that is connected, so a transact is sent rather than only enqueued. */
async function client(transport: 'ws' | 'sse' = 'ws'): Promise<Db> {
  const db = nodeClient({ appId, url: server.url, schema, transport })
  await authenticated(db)
  return db
}

/** Keeps the latest result a subscription delivered. */
function watch<R>(subscribe: (cb: (r: R) => void) => () => void) {
  let latest: R | undefined
  const unsubscribe = subscribe((r) => {
    latest = r
  })
  return { get: () => latest, unsubscribe }
}

describe('core client against the local server', () => {
  it('connects and reaches the authenticated state', async () => {
    const db = await client()
    expect(db._reactor.status).toBe('authenticated')
    db.shutdown()
  })

  it('writes a conversation with messages and reads them back with a link where', async () => {
    const db = await client()
    const convId = id()
    await db.transact([
      db.tx.conversations[convId]!.update({ title: 'Bruchrechnung', updatedAt: Date.now() }),
      ...[1, 2, 3].map((n) =>
        db.tx.messages[id()]!.update({ text: `m${n}`, createdAt: 1_700_000_000_000 + n, n }).link({
          conversation: convId,
        }),
      ),
    ])
    const { data } = await db.queryOnce({
      messages: { $: { where: { 'conversation.id': convId }, order: { createdAt: 'desc' } } },
    })
    expect(data.messages.map((m) => m.text)).toEqual(['m3', 'm2', 'm1'])
    db.shutdown()
  })

  it('pushes a refresh to a second client when the first one writes', async () => {
    const a = await client()
    const b = await client()
    const convId = id()
    const sub = watch((cb: (r: { data?: { conversations: { title: string }[] } }) => void) =>
      b.subscribeQuery({ conversations: { $: { where: { id: convId } } } }, cb),
    )
    await eventually(() => (sub.get()?.data ? true : undefined))
    expect(sub.get()?.data?.conversations).toEqual([])
    await a.transact(a.tx.conversations[convId]!.update({ title: 'Live', updatedAt: Date.now() }))
    const titles = await eventually(() => {
      const c = sub.get()?.data?.conversations
      return c?.length ? c.map((x) => x.title) : undefined
    })
    expect(titles).toEqual(['Live'])
    sub.unsubscribe()
    a.shutdown()
    b.shutdown()
  })

  it('rejects a transaction with a wrong value type and rolls it back', async () => {
    // Without a schema the client does not validate types itself, so the server must.
    const db = nodeClient({ appId, url: server.url })
    await authenticated(db)
    const messageId = id()
    const bad = db.transact(db.tx.messages![messageId]!.update({ text: 42, createdAt: Date.now(), n: 1 }))
    await expect(bad).rejects.toThrow(/Invalid value type for messages.text/)
    const { data } = await db.queryOnce({ messages: { $: { where: { id: messageId } } } })
    expect(data.messages).toEqual([])
    db.shutdown()
  })

  it('returns page info for cursor pages', async () => {
    const db = await client()
    const convId = id()
    await db.transact([
      db.tx.conversations[convId]!.update({ title: 'Seiten', updatedAt: Date.now() }),
      ...Array.from({ length: 5 }, (_, k) =>
        db.tx.messages[id()]!.update({ text: `p${k}`, createdAt: 1_700_000_100_000 + k, n: k }).link({
          conversation: convId,
        }),
      ),
    ])
    const first = await db.queryOnce({
      messages: { $: { where: { 'conversation.id': convId }, order: { createdAt: 'desc' }, first: 2 } },
    })
    expect(first.data.messages.map((m) => m.text)).toEqual(['p4', 'p3'])
    expect(first.pageInfo, JSON.stringify(first.pageInfo)).toBeDefined()
    expect(first.pageInfo?.messages?.hasNextPage, JSON.stringify(first.pageInfo)).toBe(true)
    const second = await db.queryOnce({
      messages: {
        $: {
          where: { 'conversation.id': convId },
          order: { createdAt: 'desc' },
          first: 2,
          after: first.pageInfo!.messages!.endCursor,
        },
      },
    })
    expect(second.data.messages.map((m) => m.text)).toEqual(['p2', 'p1'])
    expect(second.pageInfo?.messages?.hasPreviousPage).toBe(true)
    db.shutdown()
  })

  it('works over the SSE transport', async () => {
    const db = await client('sse')
    const convId = id()
    await db.transact(db.tx.conversations[convId]!.update({ title: 'per SSE', updatedAt: Date.now() }))
    const { data } = await db.queryOnce({ conversations: { $: { where: { id: convId } } } })
    expect(data.conversations.map((c) => c.title)).toEqual(['per SSE'])
    db.shutdown()
  })
})
