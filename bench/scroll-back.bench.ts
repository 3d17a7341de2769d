// Scrolling back through a long chat in Chromium (production build, warm app): the reader jumps to the
// top of what is loaded, again and again; per older page, the time until older messages are rendered,
// and how far the message being read moved while the page landed (it must stay where it was).

import type { Page } from '@playwright/test'
import {
  messageWithId,
  newTeacherContext,
  seedChat,
  signIn,
  startBrowserStack,
  timings,
  visibleAt,
  watchVisible,
} from './browser-harness.ts'

const MESSAGES = 10_000
const PAGES = 30
/** Frames watched after the page landed, for late layout corrections (a count, not a time). */
const SETTLE_FRAMES = 20

interface Step {
  ms: number
  jump_px: number
}

/**
 * Runs in the page: jumps the list to its top, then each frame notes the message being read (the
 * uppermost visible when the jump landed) and its distance from the list's top edge, until a message
 * older than every message rendered then appears and SETTLE_FRAMES more frames have been drawn.
 */
async function olderPage(page: Page, ids: string[]): Promise<Step> {
  return page.evaluate(
    async ({ ids, settle }) => {
      const index = new Map(ids.map((id, i) => [id, i]))
      const list = document.querySelector<HTMLElement>('.message-list')!
      const frame = () => new Promise<number>((r) => requestAnimationFrame(r))
      const rows = () => {
        const top = list.getBoundingClientRect().top
        return [...list.querySelectorAll<HTMLElement>('[data-testid="message"]')].map((el) => ({
          i: index.get(el.dataset.messageId ?? '') ?? Number.NaN,
          top: el.getBoundingClientRect().top - top,
        }))
      }
      await frame()
      const started = performance.now()
      list.scrollTop = 0
      // The first frame that draws the top of the list: its uppermost visible message is the one read.
      let first = rows()
      let anchor: { i: number; top: number } | undefined
      while (!anchor) {
        if ((await frame()) > started + 120_000) throw new Error('the top of the list never showed')
        first = rows()
        anchor = first
          .filter((r) => r.top >= -1 && r.top < list.clientHeight)
          .sort((a, b) => a.top - b.top)[0]
      }
      const oldest = Math.min(...first.map((r) => r.i))
      const tops = [anchor.top]
      let landed: number | undefined
      let after = 0
      const giveUp = started + 120_000
      while (after < settle) {
        const now = await frame()
        const current = rows()
        const mine = current.find((r) => r.i === anchor.i)
        if (mine) tops.push(mine.top)
        // The time of this check, not the frame's start time, which comes before the render of the page.
        if (landed === undefined && current.some((r) => r.i < oldest)) landed = performance.now()
        if (landed !== undefined) after++
        if (now > giveUp) throw new Error('no older page arrived')
      }
      const jump = Math.max(...tops.map((t) => Math.abs(t - tops[0]!)))
      return { ms: Math.round((landed! - started) * 10) / 10, jump_px: Math.round(jump * 10) / 10 }
    },
    { ids, settle: SETTLE_FRAMES },
  )
}

export async function benchScrollBack(): Promise<Record<string, unknown>> {
  const stack = await startBrowserStack()
  try {
    const context = await newTeacherContext(stack)
    const owner = await signIn(stack, context)
    const chat = await seedChat(stack, owner, 'Langer Chat', MESSAGES)
    const page = await context.newPage()
    await page.addInitScript(watchVisible, messageWithId(chat.messageIds.at(-1)!))
    await page.goto(`/c/${chat.conversationId}`, { waitUntil: 'commit' })
    await visibleAt(page)
    const steps: Step[] = []
    for (let k = 0; k < PAGES; k++) steps.push(await olderPage(page, chat.messageIds))
    const jumps = steps.map((s) => s.jump_px)
    return {
      chat_messages: MESSAGES,
      pages: PAGES,
      older_page_ms: timings(steps.map((s) => s.ms)),
      scroll_jump_px: { max: Math.max(...jumps), nonzero_pages: jumps.filter((j) => j >= 0.5).length },
      steps,
    }
  } finally {
    await stack.close()
  }
}
