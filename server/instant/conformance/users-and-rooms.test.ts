// Auth lifecycle, admin user management and rooms with the unmodified clients: sign-out revokes the
// token, admin user lookup/deletion cascades, wrong admin tokens get 401/403, and presence/broadcast
// reach the other members of a room (typing indicators).

import { init as initAdmin } from '@instantdb/admin'
import { i, id } from '@instantdb/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { authenticated, createEphemeralApp, eventually, startTestServer, type TestServer } from './harness.ts'
import { nodeClient } from './node-client.ts'

const schema = i.schema({
  entities: {
    $users: i.entity({ email: i.string().unique().indexed().optional() }),
    notes: i.entity({ text: i.string() }),
  },
  links: {
    noteOwner: {
      forward: { on: 'notes', has: 'one', label: 'owner', onDelete: 'cascade' },
      reverse: { on: '$users', has: 'many', label: 'notes' },
    },
  },
  rooms: {
    chat: { presence: i.entity({ typing: i.boolean() }), topics: { ping: i.entity({ n: i.number() }) } },
  },
})

let server: TestServer
let app: { id: string; adminToken: string }
beforeAll(async () => {
  server = await startTestServer()
  app = await createEphemeralApp(server.url, { schema: JSON.parse(JSON.stringify(schema)) })
})
afterAll(async () => {
  await server.close()
})

const admin = () => initAdmin({ appId: app.id, adminToken: app.adminToken, apiURI: server.url, schema })

describe('auth lifecycle', () => {
  it('revokes a refresh token on sign-out', async () => {
    const db = nodeClient({ appId: app.id, url: server.url, schema })
    const { user } = await db.auth.signInAsGuest()
    expect(user.isGuest).toBe(true)
    await expect(admin().auth.verifyToken(user.refresh_token)).resolves.toMatchObject({ id: user.id })
    await db.auth.signOut()
    // The client sends the sign-out without waiting for the answer; poll until the token is gone.
    let revoked = false
    const deadline = Date.now() + 20_000
    while (!revoked && Date.now() < deadline) {
      revoked = await admin()
        .auth.verifyToken(user.refresh_token)
        .then(
          () => false,
          () => true,
        )
      if (!revoked) await new Promise((r) => setTimeout(r, 20))
    }
    expect(revoked).toBe(true)
    db.shutdown()
  })

  it('finds a user by email and deletes them with everything that cascades', async () => {
    const db = admin()
    const token = await db.auth.createToken({ email: 'delete.me@schule.example' })
    const user = await db.auth.getUser({ email: 'delete.me@schule.example' })
    if (!user) throw new Error('the user created by createToken was not found')
    expect(user.email).toBe('delete.me@schule.example')
    const note = id()
    await db.transact(db.tx.notes[note]!.update({ text: 'Klassenfahrt' }).link({ owner: user.id }))
    await db.auth.deleteUser({ id: user.id })
    const { notes } = await db.query({ notes: { $: { where: { id: note } } } })
    expect(notes).toEqual([])
    await expect(db.auth.verifyToken(token)).rejects.toThrow()
  })

  it('answers a missing admin token with 401 and a wrong one with 403, each with a clear message', async () => {
    const post = (auth?: string) =>
      fetch(`${server.url}/admin/query?app_id=${app.id}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'app-id': app.id,
          ...(auth ? { authorization: auth } : {}),
        },
        body: JSON.stringify({ query: { notes: {} } }),
      })
    const missing = await post()
    expect(missing.status).toBe(401)
    expect((await missing.json()).message).toMatch(/admin token/i)
    const wrong = await post(`Bearer ${id()}`)
    expect(wrong.status).toBe(403)
    expect((await wrong.json()).message).toMatch(/not valid/i)
  })
})

describe('rooms', () => {
  it('shares presence and broadcasts between two clients in a room', async () => {
    const a = nodeClient({ appId: app.id, url: server.url, schema })
    const b = nodeClient({ appId: app.id, url: server.url, schema })
    await Promise.all([authenticated(a), authenticated(b)])
    const roomA = a.joinRoom('chat', 'conversation-1')
    const roomB = b.joinRoom('chat', 'conversation-1')
    let peersSeenByB: { typing?: boolean }[] = []
    roomB.subscribePresence({}, (p) => {
      peersSeenByB = Object.values(p.peers ?? {})
    })
    const pings: number[] = []
    roomB.subscribeTopic('ping', (data) => pings.push(data.n))
    roomA.publishPresence({ typing: true })
    await eventually(() => (peersSeenByB.some((p) => p.typing === true) ? true : undefined))
    roomA.publishTopic('ping', { n: 7 })
    await eventually(() => (pings.includes(7) ? true : undefined))
    roomA.leaveRoom()
    await eventually(() => (peersSeenByB.length === 0 ? true : undefined))
    a.shutdown()
    b.shutdown()
  })
})
