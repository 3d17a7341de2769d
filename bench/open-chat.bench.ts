// Opening a chat in Chromium as a teacher reopens it: production build, service worker installed,
// signed in, chats of 30, 10^3 and 10^4 messages seeded through the admin API, 10^5 straight into
// SQLite (bench/seed-chats.ts) with the same texts and times. Navigation → newest message visible,
// in interleaved rounds (a fresh page each), with DOM size and JS heap after the open; the cold open
// (no service worker, no cached assets) once per size, for comparison.

import type { BrowserContext } from '@playwright/test'
import {
  type BrowserStack,
  domAndHeap,
  messageWithId,
  newTeacherContext,
  type SeededChat,
  seedChat,
  seedChatInDatabase,
  signIn,
  startBrowserStack,
  timings,
  visibleAt,
  watchVisible,
} from './browser-harness.ts'
import { percentile, round } from './stats.ts'

const SIZES = [30, 1_000, 10_000, 100_000]
const ROUNDS = 9
/** Written straight into SQLite (with a restart): through the admin API it takes minutes. */
const DATABASE_SEEDED = 100_000

interface Opened {
  ms: number
  controlled: boolean
  dom_elements: number
  js_heap_mib: number
  /** The browser's own milestones of this navigation, ms after it started. */
  response_end_ms: number
  dom_content_loaded_ms: number
  first_contentful_paint_ms: number | undefined
}

async function open(context: BrowserContext, chat: SeededChat): Promise<Opened> {
  const page = await context.newPage()
  try {
    await page.addInitScript(watchVisible, messageWithId(chat.messageIds.at(-1)!))
    await page.goto(`/c/${chat.conversationId}`, { waitUntil: 'commit' })
    const ms = await visibleAt(page)
    const milestones = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]
      return {
        controlled: navigator.serviceWorker.controller !== null,
        response_end_ms: Math.round(nav.responseEnd),
        dom_content_loaded_ms: Math.round(nav.domContentLoadedEventEnd),
        first_contentful_paint_ms: fcp ? Math.round(fcp.startTime) : undefined,
      }
    })
    return { ms: round(ms), ...milestones, ...(await domAndHeap(page)) }
  } finally {
    await page.close()
  }
}

/** Forgets the service worker, its caches and the HTTP cache (the sign-in in IndexedDB stays). */
async function forgetServiceWorker(stack: BrowserStack, context: BrowserContext): Promise<void> {
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  try {
    await cdp.send('Storage.clearDataForOrigin', {
      origin: stack.url,
      storageTypes: 'service_workers,cache_storage',
    })
    await cdp.send('Network.clearBrowserCache')
  } finally {
    await cdp.detach()
    await page.close()
  }
}

async function installServiceWorker(context: BrowserContext): Promise<void> {
  const page = await context.newPage()
  try {
    await page.goto('/')
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready
    })
  } finally {
    await page.close()
  }
}

const median = (values: number[]) => round(percentile(values, 50))

export async function benchOpenChat(): Promise<Record<string, unknown>> {
  const stack = await startBrowserStack()
  try {
    const context = await newTeacherContext(stack)
    const owner = await signIn(stack, context)
    const seedStarted = performance.now()
    // Every chat has the same texts and spacing and ends an hour after the next larger one, so the
    // chats differ in length (and their place in the list) only.
    const title = (n: number) => `Chat mit ${n} Nachrichten`
    const endAt = (n: number) => Date.now() - SIZES.indexOf(n) * 3_600_000
    const big = await seedChatInDatabase(
      stack,
      owner,
      title(DATABASE_SEEDED),
      DATABASE_SEEDED,
      endAt(DATABASE_SEEDED),
    )
    const sqliteSeconds = round((performance.now() - seedStarted) / 1000)
    const chats: SeededChat[] = []
    for (const n of SIZES)
      chats.push(n === DATABASE_SEEDED ? big : await seedChat(stack, owner, title(n), n, endAt(n)))
    const seedSeconds = round((performance.now() - seedStarted) / 1000 - sqliteSeconds)

    const cold: Record<string, { open_ms: number; controlled: boolean }> = {}
    for (const [k, chat] of chats.entries()) {
      await forgetServiceWorker(stack, context)
      const opened = await open(context, chat)
      cold[`messages_${SIZES[k]}`] = { open_ms: opened.ms, controlled: opened.controlled }
    }

    await installServiceWorker(context)
    const runs: Opened[][] = SIZES.map(() => [])
    // Round-robin: every size sees the same stretch of the machine's load, and each round starts with
    // the next size, so no size is always opened right after the same other one.
    for (let round = 0; round < ROUNDS; round++)
      for (let j = 0; j < chats.length; j++) {
        const k = (j + round) % chats.length
        const opened = await open(context, chats[k]!)
        if (!opened.controlled) throw new Error('a warm open was not served by the service worker')
        runs[k]!.push(opened)
      }

    const warm = Object.fromEntries(
      SIZES.map((n, k) => {
        const r = runs[k]!
        return [
          `messages_${n}`,
          {
            open_ms: timings(r.map((o) => o.ms)),
            dom_elements: median(r.map((o) => o.dom_elements)),
            js_heap_mib: median(r.map((o) => o.js_heap_mib)),
            response_end_ms: median(r.map((o) => o.response_end_ms)),
            dom_content_loaded_ms: median(r.map((o) => o.dom_content_loaded_ms)),
            first_contentful_paint_ms: median(r.flatMap((o) => o.first_contentful_paint_ms ?? [])),
          },
        ]
      }),
    )
    const p50 = (n: number) => (warm[`messages_${n}`] as { open_ms: { p50: number } }).open_ms.p50
    return {
      rounds: ROUNDS,
      viewport: '1280×800',
      seeded: {
        messages: SIZES.reduce((a, b) => a + b, 0),
        admin_api_seconds: seedSeconds,
        [`sqlite_${DATABASE_SEEDED}_with_restart_seconds`]: sqliteSeconds,
      },
      warm,
      cold,
      ratio_10k_vs_30: round(p50(10_000) / p50(30)),
      ratio_100k_vs_30: round(p50(100_000) / p50(30)),
    }
  } finally {
    await stack.close()
  }
}
