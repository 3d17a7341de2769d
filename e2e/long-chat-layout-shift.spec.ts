// Nothing on the chat screen jumps while a long chat opens or pages back: the browser's own layout-shift
// entries (PerformanceObserver, as Lighthouse's CLS reads them) are recorded from the first paint of the
// chat's URL through several older pages, and their sum must stay (practically) zero. Each page is held
// back on the socket until the screen waiting for it has been drawn, so those screens are always part
// of what is checked, however fast the server answers.

import { expect, type Page, test } from '@playwright/test'
import { waitFrames } from './fixtures/frames.ts'
import { adminTransact, conversationSteps, type SeedMessage, signedInUserId } from './fixtures/seed.ts'
import { chatMessagesQuery, gateServerFrames } from './fixtures/socket-gate.ts'
import { ChatPage } from './pages/chat-page.ts'

const PAGES_BACK = 4
/** MESSAGE_PAGE_SIZE in src/data/messages.ts. */
const PAGE = 30

interface Shift {
  value: number
  hadRecentInput: boolean
  sources: string[]
}

/** Before any script of the page runs: collects every layout shift with the elements that moved. */
async function recordLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __shifts: Shift[] }
    w.__shifts = []
    const describe = (node: Node | null | undefined) => {
      if (!(node instanceof Element)) return String(node?.nodeName ?? 'gone')
      const cls = node.getAttribute('class')
      const testId = node.getAttribute('data-testid')
      return `${node.tagName.toLowerCase()}${cls ? `.${cls.split(/\s+/).join('.')}` : ''}${testId ? `[${testId}]` : ''}`
    }
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const e = entry as PerformanceEntry & {
          value: number
          hadRecentInput: boolean
          sources?: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[]
        }
        w.__shifts.push({
          value: e.value,
          hadRecentInput: e.hadRecentInput,
          sources: (e.sources ?? []).map(
            (s) =>
              `${describe(s.node)} y ${Math.round(s.previousRect.y)}→${Math.round(s.currentRect.y)} h ${Math.round(s.previousRect.height)}→${Math.round(s.currentRect.height)}`,
          ),
        })
      }
    }).observe({ type: 'layout-shift', buffered: true })
  })
}

/** Makes the browser paint now: layout shifts are found between painted frames, and animation frames
 * alone did not always paint in the phone emulation. */
async function paint(page: Page): Promise<void> {
  await page.screenshot()
}

async function shifts(page: Page): Promise<Shift[]> {
  return page.evaluate(() => (window as unknown as { __shifts: Shift[] }).__shifts)
}

function messages(count: number): SeedMessage[] {
  const sentence = 'Die Klasse vergleicht Brüche und begründet die Reihenfolge an der Zahlengeraden. '
  return Array.from({ length: count }, (_, i) => ({
    role: i % 2 === 0 ? 'user' : 'assistant',
    text: `**Nachricht ${i}** ${sentence.repeat((i % 5) + 1)}`,
  }))
}

test('a long chat opens and pages back without any layout shift', async ({ page }) => {
  test.setTimeout(180_000)
  const chat = new ChatPage(page)
  const owner = await signedInUserId(page)
  // Seeded with no page of the app open: the app must not have cached the chat before it opens it.
  await page.goto('about:blank')
  const seeded = conversationSteps(owner, 'Ohne Sprünge', messages(1000))
  await adminTransact(page.request, seeded.steps)
  const ids = seeded.messageIds
  await recordLayoutShifts(page)
  const gate = await gateServerFrames(
    page,
    (frame) => chatMessagesQuery(frame, seeded.conversationId) !== undefined,
  )
  gate.hold()

  await chat.open(seeded.conversationId)
  // The loading screen, drawn a few times before the first page may arrive.
  await expect(page.getByRole('status').filter({ hasText: 'Chat wird geladen' })).toBeVisible()
  await waitFrames(page, 5)
  await paint(page)
  gate.release()
  await expect(chat.message(ids.at(-1)!)).toBeInViewport()
  await expect(chat.composer).toBeEnabled()
  await waitFrames(page, 20)
  await paint(page)

  for (let step = 0; step < PAGES_BACK; step++) {
    gate.hold()
    await chat.scrollListTo('top')
    // Right after the jump the list may not have drawn the rows at the top yet.
    let top = -1
    await expect
      .poll(async () => {
        top = ids.indexOf((await chat.firstVisibleMessage().catch(() => undefined))?.id ?? '')
        return top
      })
      .toBeGreaterThan(0)
    // The older page is on its way and held: what the reader sees meanwhile is drawn.
    await expect(page.getByRole('status').filter({ hasText: 'Ältere Beiträge werden geladen' })).toBeVisible()
    await waitFrames(page, 5)
    await paint(page)
    gate.release()
    // It has arrived once the message above the one on top is rendered (the list keeps a few rows
    // above the viewport).
    await expect(chat.message(ids[top - 1]!)).toBeAttached()
    await waitFrames(page, 20)
    await paint(page)
  }
  // The reader now looks at what was the oldest message before the last page came.
  expect(ids.indexOf((await chat.firstVisibleMessage()).id)).toBeLessThanOrEqual(
    ids.length - PAGES_BACK * PAGE,
  )

  const all = await shifts(page)
  const counted = all.filter((s) => !s.hadRecentInput)
  const sum = counted.reduce((total, s) => total + s.value, 0)
  const detail = counted.map((s) => `${s.value.toFixed(4)}: ${s.sources.join('; ')}`).join('\n')
  console.log(`[${test.info().project.name}] layout shift sum ${sum.toFixed(4)}\n${detail}`)
  expect(sum, `layout shifts while opening and paging back:\n${detail}`).toBeLessThan(0.001)
})
