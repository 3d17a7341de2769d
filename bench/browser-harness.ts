// The shared harness of the browser benchmarks: the production build served by the stack (`npm start`'s
// entry) in its own process on a fresh data dir, headless Chromium launched like the e2e suite's, a
// signed-in teacher (the app's own guest start), admin-API seeding and in-page timing helpers.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Browser, type BrowserContext, chromium, type Page } from '@playwright/test'
import { conversationSteps, readRefreshToken, type SeedMessage, type Step } from '../e2e/fixtures/seed.ts'
import { CHROMIUM_ARGS, findChromium } from '../scripts/browser.mjs'
import {
  freePort,
  type ServerProcess,
  startServerProcess,
} from '../server/instant/conformance/server-process.ts'
import { LOCAL_APP_ID } from '../server/instant/local-app.ts'
import { build } from './bundle.bench.ts'
import { ChatSeeder } from './seed-chats.ts'
import { percentile, round, sampled } from './stats.ts'

let builtDir: Promise<string> | undefined

/** The production build (as `npm run build` makes it) into a scratch folder, once per bench process. */
export function builtApp(): Promise<string> {
  builtDir ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eduhu-bench-dist-'))
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }))
    await build(dir)
    return dir
  })()
  return builtDir
}

export interface BrowserStack {
  url: string
  port: number
  dataDir: string
  browser: Browser
  /** The stack's process; undefined while stopped. */
  server: ServerProcess | undefined
  adminToken(): string
  /** Stops the stack's process (by default SIGKILL: as a crash or a pulled plug looks to the browser). */
  stop(signal?: NodeJS.Signals): Promise<void>
  /** Starts it again on the same port and data. */
  restart(): Promise<void>
  close(): Promise<void>
}

/**
 * The built app and the local Instant server as `npm start` runs them (no assistant unless env names
 * a model), plus a headless Chromium with the e2e suite's flags.
 */
export async function startBrowserStack(opts: { env?: Record<string, string> } = {}): Promise<BrowserStack> {
  const distDir = await builtApp()
  const dataDir = mkdtempSync(join(tmpdir(), 'eduhu-bench-data-'))
  const port = await freePort()
  const env = {
    EDUHU_DIST_DIR: distDir,
    INSTANT_LOCAL_LOG: 'error',
    ASSISTANT_API_URL: '',
    ASSISTANT_MODEL: '',
    ...opts.env,
  }
  const start = () => startServerProcess(dataDir, port, { entry: 'stack', env })
  const { executablePath } = await findChromium({ install: false })
  const [server, browser] = await Promise.all([
    start(),
    chromium.launch({ args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) }),
  ])
  const stack: BrowserStack = {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    browser,
    server,
    adminToken: () => readFileSync(join(dataDir, 'admin-token'), 'utf8').trim(),
    async stop(signal = 'SIGKILL') {
      await stack.server?.kill(signal)
      stack.server = undefined
    },
    async restart() {
      stack.server = await start()
    },
    async close() {
      await browser.close()
      await stack.server?.kill('SIGTERM')
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
  return stack
}

/**
 * A browser context (one teacher's browser profile) at desktop size; given sameTeacherAs, a second
 * device of that context's teacher (its sign-in, kept in IndexedDB, carried over).
 */
export async function newTeacherContext(
  stack: BrowserStack,
  sameTeacherAs?: BrowserContext,
): Promise<BrowserContext> {
  const storageState = sameTeacherAs ? await sameTeacherAs.storageState({ indexedDB: true }) : undefined
  const context = await stack.browser.newContext({
    baseURL: stack.url,
    viewport: { width: 1280, height: 800 },
    ...(storageState && { storageState }),
  })
  // tsx compiles these files keeping function names (`__name(fn, "fn")`); functions sent into the page
  // carry those calls, so the page needs the helper.
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn' })
  return context
}

/**
 * Opens the app in context until the guest sign-in finished and the service worker is ready (so the
 * next pages are controlled by it); returns the signed-in user's id.
 */
export async function signIn(stack: BrowserStack, context: BrowserContext): Promise<string> {
  const page = await context.newPage()
  try {
    await page.goto('/')
    const token = await until(() => page.evaluate(readRefreshToken, LOCAL_APP_ID), 'the guest sign-in')
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready
    })
    const res = await fetch(`${stack.url}/runtime/auth/verify_refresh_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ 'app-id': LOCAL_APP_ID, 'refresh-token': token }),
    })
    if (!res.ok) throw new Error(`verify_refresh_token answered ${res.status}`)
    return ((await res.json()) as { user: { id: string } }).user.id
  } finally {
    await page.close()
  }
}

/** Admin-API transactions of `batch` steps each, as a server-side worker writes. */
export async function adminTransact(stack: BrowserStack, steps: Step[], batch = 2000): Promise<void> {
  for (let i = 0; i < steps.length; i += batch) {
    const res = await fetch(`${stack.url}/admin/transact`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${stack.adminToken()}`,
        'app-id': LOCAL_APP_ID,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ steps: steps.slice(i, i + batch) }),
    })
    if (!res.ok) throw new Error(`admin transact answered ${res.status}: ${await res.text()}`)
  }
}

