// Offline with the server running and the browser's offline flag set (context.setOffline), the
// sibling of offline-server-down.spec.ts: reading the 20 newest chats of 200 messages each from the
// warm cache, the visible outbox for prompts and for renames, pins, deletes and profile edits (each
// delivered once, checked through the admin API), and axe on every offline element.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, type Page, test } from '@playwright/test'
import { type ScriptedModel, startScriptedModel } from '../server/assistant/testing/scripted-model.ts'
import type { ServerProcess } from '../server/instant/conformance/server-process.ts'
import { expectNoAxeViolations } from './fixtures/axe.ts'
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
import { ConversationList } from './pages/conversation-list.ts'
import { ProfilePage } from './pages/profile-page.ts'

// Above the ports the other own-stack specs take (E2E_PORT + 1 … + 8).
const port = Number(process.env.E2E_PORT ?? 4310) + 9
let model: ScriptedModel
let stack: ServerProcess | undefined
let dataDir: string
let admin: Admin

test.use({ baseURL: `http://127.0.0.1:${port}`, serviceWorkers: 'allow' })
// Seeding 4,000 messages and reloading 20 chats from the cache is slow on a busy machine; every
// wait below ends as soon as its condition holds.
test.setTimeout(400_000)

test.beforeAll(async () => {
  test.setTimeout(180_000)
  model = await startScriptedModel()
  dataDir = mkdtempSync(join(tmpdir(), 'eduhu-e2e-offline-flag-'))
  stack = await startOfflineStack(dataDir, port, model)
  admin = adminOf(dataDir, port)
})

