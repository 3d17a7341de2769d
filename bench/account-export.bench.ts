// "Download all my data" for a teacher with 10,000 messages: the production build on the stack
// (`npm start`'s entry), the real ZIP export clicked in headless Chromium. Reports the time to the
// download, the peak JS heap (CDP, sampled every 100 ms), and whether the tab stayed responsive: long
// tasks (PerformanceObserver) and how late a 50 ms timer fired at worst while the export ran.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Page } from '@playwright/test'
import { strFromU8, unzipSync } from 'fflate'
import { conversationSteps, readRefreshToken, type Step } from '../e2e/fixtures/seed.ts'
import { CHROMIUM_ARGS, findChromium } from '../scripts/browser.mjs'
import { freePort, startServerProcess } from '../server/instant/conformance/server-process.ts'
import { LOCAL_APP_ID } from '../server/instant/local-app.ts'
import { builtApp, until } from './browser-harness.ts'
import { round } from './stats.ts'

const MESSAGES = 10_000
const CHATS = 50
const MIB = 2 ** 20

/**
 * Runs in the page from its first script: long tasks, and how late a 50 ms timer fires (how long a
 * click would wait), both counted once `__exportWatch` is on.
 */
function watchResponsiveness(): void {
  const w = window as unknown as { __exportWatch: boolean; __longTasks: number[]; __maxLag: number }
  w.__exportWatch = false
  w.__longTasks = []
  w.__maxLag = 0
  new PerformanceObserver((list) => {
    if (!w.__exportWatch) return
    for (const e of list.getEntries()) w.__longTasks.push(e.duration)
  }).observe({ type: 'longtask' })
  let due = performance.now() + 50
  setInterval(() => {
    const now = performance.now()
    if (w.__exportWatch) w.__maxLag = Math.max(w.__maxLag, now - due)
    due = now + 50
  }, 50)
}

async function seed(url: string, adminToken: string, steps: Step[]): Promise<void> {
  for (let i = 0; i < steps.length; i += 2_000) {
    const res = await fetch(`${url}/admin/transact`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${adminToken}`,
        'app-id': LOCAL_APP_ID,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ steps: steps.slice(i, i + 2_000) }),
    })
    if (!res.ok) throw new Error(`admin transact answered ${res.status}: ${await res.text()}`)
  }
}

async function userIdOf(page: Page, url: string): Promise<string> {
  const token = await until(() => page.evaluate(readRefreshToken, LOCAL_APP_ID), 'the guest sign-in')
  const res = await fetch(`${url}/runtime/auth/verify_refresh_token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ 'app-id': LOCAL_APP_ID, 'refresh-token': token }),
  })
  if (!res.ok) throw new Error(`verify_refresh_token answered ${res.status}`)
  return ((await res.json()) as { user: { id: string } }).user.id
}

export async function benchAccountExport(): Promise<Record<string, unknown>> {
  const scratch = mkdtempSync(join(tmpdir(), 'eduhu-bench-export-'))
  const dist = await builtApp()
  const dataDir = join(scratch, 'data')
  const port = await freePort()
  const stack = await startServerProcess(dataDir, port, {
    entry: 'stack',
    env: { EDUHU_DIST_DIR: dist, INSTANT_LOCAL_LOG: 'error', ASSISTANT_API_URL: '', ASSISTANT_MODEL: '' },
  })
  const url = `http://127.0.0.1:${port}`
  const { executablePath } = await findChromium({ install: false })
  const browser = await chromium.launch({
    args: CHROMIUM_ARGS,
    ...(executablePath ? { executablePath } : {}),
  })
  try {
    const context = await browser.newContext({ baseURL: url, viewport: { width: 1280, height: 800 } })
    await context.addInitScript(watchResponsiveness)
    const page = await context.newPage()
    // Waits end when their condition holds; only a broken export takes this long.
    page.setDefaultTimeout(600_000)
    await page.goto('/')
    const owner = await userIdOf(page, url)
    const perChat = MESSAGES / CHATS
    const steps = Array.from(
      { length: CHATS },
      (_, c) =>
        conversationSteps(
          owner,
          `Chat ${c}`,
          Array.from({ length: perChat }, (_, i) => ({
            role: i % 2 ? ('assistant' as const) : ('user' as const),
            text:
              i % 2
                ? `Hier ist ein Vorschlag mit **fünf Aufgaben** und Lösungen (${c}-${i}). `.repeat(
                    (i % 4) + 1,
                  )
                : `Frage ${c}-${i}: Erstelle ein Arbeitsblatt für Klasse 6.`,
          })),
          { startAt: Date.now() - (c + 1) * perChat * 60_000 },
        ).steps,
    ).flat()
    const seedStarted = performance.now()
    await seed(url, readFileSync(join(dataDir, 'admin-token'), 'utf8').trim(), steps)
    const seedMs = performance.now() - seedStarted

    await page.goto('/settings')
    const button = page.getByRole('button', { name: 'ZIP-Datei erstellen' })
    await button.waitFor()
    const cdp = await context.newCDPSession(page)
    await cdp.send('HeapProfiler.collectGarbage')
    const heap = async () => ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize
    const heapBefore = await heap()
    let peak = heapBefore
    let sampling = true
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, await heap())
        await new Promise((r) => setTimeout(r, 100))
      }
    })()

    await page.evaluate(() => {
      ;(window as unknown as { __exportWatch: boolean }).__exportWatch = true
    })
    const load = loadavg()[0]
    const started = performance.now()
    const downloading = page.waitForEvent('download', { timeout: 600_000 })
    await button.click()
    const download = await downloading
    const exportMs = performance.now() - started
    await page.getByText('Fertig: Die ZIP-Datei wurde heruntergeladen.').waitFor()
    const watched = await page.evaluate(() => {
      const w = window as unknown as { __exportWatch: boolean; __longTasks: number[]; __maxLag: number }
      w.__exportWatch = false
      return { longTasks: w.__longTasks, maxLag: w.__maxLag }
    })
    sampling = false
    await sampler

    // The ZIP really holds all of them (a fast export of nothing would measure nothing).
    const zip = readFileSync((await download.path()) as string)
    const files = unzipSync(new Uint8Array(zip))
    const exported = (JSON.parse(strFromU8(files['data/messages.json'] as Uint8Array)) as unknown[]).length
    if (exported !== MESSAGES) throw new Error(`the ZIP holds ${exported} messages, not ${MESSAGES}`)
    const chatFiles = Object.keys(files).filter((n) => n.startsWith('chats/')).length
    if (chatFiles !== CHATS) throw new Error(`the ZIP holds ${chatFiles} chat files, not ${CHATS}`)

    const tasks = watched.longTasks
    return {
      messages: MESSAGES,
      chats: CHATS,
      seed_ms: Math.round(seedMs),
      export_ms: Math.round(exportMs),
      zip_mib: round(zip.length / MIB),
      heap_before_mib: round(heapBefore / MIB),
      peak_heap_mib: round(peak / MIB),
      long_tasks: {
        count: tasks.length,
        total_ms: Math.round(tasks.reduce((a, b) => a + b, 0)),
        longest_ms: Math.round(Math.max(0, ...tasks)),
        share_of_export_pct: round((tasks.reduce((a, b) => a + b, 0) / exportMs) * 100),
      },
      max_timer_lag_ms: Math.round(watched.maxLag),
      load_avg_1min_at_start: round(load ?? 0),
    }
  } finally {
    await browser.close()
    await stack.kill('SIGTERM')
    rmSync(scratch, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(`${JSON.stringify(await benchAccountExport(), null, 2)}\n`)
}
