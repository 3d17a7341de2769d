// Rules across clients: a live query refreshes when a write to another etype changes what its user
// may see (a conversation handed to the watcher shows its messages without any message changing), and
// admin queries made as a user (asUser by e-mail or token) see only what that user may see.

import { init as initAdmin } from '@instantdb/admin'
import { i, id } from '@instantdb/core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { authenticated, createEphemeralApp, eventually, startTestServer, type TestServer } from './harness.ts'
import { nodeClient } from './node-client.ts'

const schema = i.schema({
  entities: {
    $users: i.entity({ email: i.string().unique().indexed().optional() }),
    conversations: i.entity({ title: i.string() }),
    messages: i.entity({ text: i.string() }),
  },
  links: {
    conversationOwner: {
      forward: { on: 'conversations', has: 'one', label: 'owner' },
      reverse: { on: '$users', has: 'many', label: 'conversations' },
    },
    messageConversation: {
      forward: { on: 'messages', has: 'one', label: 'conversation' },
      reverse: { on: 'conversations', has: 'many', label: 'messages' },
    },
  },
  rooms: {},
})

const rules = {
  conversations: { allow: { view: "auth.id in data.ref('owner.id')" } },
  messages: { allow: { view: "auth.id in data.ref('conversation.owner.id')" } },
}

let server: TestServer
let app: { id: string; adminToken: string }
beforeAll(async () => {
  server = await startTestServer()
  app = await createEphemeralApp(server.url, {
    schema: JSON.parse(JSON.stringify(schema)),
    rules: { code: rules },
  })
})
afterAll(async () => {
  await server.close()
})

it('shows messages once their conversation is linked to the watching user', async () => {
  const admin = initAdmin({ appId: app.id, adminToken: app.adminToken, apiURI: server.url, schema })
  const watcherToken = await admin.auth.createToken({ email: 'watcher@schule.example' })
  const other = await admin.auth.createToken({ email: 'other@schule.example' })
  const watcherUser = await admin.auth.verifyToken(watcherToken)
  const otherUser = await admin.auth.verifyToken(other)
  const conv = id()
  await admin.transact([
    admin.tx.conversations[conv]!.update({ title: 'Elternbrief' }).link({ owner: otherUser.id }),
    admin.tx.messages[id()]!.update({ text: 'Hallo' }).link({ conversation: conv }),
  ])

  const db = nodeClient({ appId: app.id, url: server.url, schema })
  await db.auth.signInWithToken(watcherToken)
  await authenticated(db)
  let texts: string[] | undefined
  db.subscribeQuery({ messages: {} }, (r) => {
    if (r.data) texts = r.data.messages.map((m) => m.text)
  })
  await eventually(() => (texts ? true : undefined))
  expect(texts).toEqual([])

  await admin.transact(admin.tx.conversations[conv]!.link({ owner: watcherUser.id }))
  await eventually(() => (texts?.length ? true : undefined))
  expect(texts).toEqual(['Hallo'])
  db.shutdown()
})

it('applies the rules to admin queries made as a user, by e-mail or by token', async () => {
  const admin = initAdmin({ appId: app.id, adminToken: app.adminToken, apiURI: server.url, schema })
  const ownerToken = await admin.auth.createToken({ email: 'owner@schule.example' })
  const owner = await admin.auth.verifyToken(ownerToken)
  const conv = id()
  await admin.transact(
    admin.tx.conversations[conv]!.update({ title: 'Nur für mich' }).link({ owner: owner.id }),
  )

  const asOwner = await admin.asUser({ email: 'owner@schule.example' }).query({ conversations: {} })
  expect(asOwner.conversations.map((c) => c.title)).toEqual(['Nur für mich'])
  const byToken = await admin
    .asUser({ token: ownerToken })
    .query({ conversations: { $: { where: { id: conv } } } })
  expect(byToken.conversations).toHaveLength(1)
  const strangerToken = await admin.auth.createToken({ email: 'stranger@schule.example' })
  const asStranger = await admin
    .asUser({ token: strangerToken })
    .query({ conversations: { $: { where: { id: conv } } } })
  expect(asStranger.conversations).toEqual([])
  const asAdmin = await admin.query({ conversations: { $: { where: { id: conv } } } })
  expect(asAdmin.conversations).toHaveLength(1)
})
