// The open-chat bench compares a 10^5-message chat written into SQLite with chats seeded through the
// admin API: the SQLite chat must read back (through the real server) exactly as such a chat would,
// texts and times alike, so the two differ only in length.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { init } from '@instantdb/admin'
import { afterAll, describe, expect, it } from 'vitest'
import {
  freePort,
  type ServerProcess,
  startServerProcess,
} from '../server/instant/conformance/server-process.ts'
import { LOCAL_APP_ID } from '../server/instant/local-app.ts'
import { chatHistory } from './browser-harness.ts'
import { ChatSeeder } from './seed-chats.ts'

const dir = mkdtempSync(join(tmpdir(), 'seed-chats-test-'))
let server: ServerProcess | undefined

afterAll(async () => {
  await server?.kill('SIGTERM')
  rmSync(dir, { recursive: true, force: true })
})

describe('ChatSeeder like an admin-seeded chat', () => {
  it('writes chatHistory texts, one message a minute up to the end, with updatedAt', async () => {
    const port = await freePort()
    await (await startServerProcess(dir, port)).kill('SIGTERM')
    const seeder = new ChatSeeder(dir)
    const owner = seeder.teacher('like@schule.example')
    const count = 40
    const endAt = Date.UTC(2026, 11, 5, 8, 0)
    const startAt = endAt - count * 60_000
    const conversation = seeder.conversation(owner, { createdAt: startAt, title: 'Chat mit 40 Nachrichten' })
    const history = chatHistory(count)
    const seeded = seeder.messages(conversation, count, { text: (i) => history[i]!.text, startAt })
    seeder.close()

    server = await startServerProcess(dir, port)
    const adminToken = readFileSync(join(dir, 'admin-token'), 'utf8').trim()
    const db = init({ appId: LOCAL_APP_ID, adminToken, apiURI: server.url })
    const { conversations, messages } = await db.query({
      conversations: { $: { where: { id: conversation } } },
      messages: { $: { where: { 'conversation.id': conversation }, order: { createdAt: 'asc' } } },
    })
    expect(conversations[0]).toMatchObject({ title: 'Chat mit 40 Nachrichten', updatedAt: startAt })
    expect(messages.map((m) => m.id)).toEqual(seeded.map((m) => m.id))
    expect(messages.map((m) => ({ role: m.role, text: m.text }))).toEqual(
      history.map((h) => ({ role: h.role, text: h.text })),
    )
    messages.forEach((m, i) => {
      expect(new Date(m.createdAt).getTime()).toBe(startAt + i * 60_000)
      expect(m.updatedAt).toBe(m.createdAt)
    })
    // The newest message ends a minute before endAt, as seedChat's conversationSteps does.
    expect(new Date(messages.at(-1)!.createdAt).getTime()).toBe(endAt - 60_000)
  })
})