/** Realistic chat turns: short prompts, longer Markdown replies. */
export function chatHistory(count: number): SeedMessage[] {
  const reply = 'Hier ist ein Arbeitsblatt mit **fünf Aufgaben** zur Bruchrechnung und den Lösungen. '
  return Array.from({ length: count }, (_, i) => ({
    role: i % 2 === 0 ? 'user' : 'assistant',
    text:
      i % 2 === 0
        ? `Frage ${i}: Erstelle ein Arbeitsblatt für Klasse 6.`
        : `${reply.repeat((i % 5) + 1)}(${i})`,
  }))
}

export interface SeededChat {
  conversationId: string
  messageIds: string[]
}

/** A chat of `count` messages owned by owner, seeded through the admin API; the newest ends at `endAt`. */
export async function seedChat(
  stack: BrowserStack,
  owner: string,
  title: string,
  count: number,
  endAt = Date.now(),
): Promise<SeededChat> {
  const { steps, ...chat } = conversationSteps(owner, title, chatHistory(count), {
    startAt: endAt - count * 60_000,
  })
  await adminTransact(stack, steps)
  return chat
}

/**
 * A chat of `count` messages owned by owner written straight into the stack's SQLite file while the
 * stack is stopped (bench/seed-chats.ts), then the stack started again: for 10^5 messages the admin
 * API takes minutes on a busy machine. The server loads them like any stored data. The texts, times
 * and links are seedChat's (chatHistory, one message a minute up to endAt), so the chat differs from
 * one seeded through the API only in its length.
 */
export async function seedChatInDatabase(
  stack: BrowserStack,
  owner: string,
  title: string,
  count: number,
  endAt = Date.now(),
): Promise<SeededChat> {
  await stack.stop('SIGTERM')
  const seeder = new ChatSeeder(stack.dataDir)
  const startAt = endAt - count * 60_000
  const conversationId = seeder.conversation(owner, { createdAt: startAt, title })
  const history = chatHistory(count)
  const messageIds = seeder
    .messages(conversationId, count, { text: (i) => history[i]!.text, startAt })
    .map((m) => m.id)
  seeder.close()
  await stack.restart()
  // The current path's leaf, as conversationSteps links it (the seeder writes no links of its own).
  await adminTransact(stack, [
    ['link', 'conversations', conversationId, { activeMessage: messageIds.at(-1)! }],
  ])
  return { conversationId, messageIds }
}

/** Polls check (every 50 ms, for up to timeoutMs) until it returns something other than null/undefined/false. */
export async function until<T>(
  check: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  what: string,
  timeoutMs = 120_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value !== null && value !== undefined && value !== false) return value
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** What watchVisible looks for: an element matching selector (whose text includes text, if given). */
export interface Watched {
  selector: string
  text?: string
}

export const messageWithId = (id: string): Watched => ({
  selector: `[data-testid="message"][data-message-id="${id}"]`,
})

/**
 * Runs in the page from its first script on (addInitScript): each animation frame, whether the watched
 * element is rendered with its box inside the viewport; the time of the first such check
 * (performance.now(), i.e. ms since the navigation started) goes to window.__benchVisibleAt. Not the
 * frame's own timestamp: that is when the frame began, and work that ran before its callbacks (the
 * render that put the element there) would not count.
 */
export function watchVisible({ selector, text }: Watched): void {
  const w = window as unknown as { __benchVisibleAt?: number }
  w.__benchVisibleAt = undefined
  const tick = () => {
    const now = performance.now()
    const hit = [...document.querySelectorAll(selector)].some((el) => {
      const box = el.getBoundingClientRect()
      const shown = box.height > 0 && box.bottom > 0 && box.top < window.innerHeight
      return shown && (text === undefined || el.textContent?.includes(text))
    })
    if (hit) w.__benchVisibleAt = now
    else requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
}

/** The time watchVisible recorded, once it has. */
export function visibleAt(page: Page, timeoutMs = 120_000): Promise<number> {
  return until(
    () => page.evaluate(() => (window as unknown as { __benchVisibleAt?: number }).__benchVisibleAt),
    'the message to show',
    timeoutMs,
  )
}

/** The page's element count and its JS heap after a garbage collection (Chromium's own metric). */
export async function domAndHeap(page: Page): Promise<{ dom_elements: number; js_heap_mib: number }> {
  const cdp = await page.context().newCDPSession(page)
  try {
    await cdp.send('HeapProfiler.collectGarbage')
    await cdp.send('Performance.enable')
    const { metrics } = await cdp.send('Performance.getMetrics')
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN
    const dom = await page.evaluate(() => document.getElementsByTagName('*').length)
    return { dom_elements: dom, js_heap_mib: round(heap / 2 ** 20) }
  } finally {
    await cdp.detach()
  }
}

/** p50 and p95 of repeated timings with their noise (p10–p90 spread over the median). */
export function timings(values: number[]): {
  p50: number
  p95: number
  noise_pct: number
  samples: number
} {
  const s = sampled(values)
  return { p50: s.median, p95: round(percentile(values, 95)), noise_pct: s.noise_pct, samples: s.samples }
}