test.afterAll(async () => {
  await stack?.kill('SIGTERM')
  await model?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

const waiting = (page: Page) => page.getByTestId('outbox-entry')
const outboxCount = (page: Page) => page.getByTestId('outbox-count')

test('with the browser offline: the 20 newest chats of 200 messages read from the cache; a prompt waits visibly and is delivered and answered once', async ({
  page,
  context,
}, testInfo) => {
  const chat = new ChatPage(page)
  await page.goto('/')
  const owner = await signedInUserId(page)
  const now = Date.now()
  // 20 chats of 200 messages (the warm ones, default N = 20) and one older chat outside them.
  const chats = Array.from({ length: 20 }, (_, i) =>
    conversationSteps(owner, `Reihe ${i}`, history(200, `Reihe ${i}:`), {
      startAt: now - (300 + i * 5) * 60_000,
    }),
  )
  const cold = conversationSteps(owner, 'Alter Chat', history(2, 'Alt'), { startAt: now - 10_000 * 60_000 })
  const material = artifactSteps(owner, {
    title: 'Arbeitsblatt Photosynthese',
    versions: [{ body: '# Photosynthese\n\nLicht, Wasser, Kohlenstoffdioxid.' }],
  })
  await seedWithAppClosed(page, admin, [...chats.flatMap((c) => c.steps), ...cold.steps, ...material.steps])
  await controlledByServiceWorker(page)

  // Nothing is opened online: the warm cache alone keeps them. Going offline before Instant wrote
  // them to IndexedDB would lose them on the reload, so wait for the cache itself.
  // The library list and the newest material (data/warm-cache.ts) as well.
  const cache = await cacheHolds(
    page,
    chats.map((c) => ({ id: c.conversationId, queries: 3 })),
    { artifacts: 2 },
  )
  testInfo.annotations.push({
    type: 'warm cache',
    description: `${cache.entries} stored queries, ${cache.triples} triples (client GC limits: 1,000 queries, 1,000,000 triples)`,
  })

  await context.setOffline(true)
  await page.reload()
  await expect(page.getByTestId('connection')).toHaveText('Keine Verbindung zum Server')
  await page.goto('/settings')
  await expect(page.getByTestId('offline-chat-count')).toHaveText('Offline verfügbar: 20 Chats.')

  await page.goto('/')
  await expect(page.getByRole('link', { name: /Reihe 19/ }).first()).toBeVisible()
  await expect(page.getByTestId('conversations-unavailable')).toHaveCount(0)
  for (const [i, c] of chats.entries()) {
    await page.goto(`/c/${c.conversationId}`)
    await expect(chat.messageWithText(`Reihe ${i}: 199`)).toBeVisible()
  }
  await expect(page.getByText('Worum geht es heute?')).toHaveCount(0)
  await page.goto(`/c/${cold.conversationId}`)
  await expect(page.getByTestId('chat-unavailable')).toBeVisible()
  await expect(page.getByText('Worum geht es heute?')).toHaveCount(0)
  await expectNoAxeViolations(page)

  await page.goto('/library')
  await expect(page.getByRole('link', { name: 'Arbeitsblatt Photosynthese' })).toBeVisible()
  await page.goto(`/library/${material.artifactId}`)
  await expect(page.getByText('Licht, Wasser, Kohlenstoffdioxid.')).toBeVisible()

  // A prompt in a 200-message chat: waiting at once, counted, after a reload too.
  const [first] = chats
  await page.goto(`/c/${first!.conversationId}`)
  await expect(chat.messageWithText('Reihe 0: 199')).toBeVisible()
  await chat.composer.fill('Welche Versuche passen dazu?')
  await chat.send.click()
  await expect(waiting(page)).toContainText('Welche Versuche passen dazu?')
  await expect(waiting(page)).toContainText('wartet auf Verbindung')
  await expect(outboxCount(page)).toHaveText('1 wartet')
  await expectNoAxeViolations(page)
  await page.reload()
  await expect(waiting(page)).toContainText('Welche Versuche passen dazu?')
  await expect(outboxCount(page)).toHaveText('1 wartet')
  expect(model.requests.length).toBe(0)

  model.queue({ deltas: ['Der Versuch mit ', 'der Wasserpest.'] })
  await context.setOffline(false)
  await expect(outboxCount(page)).toHaveCount(0, { timeout: 60_000 })
  const reply = page.locator('[data-testid="message"][data-role="assistant"][data-status="done"]', {
    hasText: 'Der Versuch mit der Wasserpest.',
  })
  await expect(reply).toBeVisible({ timeout: 60_000 })
  await expect(waiting(page)).toHaveCount(0)
  const stored = await admin('query', {
    query: { messages: { $: { where: { text: 'Welche Versuche passen dazu?' } } } },
  })
  expect(stored.messages).toHaveLength(1)
  const [prompt] = stored.messages as { id: string }[]
  const replies = await admin('query', { query: { messages: { $: { where: { 'parent.id': prompt!.id } } } } })
  expect(replies.messages).toHaveLength(1)
  expect(model.requests.length).toBe(1)
})

test('with the browser offline: a rename, a pin, a delete and a profile edit show at once as waiting, survive a reload and are delivered once', async ({
  page,
  context,
}) => {
  const list = new ConversationList(page)
  const profile = new ProfilePage(page)
  await page.goto('/')
  const owner = await signedInUserId(page)
  const now = Date.now()
  const renamed = conversationSteps(owner, 'Elternabend', history(2, 'Eltern'), {
    startAt: now - 60 * 60_000,
  })
  const pinned = conversationSteps(owner, 'Klassenfahrt', history(2, 'Fahrt'), { startAt: now - 70 * 60_000 })
  const deleted = conversationSteps(owner, 'Alte Notizen', history(2, 'Notiz'), {
    startAt: now - 80 * 60_000,
  })
  await seedWithAppClosed(page, admin, [...renamed.steps, ...pinned.steps, ...deleted.steps])
  await controlledByServiceWorker(page)
  await profile.open()
  await profile.fill({ displayName: 'Frau Kaya' })
  await profile.saveAndConfirm()
  await list.open()
  await expect(list.item('Alte Notizen')).toBeVisible()
  await cacheHolds(
    page,
    [renamed, pinned, deleted].map((c) => ({ id: c.conversationId, queries: 1 })),
  )

  await context.setOffline(true)
  await expect(page.getByTestId('connection')).toHaveText('Keine Verbindung zum Server')
  await list.rename('Elternabend', 'Elternabend 12. März')
  await list.menu('Klassenfahrt', 'Anheften')
  await list.menu('Alte Notizen', 'Löschen')
  await page.getByRole('dialog').getByRole('button', { name: 'Endgültig löschen' }).click()
  await profile.open()
  await profile.displayName.fill('Frau Kaya-Schmidt')
  await profile.save.click()
  await expect(page.getByTestId('profile-waiting')).toBeVisible()

  // Shown at once, each marked or counted as waiting; the same after a reload without a connection.
  for (const step of ['before reload', 'after reload']) {
    await test.step(step, async () => {
      await expect(outboxCount(page)).toHaveText('4 wartet')
      await expect(page.getByTestId('profile-waiting')).toHaveText(
        'Deine Profiländerung wartet auf Verbindung und wird dann übertragen.',
      )
      await expect(profile.displayName).toHaveValue('Frau Kaya-Schmidt')
      await expectNoAxeViolations(page)
      await list.open()
      await expect(list.item('Elternabend 12. März').getByTestId('item-waiting')).toHaveText(
        'wartet auf Verbindung',
      )
      await expect(list.group('pinned').getByRole('link', { name: /Klassenfahrt/ })).toBeVisible()
      await expect(list.item('Klassenfahrt').getByTestId('item-waiting')).toBeVisible()
      await expect(list.item('Alte Notizen')).toHaveCount(0)
      await expectNoAxeViolations(page)
    })
    if (step === 'before reload') {
      await page.reload()
      await expect(page.getByTestId('connection')).toHaveText('Keine Verbindung zum Server')
      await profile.open()
    }
  }

  await context.setOffline(false)
  await expect(outboxCount(page)).toHaveCount(0, { timeout: 60_000 })
  await expect(page.getByTestId('item-waiting')).toHaveCount(0)
  const stored = await admin('query', {
    query: {
      conversations: { $: { where: { 'owner.id': owner } } },
      profiles: { $: { where: { 'owner.id': owner } } },
    },
  })
  const rows = stored.conversations as { id: string; title: string; pinned: boolean }[]
  expect(
    rows.map((r) => ({ title: r.title, pinned: r.pinned })).sort((a, b) => a.title.localeCompare(b.title)),
  ).toEqual([
    { title: 'Elternabend 12. März', pinned: false },
    { title: 'Klassenfahrt', pinned: true },
  ])
  const messages = await admin('query', {
    query: { messages: { $: { where: { 'conversation.id': deleted.conversationId } } } },
  })
  expect(messages.messages).toHaveLength(0)
  expect((stored.profiles as { displayName: string }[]).map((p) => p.displayName)).toEqual([
    'Frau Kaya-Schmidt',
  ])
})
