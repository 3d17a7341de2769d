// A reply's tokens reach the browser through the reply's Instant stream, not through durable writes:
// the worker on its own stack (E2E_PORT + 4) writes the text durably only at the end (and perhaps
// once for the first words, when the stream opened late), so text beyond that seen while the model
// holds at a gate came through the stream. Also on a second tab, and again after a reload.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, expect } from '@playwright/test'
import { type ScriptedModel, startScriptedModel } from '../server/assistant/testing/scripted-model.ts'
import { startServerProcess } from '../server/instant/conformance/server-process.ts'
import { LOCAL_APP_ID } from '../server/instant/local-app.ts'
import { ChatPage } from './pages/chat-page.ts'
import { ConversationList } from './pages/conversation-list.ts'

interface StreamStack {
  url: string
  model: ScriptedModel
  adminToken: string
}

/** Durable writes this far apart never happen while a test runs: only the first words and the end. */
const NEVER_MS = '600000'

const test = base.extend<{ model: ScriptedModel }, { stack: StreamStack }>({
  // Above the ports assistant.spec.ts takes (E2E_PORT + 1 + its parallel index).
  stack: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from it
    async ({}, use, workerInfo) => {
      const port = Number(process.env.E2E_PORT ?? 4310) + 4 + workerInfo.parallelIndex
      const model = await startScriptedModel()
      const dataDir = mkdtempSync(join(tmpdir(), 'eduhu-e2e-stream-'))
      try {
        const stack = await startServerProcess(dataDir, port, {
          entry: 'stack',
          env: {
            ASSISTANT_API_URL: model.url,
            ASSISTANT_MODEL: 'scripted-model',
            ASSISTANT_API_KEY: 'sk-e2e',
            ASSISTANT_FLUSH_MS: NEVER_MS,
            ASSISTANT_STREAM_FLUSH_MS: NEVER_MS,
            ASSISTANT_RETRY_DELAY_MS: '10',
            INSTANT_LOCAL_LOG: 'error',
          },
        })
        try {
          const adminToken = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim()
          await use({ url: stack.url, model, adminToken })
        } finally {
          await stack.kill('SIGTERM')
        }
      } finally {
        await model.close()
        rmSync(dataDir, { recursive: true, force: true })
      }
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  baseURL: async ({ stack }, use) => use(stack.url),
  model: async ({ stack }, use) => {
    await use(stack.model)
    stack.model.reset()
  },
})

test.use({ serviceWorkers: 'block' })

const DELTAS = ['Erster Satz. ', 'Zweiter Satz. ', 'Dritter Satz.']

test('the reply streams in through its stream on two tabs, and after a reload the text so far is back', async ({
  page,
  context,
  model,
  stack,
}) => {
  const [run] = model.queue({ deltas: DELTAS, gates: { held: 2 } })
  const chat = new ChatPage(page)
  const id = await new ConversationList(page).createChat()
  const other = new ChatPage(await context.newPage())
  await other.open(id)

  await chat.sendPrompt('Schreib drei Sätze')
  const reply = page.locator('[data-testid="message"][data-role="assistant"]')
  const otherReply = other.page.locator('[data-testid="message"][data-role="assistant"]')
  await run!.reached('held')
  for (const r of [reply, otherReply]) {
    await expect(r).toContainText('Erster Satz. Zweiter Satz.')
    await expect(r).toHaveAttribute('data-status', 'streaming')
  }
  // The second sentence is not in the database: it came through the stream.
  const stored = await page.request.post('/admin/query', {
    headers: { authorization: `Bearer ${stack.adminToken}`, 'app-id': LOCAL_APP_ID },
    data: { query: { messages: { $: { where: { role: 'assistant', 'conversation.id': id } } } } },
  })
  expect(stored.status(), await stored.text()).toBe(200)
  const rows = (await stored.json()).messages as { text: string; status: string }[]
  expect(rows).toHaveLength(1)
  expect(rows[0]!.status).toBe('streaming')
  expect(rows[0]!.text).not.toContain('Zweiter')

  // A reload while the model still holds: the text so far comes back from the stream.
  await page.reload()
  await expect(reply).toContainText('Erster Satz. Zweiter Satz.')
  await expect(reply).toHaveAttribute('data-status', 'streaming')

  run!.release('held')
  for (const r of [reply, otherReply]) {
    await expect(r).toHaveAttribute('data-status', 'done')
    await expect(r).toContainText('Erster Satz. Zweiter Satz. Dritter Satz.')
  }
  for (const tab of [chat, other]) {
    await expect(tab.announcer).toContainText('Neue Antwort der Assistenz')
    expect((await tab.announcer.textContent())?.match(/Neue Antwort der Assistenz/g)).toHaveLength(1)
  }
})

test('a reply keeps streaming in after the connection dropped and came back', async ({
  page,
  context,
  model,
}) => {
  const [run] = model.queue({ deltas: DELTAS, gates: { one: 1, two: 2 } })
  const chat = new ChatPage(page)
  await new ConversationList(page).createChat()
  await chat.sendPrompt('Schreib drei Sätze')
  const reply = page.locator('[data-testid="message"][data-role="assistant"]')
  await run!.reached('one')
  await expect(reply).toContainText('Erster Satz.')
  // The second sentence goes out while the school Wi-Fi is down; the model then holds again.
  const connection = page.getByTestId('connection')
  await context.setOffline(true)
  await expect(connection).toHaveAttribute('title', 'Keine Verbindung zum Server')
  run!.release('one')
  await run!.reached('two')
  await context.setOffline(false)
  await expect(connection).toHaveAttribute('title', 'Verbunden')
  // Nothing durable carries it (no write until the end): the stream was read again where it stopped.
  await expect(reply).toContainText('Erster Satz. Zweiter Satz.')
  await expect(reply).toHaveAttribute('data-status', 'streaming')
  run!.release('two')
  await expect(reply).toHaveAttribute('data-status', 'done')
  await expect(reply).toContainText('Erster Satz. Zweiter Satz. Dritter Satz.')
  await expect(reply).not.toContainText('Zweiter Satz. Zweiter Satz.')
})
