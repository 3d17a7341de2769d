// Conformance: the unmodified @instantdb/admin client against a running local server on real
// SQLite — db.query's object tree (with and without a schema's cardinality inference) and
// subscribeQuery's tree with page-info, shaped like the real server's instaql-nodes->object-tree.

import { i, id, init } from '@instantdb/admin'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEphemeralApp, eventually, startTestServer, type TestServer } from './harness.ts'

const schema = i.schema({
  entities: {
    conversations: i.entity({ title: i.string() }),
    messages: i.entity({ text: i.string(), n: i.number().indexed() }),
    settings: i.entity({ theme: i.string() }),
  },
  links: {
    messageConversation: {
      forward: { on: 'messages', has: 'one', label: 'conversation' },
      reverse: { on: 'conversations', has: 'many', label: 'messages' },
    },
    conversationSettings: {
      forward: { on: 'conversations', has: 'one', label: 'settings' },
      reverse: { on: 'settings', has: 'one', label: 'conversation' },
    },
  },
  rooms: {},
})

let server: TestServer
let app: { id: string; adminToken: string }
const conv = id()
const other = id()
const theme = id()
const [m1, m2, m3, lonely] = [id(), id(), id(), id()]

/** The admin client with the schema: it asks for cardinality inference. */
function typed() {
  return init({ appId: app.id, adminToken: app.adminToken, apiURI: server.url, schema })
}

/** The admin client without a schema: no inference, every link an array. */
function untyped() {
  return init({ appId: app.id, adminToken: app.adminToken, apiURI: server.url })
}

beforeAll(async () => {
  server = await startTestServer()
  app = await createEphemeralApp(server.url, { schema: JSON.parse(JSON.stringify(schema)) })
  const db = typed()
  await db.transact([
    db.tx.conversations[conv]!.update({ title: 'Algebra' }),
    db.tx.conversations[other]!.update({ title: 'Empty' }),
    db.tx.settings[theme]!.update({ theme: 'dark' }).link({ conversation: conv }),
    ...[m1, m2, m3].map((m, k) =>
      db.tx.messages[m]!.update({ text: `m${k + 1}`, n: k + 1 }).link({ conversation: conv }),
    ),
    db.tx.messages[lonely]!.update({ text: 'lonely', n: 0 }),
  ])
})
afterAll(async () => {
  await server.close()
})

