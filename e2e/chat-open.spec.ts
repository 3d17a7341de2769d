// Opening a chat asks the server for its newest page only: what the app subscribes to is read off the
// real socket (every `add-query` it sends). Older pages follow a scroll to the top, or at once when the
// first page does not fill the screen. The newest page shows as soon as its own query answers.

import { expect, type Page, test } from '@playwright/test'
import { waitFrames } from './fixtures/frames.ts'
import {
  adminTransact,
  conversationSteps,
  type SeedMessage,
  seedConversation,
  signedInUserId,
} from './fixtures/seed.ts'
import { chatMessagesQuery, gateServerFrames, type SocketGate } from './fixtures/socket-gate.ts'
import { ChatPage } from './pages/chat-page.ts'

interface WindowArgs {
  order?: Record<string, string>
  after?: unknown
  afterInclusive?: boolean
  before?: unknown
  where?: Record<string, unknown>
}

/**
 * Collects the message queries the page sends for one conversation that reach past its newest page:
 * a window older than a cursor (`after` it, exclusive, in newest-first order) or a closed range
 * (`before`), which is how a client holds an older page. The newest page, however the client keys
 * it, has neither.
 */
function recordOlderPageQueries(page: Page, conversationId: string): unknown[] {
  const older: unknown[] = []
  page.on('websocket', (ws) => {
    ws.on('framesent', ({ payload }) => {
      const msg = JSON.parse(String(payload)) as { op?: string; q?: { messages?: { $?: WindowArgs } } }
      const args = msg.op === 'add-query' ? msg.q?.messages?.$ : undefined
      if (!args || args.where?.['conversation.id'] !== conversationId) return
      const newestFirst = args.order?.createdAt === 'desc'
      const pastCursor = args.after !== undefined && args.afterInclusive !== true
      if (newestFirst && (pastCursor || args.before !== undefined)) older.push(args)
    })
  })
  return older
}

function chatOf(count: number, text: (i: number) => string): SeedMessage[] {
  return Array.from({ length: count }, (_, i) => ({
    role: i % 2 === 0 ? 'user' : 'assistant',
    text: text(i),
  }))
}

test('a long chat opens with one page; the next one comes with the scroll to the top', async ({ page }) => {
  const chat = new ChatPage(page)
  const sentence = 'Wir vergleichen Brüche mit gleichem Nenner und begründen die Reihenfolge. '
  const seeded = await seedConversation(
    page,
    'Viele Seiten',
    chatOf(200, (i) => `Nachricht ${i}: ${sentence.repeat((i % 4) + 1)}`),
  )
  const older = recordOlderPageQueries(page, seeded.conversationId)
  await chat.open(seeded.conversationId)
  await expect(chat.message(seeded.messageIds.at(-1)!)).toBeInViewport()
  // Long enough for a stray request from the first renders and effects to have been sent.
  await waitFrames(page, 30)
  expect(older, 'queries for older pages sent on open').toEqual([])

  await chat.scrollListTo('top')
  await expect.poll(() => older.length).toBeGreaterThan(0)
  // The page below the newest one (messages 140–169) arrives above what was shown.
  await expect(chat.message(seeded.messageIds[169]!)).toBeAttached()
})

test('a first page that does not fill the screen brings the next page at once', async ({ page }) => {
  // A tall window: thirty one-line messages leave room above them.
  await page.setViewportSize({ width: page.viewportSize()?.width ?? 1200, height: 8000 })
  const chat = new ChatPage(page)
  const seeded = await seedConversation(
    page,
    'Kurze Zeilen',
    chatOf(45, (i) => `Zeile ${i}`),
  )
  const older = recordOlderPageQueries(page, seeded.conversationId)
  await chat.open(seeded.conversationId)
  await expect(chat.message(seeded.messageIds.at(-1)!)).toBeVisible()
  await expect(chat.message(seeded.messageIds[0]!)).toBeAttached()
  expect(older.length).toBeGreaterThan(0)
})

/** Seeds a chat with no page of the app open: nothing of it is in the app's cache before it opens. */
async function seedUnopened(page: Page, title: string, messages: SeedMessage[]) {
  const owner = await signedInUserId(page)
  await page.goto('about:blank')
  const { steps, ...ids } = conversationSteps(owner, title, messages)
  await adminTransact(page.request, steps)
  return ids
}

/**
 * Holds the server's answers to the chat's cursor queries: the pages the client opens from the first
 * page's start cursor (and the watcher for newer messages beside them). Its first page, which has no
 * cursor, passes.
 */
async function holdCursorPages(page: Page, conversationId: string): Promise<SocketGate> {
  const gate = await gateServerFrames(page, (frame) => {
    const args = chatMessagesQuery(frame, conversationId)
    return args !== undefined && (args.after !== undefined || args.before !== undefined)
  })
  gate.hold()
  return gate
}

test('a long chat shows its newest page before the cursor pages have answered', async ({ page }) => {
  const chat = new ChatPage(page)
  const seeded = await seedUnopened(
    page,
    'Ohne zweite Runde',
    chatOf(200, (i) => `Nachricht ${i}: Wir ordnen Brüche der Größe nach.`),
  )
  const gate = await holdCursorPages(page, seeded.conversationId)
  await chat.open(seeded.conversationId)
  await expect(chat.message(seeded.messageIds.at(-1)!)).toBeInViewport()
  // The cursor pages were asked for and their answers are held: the page still shows meanwhile.
  await expect.poll(() => gate.held()).toBeGreaterThan(0)
  await expect(chat.message(seeded.messageIds.at(-1)!)).toBeInViewport()
  await expect(chat.composer).toBeEnabled()

  gate.release()
  await chat.scrollListTo('top')
  await expect(chat.message(seeded.messageIds[169]!)).toBeAttached()
})

test('an older page asked for before the cursor pages answered comes once they do', async ({ page }) => {
  // A tall window: the first page does not fill it, so the list asks for the next one at once.
  await page.setViewportSize({ width: page.viewportSize()?.width ?? 1200, height: 8000 })
  const chat = new ChatPage(page)
  const seeded = await seedUnopened(
    page,
    'Kurze Zeilen, langsame Seiten',
    chatOf(45, (i) => `Zeile ${i}`),
  )
  const gate = await holdCursorPages(page, seeded.conversationId)
  await chat.open(seeded.conversationId)
  await expect(chat.message(seeded.messageIds.at(-1)!)).toBeVisible()
  await expect(chat.message(seeded.messageIds[15]!)).toBeVisible()
  // Long enough for the list's request for more to have been made while the pages are held.
  await waitFrames(page, 30)
  await expect(chat.message(seeded.messageIds[0]!)).not.toBeAttached()

  gate.release()
  await expect(chat.message(seeded.messageIds[0]!)).toBeAttached()
})
