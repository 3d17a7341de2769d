// Lighthouse (npm `lighthouse`, pinned) on the production build served as `npm start` serves it: the
// chat screen of a 1,000-message chat (signed-in teacher, seeded through the admin API) and the start
// page of a first visit, phone (Lighthouse's default throttling) and desktop; median of several runs.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import lighthouse, { desktopConfig } from 'lighthouse'
import { type BrowserContext, chromium, type Page } from 'playwright'
import { CHROMIUM_ARGS, findChromium } from '../scripts/browser.mjs'
import { freePort, startServerProcess } from '../server/instant/conformance/server-process.ts'
import { LOCAL_APP_ID } from '../server/instant/local-app.ts'
import { build } from './bundle.bench.ts'
import { round, type Sampled, sampled } from './stats.ts'

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3)
const CHAT_MESSAGES = 1_000
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const
const METRICS = {
  fcp_ms: 'first-contentful-paint',
  lcp_ms: 'largest-contentful-paint',
  tbt_ms: 'total-blocking-time',
  speed_index_ms: 'speed-index',
  cls: 'cumulative-layout-shift',
} as const

type FormFactor = 'mobile' | 'desktop'
type Report = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr']

export async function benchLighthouse(): Promise<Record<string, unknown>> {
  const scratch = mkdtempSync(join(tmpdir(), 'eduhu-lighthouse-'))
  const dist = join(scratch, 'dist')
  await build(dist)
  const dataDir = join(scratch, 'data')
  const server = await startServerProcess(dataDir, await freePort(), {
    entry: 'stack',
    env: { EDUHU_DIST_DIR: dist, ASSISTANT_API_URL: '', ASSISTANT_MODEL: '' },
  })
  const adminToken = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim()
  const { executablePath } = await findChromium({ install: false })
  try {
    // The chat screen needs the teacher's session: sign in (the app makes a guest) in the profile
    // Lighthouse then drives, and keep that profile's storage across the runs.
    const chatBrowser = await launch(join(scratch, 'chat-profile'), executablePath)
    let chat: Record<FormFactor, Summary>
    try {
      const chatUrl = await seedLongChat(chatBrowser.context, server.url, adminToken)
      chat = await measure(chatUrl, chatBrowser, true)
    } finally {
      await chatBrowser.context.close()
    }
    // The start page as a teacher first sees it: Lighthouse clears the origin's storage each run.
    const startBrowser = await launch(join(scratch, 'start-profile'), executablePath)
    let start: Record<FormFactor, Summary>
    try {
      start = await measure(`${server.url}/`, startBrowser, false)
    } finally {
      await startBrowser.context.close()
    }
    return {
      lighthouse: lighthouseVersion(),
      runs: RUNS,
      chat_messages: CHAT_MESSAGES,
      chat_1000: chat,
      start_page: start,
    }
  } finally {
    await server.kill('SIGTERM')
    rmSync(scratch, { recursive: true, force: true })
  }
}

interface Browser {
  context: BrowserContext
  port: number
}

/** Headless Chromium with the project's flags and a debugging port Lighthouse attaches to. */
async function launch(profile: string, executablePath: string | undefined): Promise<Browser> {
  const port = await freePort()
  const context = await chromium.launchPersistentContext(profile, {
    headless: true,
    args: [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`],
    ...(executablePath ? { executablePath } : {}),
  })
  return { context, port }
}

/** Signs the browser in (first visit → guest), seeds a long chat for that user, returns its URL. */
async function seedLongChat(context: BrowserContext, origin: string, adminToken: string): Promise<string> {
  const page = await context.newPage()
  await page.goto(`${origin}/`)
  const ownerId = await signedInUser(page, origin)
  const conversationId = crypto.randomUUID()
  const steps = chatSteps(ownerId, conversationId)
  for (let i = 0; i < steps.length; i += 500) {
    const res = await fetch(`${origin}/admin/transact`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${adminToken}`,
        'app-id': LOCAL_APP_ID,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ steps: steps.slice(i, i + 500) }),
    })
    if (!res.ok) throw new Error(`admin transact: ${res.status} ${await res.text()}`)
  }
  await page.close()
  return `${origin}/c/${conversationId}`
}

/**
 * The id of the user the page signed in as. The token in storage can still be one the server does not
 * know yet (the guest sign-in is under way), so read it again until the server confirms it.
 */
