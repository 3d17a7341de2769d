// Offline reading and the visible outbox with the server process actually stopped (not the browser's
// offline flag): the production build from its own stack (`npm start`'s entry, worker and scripted
// model inside), the service worker allowed. Kill and restart are waited for, never timed.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, type Page, test } from '@playwright/test'
import { type ScriptedModel, startScriptedModel } from '../server/assistant/testing/scripted-model.ts'
import type { ServerProcess } from '../server/instant/conformance/server-process.ts'
import {
  type Admin,
  adminOf,
  cacheHolds,
  controlledByServiceWorker,
  history,
  seedWithAppClosed,
  startOfflineStack,
} from './fixtures/offline-stack.ts'
import { artifactSteps, conversationSteps, signedInUserId } from './fixtures/seed.ts'
import { ChatPage } from './pages/chat-page.ts'

// Above the ports the other own-stack specs take (E2E_PORT + 1 … + 6).
const port = Number(process.env.E2E_PORT ?? 4310) + 7
let model: ScriptedModel
let stack: ServerProcess | undefined
let dataDir: string
let admin: Admin

test.use({ baseURL: `http://127.0.0.1:${port}`, serviceWorkers: 'allow' })
test.describe.configure({ mode: 'serial' })
// The stack compiles on the fly, twice per test: slow on a busy machine, and waiting is no race.
test.setTimeout(300_000)

async function startStack(): Promise<void> {
  stack = await startOfflineStack(dataDir, port, model)
}

async function stopStack(): Promise<void> {
  await stack?.kill('SIGKILL')
  stack = undefined
}

test.beforeAll(async () => {
  test.setTimeout(180_000)
  model = await startScriptedModel()
  dataDir = mkdtempSync(join(tmpdir(), 'eduhu-e2e-offline-'))
  admin = adminOf(dataDir, port)
  await startStack()
})

