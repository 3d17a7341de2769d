// Long chats stay fast: a seeded 10,000-message chat opens at the latest messages, pages back through
// older history without the message being read moving, and keeps only a small window in the DOM.
// Open times for 30 and 10,000 messages are recorded as annotations (not timed assertions).

import { expect, type Page, test } from '@playwright/test'
import {
  adminTransact,
  conversationSteps,
  type SeedMessage,
  signedInUserId,
  writeReply,
} from './fixtures/seed.ts'
import { ChatPage } from './pages/chat-page.ts'

const MAX_RENDERED = 60
const PAGES_BACK = 6

function messages(count: number): SeedMessage[] {
  const sentence = 'Die Klasse arbeitet in Gruppen an einem Arbeitsblatt zur Bruchrechnung. '
  return Array.from({ length: count }, (_, i) => ({
    role: i % 2 === 0 ? 'user' : 'assistant',
    text: `**Nachricht ${i}** ${sentence.repeat(((i * 7) % 9) + 1)}`,
  }))
}

interface Frame {
  scrollTop: number
  rows: [string, number][]
}

/** Records, every animation frame, the list's scrollTop and each rendered message's top edge. */
async function startRecording(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: Frame[]; __recording: boolean }
    const list = document.querySelector<HTMLElement>('.message-list')!
    w.__frames = []
    w.__recording = true
    const tick = () => {
      const top = list.getBoundingClientRect().top
      const rows = [...list.querySelectorAll<HTMLElement>('[data-testid="message"]')].map(
        (el) => [el.dataset.messageId ?? '', el.getBoundingClientRect().top - top] as [string, number],
      )
      w.__frames.push({ scrollTop: list.scrollTop, rows })
      if (w.__recording) requestAnimationFrame(tick)
    }
    tick()
  })
}

async function peekFrames(page: Page): Promise<Frame[]> {
  return page.evaluate(() => (window as unknown as { __frames: Frame[] }).__frames)
}

async function frameCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __frames: Frame[] }).__frames.length)
}

/**
 * The message a reader sees first after jumping to the top: in the first frame after the jump that
 * shows a message inside the viewport, the uppermost one whose top edge is visible. The older page may
 * already have arrived by then (scrollTop no longer 0), which is exactly what anchoring must handle.
 */
function firstVisibleAtTop(frames: Frame[], from: number, viewport: number): string | undefined {
  for (const frame of frames.slice(from)) {
    const inView = frame.rows.filter(([, top]) => top >= -1 && top < viewport).sort((a, b) => a[1] - b[1])
    if (inView.length) return inView[0]![0]
  }
  return undefined
}

async function stopRecording(page: Page): Promise<Frame[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __frames: Frame[]; __recording: boolean }
    w.__recording = false
    return w.__frames
  })
}

test('a 10,000-message chat opens at the latest messages and pages back without jumps', async ({ page }) => {
  test.setTimeout(240_000)
  const chat = new ChatPage(page)
  const owner = await signedInUserId(page)
  const short = conversationSteps(owner, 'Kurzer Chat', messages(30))
  const long = conversationSteps(owner, 'Langer Chat', messages(10_000))
  await adminTransact(page.request, [...short.steps, ...long.steps])

  const openTime = async (conversationId: string, lastId: string) => {
    const started = performance.now()
    await page.goto(`/c/${conversationId}`)
    await expect(chat.message(lastId)).toBeInViewport()
    return Math.round(performance.now() - started)
  }
  const shortMs = await openTime(short.conversationId, short.messageIds.at(-1)!)
  const longMs = await openTime(long.conversationId, long.messageIds.at(-1)!)
  const note = `open time: 30 messages ${shortMs} ms, 10,000 messages ${longMs} ms`
  test.info().annotations.push({ type: 'open-time', description: note })
  console.log(`[${test.info().project.name}] ${note}`)

  expect(await chat.messages.count()).toBeLessThan(MAX_RENDERED)
  await expect(chat.jumpToLatest).toBeHidden()

  for (let step = 0; step < PAGES_BACK; step++) {
    await startRecording(page)
    const { from, viewport } = await page.evaluate(() => {
      const w = window as unknown as { __frames: Frame[] }
      const list = document.querySelector<HTMLElement>('.message-list')!
      const mark = { from: w.__frames.length, viewport: list.clientHeight }
      list.scrollTop = 0
      return mark
    })
    // The message a reader sees on top right after reaching the top.
    let anchor: string | undefined
    await expect
      .poll(async () => {
        anchor = firstVisibleAtTop(await peekFrames(page), from, viewport)
        return anchor
      })
      .toBeDefined()
    const index = long.messageIds.indexOf(anchor!)
    expect(index).toBeGreaterThan(0)
    // The older page arrived once the message above the one being read is rendered (overscan).
    await expect(chat.message(long.messageIds[index - 1]!)).toBeAttached()
    // Watch the layout settle for a number of frames (not a time: a busy machine draws fewer per second).
    const settled = (await frameCount(page)) + 20
    await expect.poll(() => frameCount(page)).toBeGreaterThanOrEqual(settled)
    const frames = await stopRecording(page)

    const tops = frames.flatMap((f) => f.rows.filter(([id]) => id === anchor).map(([, top]) => top))
    expect(tops.length).toBeGreaterThan(2)
    const drift = Math.max(...tops.map((top) => Math.abs(top - tops[0]!)))
    expect(
      drift,
      `the message being read moved by ${drift}px while page ${step + 2} loaded`,
    ).toBeLessThanOrEqual(1)
    expect(Math.max(...frames.map((f) => f.rows.length))).toBeLessThan(MAX_RENDERED)
    await expect(chat.message(anchor!)).toBeInViewport()
  }
  await expect(chat.jumpToLatest).toBeVisible()
  await chat.jumpToLatest.click()
  await expect(chat.message(long.messageIds.at(-1)!)).toBeInViewport()
  expect(await chat.messages.count()).toBeLessThan(MAX_RENDERED)
})