async function signedInUser(page: Page, origin: string): Promise<string> {
  const deadline = Date.now() + 120_000
  for (;;) {
    const token = await (
      await page.waitForFunction(readRefreshToken, LOCAL_APP_ID, { timeout: 120_000 })
    ).jsonValue()
    const verify = await fetch(`${origin}/runtime/auth/verify_refresh_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ 'app-id': LOCAL_APP_ID, 'refresh-token': token }),
    })
    if (verify.ok) return ((await verify.json()) as { user: { id: string } }).user.id
    if (Date.now() > deadline)
      throw new Error(`verify_refresh_token: ${verify.status} ${await verify.text()}`)
    await page.waitForTimeout(200)
  }
}

/** Runs in the page: the signed-in user's refresh token once Instant stored it (else falsy). */
async function readRefreshToken(appId: string): Promise<string | false> {
  const name = `instant_${appId}_6`
  if (!(await indexedDB.databases()).some((d) => d.name === name)) return false
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name)
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })
  try {
    if (!db.objectStoreNames.contains('kv')) return false
    const raw = await new Promise<unknown>((resolve, reject) => {
      const req = db.transaction('kv').objectStore('kv').get('currentUser')
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error)
    })
    const user = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { refresh_token?: string } | null
    return user?.refresh_token ?? false
  } finally {
    db.close()
  }
}

type Step = [string, string, string, Record<string, unknown>]

/** A linear chat of CHAT_MESSAGES messages (Markdown replies of realistic length), as the worker writes it. */
function chatSteps(ownerId: string, conversationId: string): Step[] {
  const start = Date.now() - CHAT_MESSAGES * 60_000
  const steps: Step[] = [
    [
      'update',
      'conversations',
      conversationId,
      { title: 'Bruchrechnung Klasse 6', createdAt: start, updatedAt: start, pinned: false, archived: false },
    ],
    ['link', 'conversations', conversationId, { owner: ownerId }],
  ]
  let previous: string | null = null
  for (let i = 0; i < CHAT_MESSAGES; i++) {
    const id = crypto.randomUUID()
    const createdAt = start + i * 60_000
    const text =
      i % 2 === 0
        ? `Erstelle Aufgabe ${i} zur Bruchrechnung für Klasse 6.`
        : `## Aufgabe ${i}\n\n${'Die Klasse arbeitet in Gruppen an einem **Arbeitsblatt**. '.repeat(4)}\n\n1. ½ + ¼ = ?\n2. ⅔ − ⅙ = ?`
    const role = i % 2 === 0 ? 'user' : 'assistant'
    steps.push(['update', 'messages', id, { role, text, status: 'done', createdAt, updatedAt: createdAt }])
    steps.push([
      'link',
      'messages',
      id,
      previous ? { conversation: conversationId, parent: previous } : { conversation: conversationId },
    ])
    previous = id
  }
  if (previous) steps.push(['link', 'conversations', conversationId, { activeMessage: previous }])
  return steps
}

interface Summary {
  performance: Sampled
  accessibility: Sampled
  best_practices: Sampled
  metrics: Record<keyof typeof METRICS, Sampled>
  /** Audits below 0.9 in the run with the median performance score (what to fix next). */
  findings: { id: string; score: number; value?: string }[]
}

/**
 * RUNS Lighthouse runs per form factor, interleaved (phone, desktop, phone, …) so a burst of load on
 * the machine hits both. keepSession: the origin's storage stays (the signed-in teacher), but the
 * service worker, its caches and the HTTP cache go before each run, so every run loads the app cold.
 */
async function measure(
  url: string,
  browser: Browser,
  keepSession: boolean,
): Promise<Record<FormFactor, Summary>> {
  const reports: Record<FormFactor, Report[]> = { mobile: [], desktop: [] }
  for (let run = 0; run < RUNS; run++) {
    for (const formFactor of ['mobile', 'desktop'] as const) {
      if (keepSession) await dropCaches(browser.context, url)
      const result = await lighthouse(
        url,
        {
          port: browser.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: [...CATEGORIES],
          disableStorageReset: keepSession,
        },
        formFactor === 'desktop' ? desktopConfig : undefined,
      )
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`)
      if (result.lhr.runtimeError) throw new Error(`Lighthouse: ${result.lhr.runtimeError.message}`)
      reports[formFactor].push(result.lhr)
      process.stdout.write(
        `  lighthouse ${formFactor} ${new URL(url).pathname.slice(0, 12)} run ${run + 1}: ${CATEGORIES.map((c) => score(result.lhr, c)).join(' / ')}\n`,
      )
    }
  }
  return { mobile: summarise(reports.mobile), desktop: summarise(reports.desktop) }
}

/** Service worker, Cache Storage and HTTP cache of the origin, leaving IndexedDB and localStorage. */
async function dropCaches(context: BrowserContext, url: string): Promise<void> {
  const page = await context.newPage()
  try {
    const cdp = await context.newCDPSession(page)
    await cdp.send('Storage.clearDataForOrigin', {
      origin: new URL(url).origin,
      storageTypes: 'service_workers,cache_storage',
    })
    await cdp.send('Network.clearBrowserCache')
  } finally {
    await page.close()
  }
}

const score = (lhr: Report, category: string) => Math.round((lhr.categories[category]?.score ?? 0) * 100)

function summarise(reports: Report[]): Summary {
  const metrics = Object.fromEntries(
    Object.entries(METRICS).map(([key, audit]) => [
      key,
      sampled(reports.map((r) => round(r.audits[audit]?.numericValue ?? Number.NaN))),
    ]),
  ) as Record<keyof typeof METRICS, Sampled>
  const byPerformance = [...reports].sort((a, b) => score(a, 'performance') - score(b, 'performance'))
  const median = byPerformance[Math.floor(byPerformance.length / 2)]!
  const findings = Object.values(median.audits)
    .filter(
      (a) =>
        a.score !== null &&
        a.score < 0.9 &&
        a.scoreDisplayMode !== 'informative' &&
        a.scoreDisplayMode !== 'notApplicable',
    )
    .map((a) => ({ id: a.id, score: a.score ?? 0, ...(a.displayValue ? { value: a.displayValue } : {}) }))
  return {
    performance: sampled(reports.map((r) => score(r, 'performance'))),
    accessibility: sampled(reports.map((r) => score(r, 'accessibility'))),
    best_practices: sampled(reports.map((r) => score(r, 'best-practices'))),
    metrics,
    findings,
  }
}

function lighthouseVersion(): string {
  const pkg = JSON.parse(readFileSync('node_modules/lighthouse/package.json', 'utf8')) as { version: string }
  return pkg.version
}