test.afterAll(async () => {
  await stack?.kill('SIGTERM')
  await model?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

const waiting = (page: Page) => page.getByTestId('outbox-entry')
const outboxCount = (page: Page) => page.getByTestId('outbox-count')

test('with the server stopped: list, chats (opened or not), library and a material read from the cache; a prompt waits visibly and is delivered and answered once', async ({
  page,
}, testInfo) => {
  const chat = new ChatPage(page)
  await page.goto('/')
  const owner = await signedInUserId(page)
  const now = Date.now()
  // 21 chats: the 20 newest are kept warm, the oldest is not (default N = 20).
  const long = conversationSteps(owner, 'Langer Chat', history(200, 'Lang'), { startAt: now - 200 * 60_000 })
  const never = conversationSteps(owner, 'Nie geöffnet', history(4, 'Ungeöffnet'), {
    startAt: now - 300 * 60_000,
  })
  const others = Array.from({ length: 18 }, (_, i) =>
    conversationSteps(owner, `Chat ${i}`, history(2, `Chat ${i}`), { startAt: now - (400 + i) * 60_000 }),
  )
  const cold = conversationSteps(owner, 'Alter Chat', history(2, 'Alt'), { startAt: now - 10_000 * 60_000 })
  const material = artifactSteps(owner, {
    title: 'Arbeitsblatt Wasserkreislauf',
    versions: [{ body: '# Wasserkreislauf\n\nVerdunstung, Kondensation, Niederschlag.' }],
  })
  await seedWithAppClosed(page, admin, [
    ...long.steps,
    ...never.steps,
    ...others.flatMap((o) => o.steps),
    ...cold.steps,
    ...material.steps,
  ])
  // The seeded updatedAt is the first message's time; the list orders by it.
  await controlledByServiceWorker(page)

  // Online, only the long chat is opened; the library and the other chats never are.
  await chat.open(long.conversationId)
  await expect(chat.messageWithText('Lang 199')).toBeVisible()
  await page.goto('/settings')
  await expect(page.getByTestId('offline-chat-count')).toHaveText('Offline verfügbar: 20 Chats.')
  // Shown is not yet stored: Instant writes a result to IndexedDB a moment after it arrives, and a
  // reload after the kill reads only what was written (the cause of a first-run failure where the
  // list said "not available offline"). Wait for the cache itself.
  await cacheHolds(
    page,
    [
      { id: long.conversationId, queries: 3 },
      { id: never.conversationId, queries: 1 },
      ...others.map((o) => ({ id: o.conversationId, queries: 1 })),
    ],
    { artifacts: 2 },
  )

  await stopStack()
  await page.reload()
  await expect(page.getByTestId('connection')).toHaveText('Keine Verbindung zum Server')

  // The list (on phones it is the start page; on desktop the sidebar of `/`).
  await page.goto('/')
  await expect(page.getByRole('link', { name: /Nie geöffnet/ }).first()).toBeVisible()
  await expect(page.getByText('Noch keine Chats')).toHaveCount(0)

  // A chat opened before, and one never opened (warm), read offline.
  await page.goto(`/c/${long.conversationId}`)
  await expect(chat.messageWithText('Lang 199')).toBeVisible()
  await page.goto(`/c/${never.conversationId}`)
  await expect(chat.messageWithText('Ungeöffnet 3')).toBeVisible()
  await expect(page.getByText('Worum geht es heute?')).toHaveCount(0)
  // A chat outside the warm ones says so plainly, never the empty chat's suggestions.
  await page.goto(`/c/${cold.conversationId}`)
  await expect(page.getByTestId('chat-unavailable')).toHaveText(
    'Dieser Chat ist offline noch nicht verfügbar – er wird geladen, sobald du wieder online bist.',
  )
  await expect(page.getByText('Worum geht es heute?')).toHaveCount(0)

  // The library, never opened, and the material.
  await page.goto('/library')
  const row = page.getByRole('link', { name: 'Arbeitsblatt Wasserkreislauf' })
  await expect(row).toBeVisible()
  await expect(page.getByText('Materialien werden geladen')).toHaveCount(0)
  await page.goto(`/library/${material.artifactId}`)
  await expect(page.getByText('Verdunstung, Kondensation, Niederschlag.')).toBeVisible()

  // A prompt in the 200-message chat shows as waiting at once, counted in the header, after a reload too.
  await page.goto(`/c/${long.conversationId}`)
  await expect(chat.messageWithText('Lang 199')).toBeVisible()
  await chat.composer.fill('Was fehlt noch für Freitag?')
  await chat.send.click()
  await expect(waiting(page)).toHaveCount(1)
  await expect(waiting(page)).toContainText('Was fehlt noch für Freitag?')
  await expect(waiting(page)).toContainText('wartet auf Verbindung')
  await expect(outboxCount(page)).toHaveText('1 wartet')
  await page.reload()
  await expect(waiting(page)).toContainText('Was fehlt noch für Freitag?')
  await expect(outboxCount(page)).toHaveText('1 wartet')
  expect(model.requests.length).toBe(0)

  // The server comes back while the chat that was not available is open: it loads by itself, and
  // the waiting prompt is stored once and answered once.
  await page.goto(`/c/${cold.conversationId}`)
  await expect(page.getByTestId('chat-unavailable')).toBeVisible()
  await expect(outboxCount(page)).toHaveText('1 wartet')
  model.queue({ deltas: ['Für Freitag ', 'fehlt nur noch das Quiz.'] })
  await startStack()
  await expect(chat.messageWithText('Alt 1')).toBeVisible({ timeout: 60_000 })
  await expect(outboxCount(page)).toHaveCount(0, { timeout: 60_000 })

  await page.goto(`/c/${long.conversationId}`)
  const reply = page.locator('[data-testid="message"][data-role="assistant"][data-status="done"]', {
    hasText: 'Für Freitag fehlt nur noch das Quiz.',
  })
  await expect(reply).toBeVisible({ timeout: 60_000 })
  await expect(waiting(page)).toHaveCount(0)
  await expect(outboxCount(page)).toHaveCount(0)
  await expect(chat.messageWithText('Was fehlt noch für Freitag?')).toBeVisible()
  const stored = await admin('query', {
    query: { messages: { $: { where: { text: 'Was fehlt noch für Freitag?' } }, conversation: {} } },
  })
  expect(stored.messages).toHaveLength(1)
  const [prompt] = stored.messages as { id: string; status: string }[]
  expect(prompt?.status).toBe('done')
  const replies = await admin('query', {
    query: { messages: { $: { where: { 'parent.id': prompt!.id } } } },
  })
  expect(replies.messages).toHaveLength(1)
  expect(model.requests.length).toBe(1)
  testInfo.annotations.push({ type: 'offline', description: 'server stopped with SIGKILL and restarted' })
})