describe('admin SDK query results', () => {
  it('db.query returns the nested object tree, children filtered and ordered', async () => {
    const data = await untyped().query({
      conversations: {
        $: { where: { title: 'Algebra' } },
        messages: { $: { where: { n: { $gte: 2 } }, order: { n: 'desc' } } },
      },
    })
    expect(data).toEqual({
      conversations: [
        {
          id: conv,
          title: 'Algebra',
          // Like the real server, a has-one link id is a key on the forward side.
          settings: theme,
          messages: [
            { id: m3, text: 'm3', n: 3, conversation: conv },
            { id: m2, text: 'm2', n: 2, conversation: conv },
          ],
        },
      ],
    })
  })

  it('with a schema, has-one links are objects (null when missing), has-many stay arrays', async () => {
    const data = await typed().query({
      messages: { $: { order: { n: 'asc' }, fields: ['text'] }, conversation: { $: { fields: ['title'] } } },
      settings: { conversation: { $: { fields: ['title'] } } },
    })
    expect(data.messages).toEqual([
      { id: lonely, text: 'lonely', conversation: null },
      { id: m1, text: 'm1', conversation: { id: conv, title: 'Algebra' } },
      { id: m2, text: 'm2', conversation: { id: conv, title: 'Algebra' } },
      { id: m3, text: 'm3', conversation: { id: conv, title: 'Algebra' } },
    ])
    expect(data.settings).toEqual([
      { id: theme, theme: 'dark', conversation: { id: conv, title: 'Algebra' } },
    ])
  })

  it('without a schema every link is an array', async () => {
    const data = await untyped().query({ settings: { conversation: { $: { fields: ['title'] } } } })
    expect(data).toEqual({
      settings: [{ id: theme, theme: 'dark', conversation: [{ id: conv, title: 'Algebra' }] }],
    })
  })

  it('pages the top level exactly and ignores child limits, like the real server', async () => {
    const data = await typed().query({
      messages: { $: { order: { n: 'desc' }, last: 2, fields: ['n'] } },
      conversations: {
        $: { where: { id: conv }, fields: ['title'] },
        messages: { $: { limit: 1, fields: ['n'] } },
      },
    })
    expect(data.messages).toEqual([
      { id: m1, n: 1 },
      { id: lonely, n: 0 },
    ])
    // All three, not one (they share a serverCreatedAt, so their order is by id).
    expect(data.conversations[0]?.messages.map((m) => m.n).sort()).toEqual([1, 2, 3])
  })

  it('rejects an invalid query with the validation error', async () => {
    const db = init({ appId: app.id, adminToken: app.adminToken, apiURI: server.url })
    await expect(db.query({ conversations: { $: { order: { title: 'asc' } } } })).rejects.toMatchObject({
      status: 400,
      body: { type: 'validation-failed' },
    })
  })

  it('as a user, rules hide entities at every level of the tree', async () => {
    const rules = { messages: { allow: { view: 'data.n > 1' } }, settings: { allow: { view: 'false' } } }
    const ruled = await createEphemeralApp(server.url, {
      schema: JSON.parse(JSON.stringify(schema)),
      rules: { code: rules },
    })
    const db = init({ appId: ruled.id, adminToken: ruled.adminToken, apiURI: server.url, schema })
    await db.transact([
      db.tx.conversations[conv]!.update({ title: 'Algebra' }),
      db.tx.settings[theme]!.update({ theme: 'dark' }).link({ conversation: conv }),
      ...[m1, m2].map((m, k) =>
        db.tx.messages[m]!.update({ text: `m${k + 1}`, n: k + 1 }).link({ conversation: conv }),
      ),
    ])
    const read = (as: typeof db | ReturnType<typeof db.asUser>) =>
      as.query({
        conversations: { $: { fields: ['title'] }, settings: {}, messages: { $: { fields: ['n'] } } },
      })
    expect(await read(db.asUser({ guest: true }))).toEqual({
      conversations: [{ id: conv, title: 'Algebra', settings: null, messages: [{ id: m2, n: 2 }] }],
    })
    // The admin itself bypasses the rules.
    expect((await read(db)).conversations[0]?.messages).toHaveLength(2)
  })

  it('subscribeQuery delivers the tree with page-info, then refreshes it', async () => {
    const db = typed()
    const payloads: { data: unknown; pageInfo: unknown }[] = []
    const sub = db.subscribeQuery(
      { messages: { $: { order: { n: 'desc' }, limit: 2, fields: ['n'] } } },
      (p) => {
        if (p.type === 'ok') payloads.push({ data: p.data, pageInfo: p.pageInfo })
      },
    )
    try {
      const first = await eventually(() => payloads[0])
      expect(first.data).toEqual({
        messages: [
          { id: m3, n: 3 },
          { id: m2, n: 2 },
        ],
      })
      expect(first.pageInfo).toMatchObject({ messages: { hasNextPage: true, hasPreviousPage: false } })
      const m4 = id()
      await db.transact(db.tx.messages[m4]!.update({ text: 'm4', n: 4 }))
      const next = await eventually(() => payloads.find((p) => JSON.stringify(p.data).includes(m4)))
      expect(next.data).toEqual({
        messages: [
          { id: m4, n: 4 },
          { id: m3, n: 3 },
        ],
      })
      await db.transact(db.tx.messages[m4]!.delete())
    } finally {
      sub.close()
    }
  })
})
