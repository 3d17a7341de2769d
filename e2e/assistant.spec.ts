// The whole stack as `npm start` runs it with a model configured: the built app, the local Instant
// server and the assistant worker, answering from a scripted OpenAI-compatible model. Runs its own
// stack process (next port up), so the other specs keep writing replies themselves.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { type ScriptedModel, startScriptedModel } from '../server/assistant/testing/scripted-model.ts'
import { type ServerProcess, startServerProcess } from '../server/instant/conformance/server-process.ts'
import { ChatPage } from './pages/chat-page.ts'
import { ConversationList } from './pages/conversation-list.ts'

const port = Number(process.env.E2E_PORT ?? 4310) + 1
let model: ScriptedModel
let stack: ServerProcess
let dataDir: string

test.use({ baseURL: `http://127.0.0.1:${port}`, serviceWorkers: 'block' })
test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  model = await startScriptedModel()
  dataDir = mkdtempSync(join(tmpdir(), 'eduhu-e2e-assistant-'))
  stack = await startServerProcess(dataDir, port, {
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
})

test.afterAll(async () => {
  await stack?.kill('SIGTERM')
  await model?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

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
}) => {
  model.queue({ deltas: TABLE_REPLY, delayMs: 120 })
  const chat = new ChatPage(page)
  const id = await new ConversationList(page).createChat()
  // A second tab of the same teacher, as a phone would show the same chat.
  const other = new ChatPage(await context.newPage())
  await other.open(id)

  await chat.sendPrompt('Plane eine Doppelstunde zur Photosynthese')
  const reply = page.locator('[data-testid="message"][data-role="assistant"]')
  await expect(reply).toHaveAttribute('data-status', 'streaming')
  await expect(reply.getByTestId('message-status')).toHaveText('Die Assistenz schreibt …')
  const otherReply = other.page.locator('[data-testid="message"][data-role="assistant"]')
  await expect(otherReply).toHaveAttribute('data-status', 'streaming')

  await expect(reply).toHaveAttribute('data-status', 'done', { timeout: 10_000 })
  await expect(reply.getByRole('table')).toBeVisible()
  await expect(reply.getByRole('cell', { name: 'Erarbeitung' })).toBeVisible()
  await expect(otherReply.getByRole('cell', { name: 'Erarbeitung' })).toBeVisible()
  await expect(chat.announcer).toContainText('Neue Antwort der Assistenz')

  // The model got the teacher's prompt, with the key, from the server (never from the browser).
  const sent = model.requests.at(-1)!
  expect(sent.authorization).toBe('Bearer sk-e2e')
  expect(sent.body.messages.at(-1)).toEqual({
    role: 'user',
    content: 'Plane eine Doppelstunde zur Photosynthese',
  })
})

test("stop ends the model's work and keeps what was written", async ({ page }) => {
  model.queue({ deltas: ['Liebe Eltern der Klasse 4b,'], end: 'stall' })
  const chat = new ChatPage(page)
  await new ConversationList(page).createChat()
  await chat.sendPrompt('Schreib einen Elternbrief zum Wandertag')
  const reply = page.locator('[data-testid="message"][data-role="assistant"]')
  await expect(reply).toContainText('Liebe Eltern der Klasse 4b,')
  await reply.getByRole('button', { name: 'Antwort stoppen' }).click()
  await expect(reply.getByTestId('message-status')).toHaveText('Gestoppt')
  await model.requests.at(-1)!.aborted
  await page.reload()
  await expect(reply).toHaveAttribute('data-status', 'stopped')
  await expect(reply).toContainText('Liebe Eltern der Klasse 4b,')
})

test('a model failure is shown in plain words, and regenerate then succeeds', async ({ page }) => {
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
}) => {
  model.queue({ deltas: ['Gern, hier sind **drei** Ideen.'] })
  const chat = new ChatPage(page)
  await new ConversationList(page).createChat()
  // The chat is open (loaded) when the school Wi-Fi drops.
  await expect(page.getByRole('heading', { name: 'Ideen für den Einstieg' })).toBeVisible()
  await context.setOffline(true)
  await chat.sendPrompt('Ideen für den Wandertag')
  const request = chat.messageWithText('Ideen für den Wandertag')
  await expect(request.getByTestId('message-status')).toHaveText('Wartet auf die Assistenz …')
  const before = model.requests.length
  await page.waitForTimeout(500)
  expect(model.requests.length).toBe(before)
  await context.setOffline(false)
  const reply = page.locator('[data-testid="message"][data-role="assistant"][data-status="done"]')
  // Without a service worker (blocked here) the Markdown renderer could not be fetched offline: the
  // reply stays readable as text instead of the chat failing.
  await expect(reply).toContainText(/Gern, hier sind (\*\*)?drei(\*\*)? Ideen\./, { timeout: 15_000 })
  await expect(page.getByRole('heading', { name: 'Hier ist etwas schiefgegangen.' })).toHaveCount(0)
})
