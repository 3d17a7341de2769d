// A guest who signs in to an existing account with an e-mailed code: the server links the guest to
// the account, the project's rules (instant.perms.ts) then let the account — and only it — see and
// move what the guest made, exactly as the app's guest adoption does. Real clients, real rules.

import { id } from '@instantdb/core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import schema from '../../../instant.schema.ts'
import { LOCAL_APP_ID } from '../local-app.ts'
import { authenticated, startTestServer, type TestServer } from './harness.ts'
import { nodeClient } from './node-client.ts'
import {
  type ProjectDb,
  projectAdminToken,
  projectServer,
  refreshTokenFor,
  signedInClient,
} from './project-users.ts'

let server: TestServer
let account: ProjectDb
let accountId: string
let other: ProjectDb
let guest: ProjectDb
let guestId: string
let guestToken: string
const EMAIL = 'konto@schule.de'
const accountChat = id()
const guestChat = id()
const guestMessage = id()

async function magicCode(email: string): Promise<string> {
  const res = await fetch(`${server.url}/admin/magic_code`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'app-id': LOCAL_APP_ID,
      authorization: `Bearer ${projectAdminToken(server)}`,
    },
    body: JSON.stringify({ email }),
  })
  return ((await res.json()) as { code: string }).code
}

function newChat(db: ProjectDb, chatId: string, ownerId: string, title: string) {
  const now = Date.now()
  return db.tx.conversations[chatId]!.update({
    title,
    createdAt: now,
    updatedAt: now,
    pinned: false,
    archived: false,
  }).link({
    owner: ownerId,
  })
}

const titles = (rows: { title: string }[]) => rows.map((r) => r.title).sort()

beforeAll(async () => {
  server = await startTestServer(undefined, { projectApp: true })
  const accountToken = await refreshTokenFor(projectServer(server), EMAIL)
  account = await signedInClient(server, accountToken)
  accountId = (await account.getAuth())!.id
  await account.transact(newChat(account, accountChat, accountId, 'Alt: Bruchrechnung'))
  other = await signedInClient(server, await refreshTokenFor(projectServer(server), 'andere@schule.de'))

  // A new device: the app starts as a guest, and the guest writes a chat.
  guest = nodeClient({ appId: LOCAL_APP_ID, url: server.url, schema })
  const started = await guest.auth.signInAsGuest()
  guestId = started.user.id
  guestToken = started.user.refresh_token
  await authenticated(guest)
  const now = Date.now()
  await guest.transact([
    newChat(guest, guestChat, guestId, 'Neu: Photosynthese'),
    guest.tx.messages[guestMessage]!.update({
      role: 'user',
      text: 'Hallo',
      status: 'done',
      createdAt: now,
    }).link({
      conversation: guestChat,
    }),
  ])
}, 30_000)

afterAll(async () => {
  for (const db of [account, other, guest]) db.shutdown()
  await server.close()
})

describe('signing in to an existing account from a guest', () => {
  test('signs in as the account and links the guest to it', async () => {
    await guest.auth.sendMagicCode({ email: EMAIL })
    const { user } = await guest.auth.signInWithMagicCode({ email: EMAIL, code: await magicCode(EMAIL) })
    expect(user.id).toBe(accountId)
    const { data } = await account.queryOnce({ $users: { $: { where: { linkedPrimaryUser: accountId } } } })
    expect(data.$users.map((u) => u.id)).toEqual([guestId])
  })

  test("the account sees the guest's chat and its messages; nobody else does", async () => {
    const merged = {
      conversations: { $: { where: { 'owner.linkedPrimaryUser.id': accountId } }, messages: {} },
    }
    const { data } = await account.queryOnce(merged)
    expect(titles(data.conversations)).toEqual(['Neu: Photosynthese'])
    expect(data.conversations[0]!.messages.map((m) => m.id)).toEqual([guestMessage])
    const byOther = await other.queryOnce({ conversations: { $: { where: { id: guestChat } } } })
    expect(byOther.data.conversations).toEqual([])
    const otherMerged = await other.queryOnce({
      conversations: { $: { where: { 'owner.linkedPrimaryUser.id': accountId } } },
    })
    expect(otherMerged.data.conversations).toEqual([])
  })

  test("the guest's old token does not open the account's chats", async () => {
    const stale = await signedInClient(server, guestToken)
    try {
      const { data } = await stale.queryOnce({ conversations: {} })
      expect(titles(data.conversations)).toEqual(['Neu: Photosynthese'])
    } finally {
      stale.shutdown()
    }
  })

  test('the account moves the chat to itself; it is then an ordinary chat of the account', async () => {
    await account.transact(
      account.tx.conversations[guestChat]!.unlink({ owner: guestId }).link({ owner: accountId }),
    )
    const { data } = await account.queryOnce({
      conversations: { $: { where: { 'owner.id': accountId } }, messages: {} },
    })
    expect(titles(data.conversations)).toEqual(['Alt: Bruchrechnung', 'Neu: Photosynthese'])
    const moved = data.conversations.find((c) => c.id === guestChat)!
    expect(moved.messages.map((m) => m.id)).toEqual([guestMessage])
    const left = await account.queryOnce({
      conversations: { $: { where: { 'owner.linkedPrimaryUser.id': accountId } } },
    })
    expect(left.data.conversations).toEqual([])
  })

  test('nobody can link a guest to an account, or an account to a guest, from a client', async () => {
    const intruder = nodeClient({ appId: LOCAL_APP_ID, url: server.url, schema })
    try {
      const { user } = await intruder.auth.signInAsGuest()
      await authenticated(intruder)
      // Claiming the account as its primary would show the intruder's data to the account…
      await expect(
        intruder.transact(intruder.tx.$users[user.id]!.link({ linkedPrimaryUser: accountId })),
      ).rejects.toThrow(/Permission denied|system attribute/i)
      // …and making itself the account's primary would show the account's data to the intruder.
      await expect(
        intruder.transact(intruder.tx.$users[accountId]!.link({ linkedPrimaryUser: user.id })),
      ).rejects.toThrow(/Permission denied|system attribute/i)
      const { data } = await intruder.queryOnce({ conversations: {} })
      expect(data.conversations).toEqual([])
      const links = await account.queryOnce({ $users: { $: { where: { linkedPrimaryUser: accountId } } } })
      expect(links.data.$users.map((u) => u.id)).toEqual([guestId])
    } finally {
      intruder.shutdown()
    }
  })
})