test('follows a new reply only while the reader is at the bottom', async ({ page }) => {
  const chat = new ChatPage(page)
  const owner = await signedInUserId(page)
  const seeded = conversationSteps(owner, 'Mitlesen', messages(120))
  await adminTransact(page.request, seeded.steps)
  await chat.open(seeded.conversationId)
  const last = seeded.messageIds.at(-1)!
  await expect(chat.message(last)).toBeInViewport()

  // At the bottom: a new reply scrolls into view, and keeps following while it grows.
  const first = await writeReply(page.request, {
    conversationId: seeded.conversationId,
    requestId: last,
    text: 'Erste Zeile',
    status: 'streaming',
  })
  await expect(chat.message(first)).toBeInViewport()
  const longer = Array.from({ length: 40 }, (_, i) => `Zeile ${i + 1}`).join('\n\n')
  await adminTransact(page.request, [['update', 'messages', first, { text: longer }]])
  await expect(chat.message(first).getByText('Zeile 40', { exact: true })).toBeInViewport()

  // Scrolled up: the next reply does not pull the reader down; a button offers the way back.
  await chat.list.evaluate((el) => el.scrollBy(0, -1500))
  const reading = await chat.firstVisibleMessage()
  const heightBefore = await chat.list.evaluate((el) => el.scrollHeight)
  const second = await writeReply(page.request, {
    conversationId: seeded.conversationId,
    requestId: first,
    text: 'Noch eine Antwort',
    status: 'done',
  })
  // The new reply is below the rendered window, so it shows only as more content to scroll to.
  await expect.poll(() => chat.list.evaluate((el) => el.scrollHeight)).toBeGreaterThan(heightBefore)
  await expect(chat.jumpToLatest).toBeVisible()
  const after = await chat.message(reading.id).boundingBox()
  expect(Math.abs((after?.y ?? 0) - reading.top)).toBeLessThanOrEqual(1)
  await expect(chat.message(second)).not.toBeInViewport()
  await chat.jumpToLatest.click()
  await expect(chat.message(second)).toBeInViewport()
})

test.describe('with the renderer fetched from the network', () => {
  // The service worker would serve the chunk from its precache, past the held route.
  test.use({ serviceWorkers: 'block' })

  test('stays at the latest message when its rows grow after the chat opened (the Markdown renderer arrives late)', async ({
    page,
  }) => {
    const chat = new ChatPage(page)
    const owner = await signedInUserId(page)
    // The renderer's chunk is held until the chat sits at its end in plain text, as on a slow phone.
    let release = () => {}
    const released = new Promise<void>((resolve) => {
      release = resolve
    })
    let isHeld = false
    await page.route(/\/assets\/Markdown-[^/]*\.js$/, async (route) => {
      isHeld = true
      await released
      await route.continue()
    })
    const seeded = conversationSteps(owner, 'Spät gerendert', messages(120))
    await adminTransact(page.request, seeded.steps)
    await chat.open(seeded.conversationId)
    await expect(chat.message(seeded.messageIds.at(-1)!)).toBeInViewport()
    await expect(chat.jumpToLatest).toBeHidden()
    await expect.poll(() => isHeld).toBe(true)
    await expect(chat.list.locator('.markdown--plain').first()).toBeVisible()

    release()
    await expect(chat.list.locator('.markdown--plain')).toHaveCount(0)
    await expect
      .poll(() => chat.list.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight))
      .toBeLessThanOrEqual(1)
    await expect(chat.jumpToLatest).toBeHidden()
  })
})

test('stays at the latest message when the space below the list shrinks (the composer grows, a notice appears)', async ({
  page,
}) => {
  const chat = new ChatPage(page)
  const owner = await signedInUserId(page)
  const seeded = conversationSteps(owner, 'Platz unten', messages(120))
  await adminTransact(page.request, seeded.steps)
  await chat.open(seeded.conversationId)
  const last = seeded.messageIds.at(-1)!
  await expect(chat.message(last)).toBeInViewport()
  await expect(chat.jumpToLatest).toBeHidden()
  const listHeight = async () => (await chat.list.boundingBox())?.height ?? 0
  const heightBefore = await listHeight()

  // A multi-line draft makes the composer taller and the list shorter, as a notice above the composer does.
  await chat.composer.fill(Array.from({ length: 8 }, (_, i) => `Zeile ${i + 1}`).join('\n'))
  await expect.poll(listHeight).toBeLessThan(heightBefore)
  // On a phone the history keeps a readable height instead of collapsing to nothing.
  expect(await listHeight()).toBeGreaterThanOrEqual(100)
  await expect(chat.jumpToLatest).toBeHidden()
  await expect(chat.message(last)).toBeInViewport({ ratio: 0.2 })

  // Still at the bottom, so a new reply is followed.
  const reply = await writeReply(page.request, {
    conversationId: seeded.conversationId,
    requestId: last,
    text: 'Neue Antwort',
    status: 'done',
  })
  await expect(chat.message(reply)).toBeInViewport()
  await expect(chat.jumpToLatest).toBeHidden()
})
