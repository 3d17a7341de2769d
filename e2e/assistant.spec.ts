// The whole stack as `npm start` runs it with a model configured: the built app, the local Instant
// server and the assistant worker, answering from a scripted OpenAI-compatible model. Runs its own
// stack process (next port up), so the other specs keep writing replies themselves. The model holds
// its stream at named gates, so each state is observed while it holds, on a fast or a slow machine;
// the tests do not depend on each other (one failure reports one failure).

import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, expect } from '@playwright/test'
import { type ScriptedModel, startScriptedModel } from '../server/assistant/testing/scripted-model.ts'
import { startServerProcess } from '../server/instant/conformance/server-process.ts'
import { LOCAL_APP_ID } from '../server/instant/local-app.ts'
import { ChatPage } from './pages/chat-page.ts'
import { ConversationList } from './pages/conversation-list.ts'

interface AssistantStack {
  url: string
  model: ScriptedModel
  adminToken: string
}

const test = base.extend<{ model: ScriptedModel }, { assistant: AssistantStack }>({
  // One stack per worker (a fresh one after a failure): the next port up, one more per parallel worker.
  assistant: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from it
    async ({}, use, workerInfo) => {
      const port = Number(process.env.E2E_PORT ?? 4310) + 1 + workerInfo.parallelIndex
      const model = await startScriptedModel()
      const dataDir = mkdtempSync(join(tmpdir(), 'eduhu-e2e-assistant-'))
      try {
        const stack = await startServerProcess(dataDir, port, {
          entry: 'stack',
          env: {
            ASSISTANT_API_URL: model.url,
            ASSISTANT_MODEL: 'scripted-model',
            ASSISTANT_API_KEY: 'sk-e2e',
            ASSISTANT_FLUSH_MS: '50',
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
    // Starting a stack (compiling it on the fly) is slow on a busy machine; waiting for it is no race.
    { scope: 'worker', timeout: 180_000 },
  ],
  baseURL: async ({ assistant }, use) => use(assistant.url),
  // Scripts a test did not use must not answer the next one.
  model: async ({ assistant }, use) => {
    await use(assistant.model)
    assistant.model.reset()
  },
})

test.use({ serviceWorkers: 'block' })

const TABLE_REPLY = [
  'Hier ist dein Plan:\n\n',
  '| Phase | Minuten |\n',
  '|---|---|\n',
  '| Einstieg | 10 |\n',
  '| Erarbeitung | 25 |\n',
  '\nViel Erfolg!',
]

test('a prompt is answered: the reply streams in on two tabs, renders Markdown and is announced once', async ({
  page,
  context,
  model,
}) => {
  const [run] = model.queue({
    deltas: TABLE_REPLY,
    gates: { 'first-words': 1, 'all-text': TABLE_REPLY.length },
  })
  const chat = new ChatPage(page)
  const id = await new ConversationList(page).createChat()
  // A second tab of the same teacher, as a phone would show the same chat.
  const other = new ChatPage(await context.newPage())
  await other.open(id)

  await chat.sendPrompt('Plane eine Doppelstunde zur Photosynthese')
  const reply = page.locator('[data-testid="message"][data-role="assistant"]')
  const otherReply = other.page.locator('[data-testid="message"][data-role="assistant"]')
  // The model holds after its first words: both tabs show them streaming in.
  await run!.reached('first-words')
  for (const r of [reply, otherReply]) {
    await expect(r).toContainText('Hier ist dein Plan:')
    await expect(r).toHaveAttribute('data-status', 'streaming')
    await expect(r.getByTestId('message-status')).toHaveText('Die Assistenz schreibt …')
    await expect(r.getByRole('table')).toHaveCount(0)
  }
  // All text is there, the reply not finished: the table renders while it streams, nothing is announced.
  run!.release('first-words')
  await run!.reached('all-text')
  await expect(reply.getByRole('cell', { name: 'Erarbeitung' })).toBeVisible()
  await expect(reply).toHaveAttribute('data-status', 'streaming')
  await expect(chat.announcer).toHaveText('')

  run!.release('all-text')
  await expect(reply).toHaveAttribute('data-status', 'done')
  await expect(reply.getByTestId('message-status')).toHaveCount(0)
  await expect(reply.getByRole('table')).toBeVisible()
  await expect(otherReply).toHaveAttribute('data-status', 'done')
  await expect(otherReply.getByRole('cell', { name: 'Erarbeitung' })).toBeVisible()
  await expect(chat.announcer).toContainText('Neue Antwort der Assistenz')
  expect((await chat.announcer.textContent())?.match(/Neue Antwort der Assistenz/g)).toHaveLength(1)

  // The model got the teacher's prompt, with the key, from the server (never from the browser).
  const sent = await run!.request
  expect(sent.authorization).toBe('Bearer sk-e2e')
  expect(sent.body.messages.at(-1)).toEqual({
    role: 'user',
    content: 'Plane eine Doppelstunde zur Photosynthese',
  })
})

test("stop ends the model's work and keeps what was written", async ({ page, model }) => {
  // The model stalls after the first line: the reply stays 'streaming' until the teacher stops it.
  const [run] = model.queue({ deltas: ['Liebe Eltern der Klasse 4b,'], end: 'stall' })
  const chat = new ChatPage(page)
  await new ConversationList(page).createChat()
  await chat.sendPrompt('Schreib einen Elternbrief zum Wandertag')
  const reply = page.locator('[data-testid="message"][data-role="assistant"]')
  await expect(reply).toContainText('Liebe Eltern der Klasse 4b,')
  await expect(reply).toHaveAttribute('data-status', 'streaming')
  await reply.getByRole('button', { name: 'Antwort stoppen' }).click()
  await expect(reply.getByTestId('message-status')).toHaveText('Gestoppt')
  await (await run!.request).aborted
  await page.reload()
  await expect(reply).toHaveAttribute('data-status', 'stopped')
  await expect(reply).toContainText('Liebe Eltern der Klasse 4b,')
})

test('a model failure is shown in plain words, and regenerate then succeeds', async ({ page, model }) => {
  model.queue({ status: 401 }, { deltas: ['Jetzt klappt es.'] })
  const chat = new ChatPage(page)
  await new ConversationList(page).createChat()
  await chat.sendPrompt('Hallo')
  const reply = page.locator('[data-testid="message"][data-role="assistant"]')
  await expect(reply.getByTestId('message-status')).toHaveText(
    'Der Zugang zur KI ist falsch eingerichtet. Gib bitte deiner Schul-IT Bescheid.',
  )
  await reply.getByRole('button', { name: 'Antwort neu generieren' }).click()
  await expect(
    page.locator('[data-testid="message"][data-role="assistant"][data-status="done"]'),
  ).toContainText('Jetzt klappt es.')
})

test('a prompt written offline waits in the outbox and is answered once the connection is back', async ({
  page,
  context,
  model,
  assistant,
}) => {
  model.queue({ deltas: ['Gern, hier sind **drei** Ideen.'] })
  const chat = new ChatPage(page)
  await new ConversationList(page).createChat()
  // The chat is open (loaded) when the school Wi-Fi drops.
  await expect(page.getByRole('heading', { name: 'Ideen für den Einstieg' })).toBeVisible()
  await context.setOffline(true)
  await chat.sendPrompt('Ideen für den Wandertag')
  const request = page.getByTestId('outbox-entry').filter({ hasText: 'Ideen für den Wandertag' })
  // 'Waiting' holds as long as the browser is offline: the prompt is in the outbox only, so the
  // server has not got it and the worker cannot have asked the model.
  await expect(request).toContainText('wartet auf Verbindung')
  await expect(page.getByTestId('outbox-count')).toHaveText('1 wartet')
  const before = model.requests.length
  const stored = await page.request.post('/admin/query', {
    headers: { authorization: `Bearer ${assistant.adminToken}`, 'app-id': LOCAL_APP_ID },
    data: { query: { messages: { $: { where: { text: 'Ideen für den Wandertag' } } } } },
  })
  expect(stored.status(), await stored.text()).toBe(200)
  expect((await stored.json()).messages).toEqual([])
  expect(model.requests.length).toBe(before)
  await context.setOffline(false)
  const reply = page.locator('[data-testid="message"][data-role="assistant"][data-status="done"]')
  // Without a service worker (blocked here) the Markdown renderer could not be fetched offline: the
  // reply stays readable as text instead of the chat failing.
  await expect(reply).toContainText(/Gern, hier sind (\*\*)?drei(\*\*)? Ideen\./)
  await expect(page.getByTestId('outbox-entry')).toHaveCount(0)
  await expect(page.getByRole('heading', { name: 'Hier ist etwas schiefgegangen.' })).toHaveCount(0)
})
