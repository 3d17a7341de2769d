// Where the time goes when a chat opens on a warm app: builds the app, starts the local stack on a
// fresh data dir, installs the service worker in headless Chromium, seeds chats of several lengths and
// prints, per phase, the median over interleaved opens. `node --import tsx scripts/trace-chat-open.ts`.

import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Page } from '@playwright/test'
import { LOCAL_APP_ID } from '../server/instant/local-app.ts'
import { CHROMIUM_ARGS, findChromium } from './browser.mjs'

interface Options {
  port: number
  runs: number
  sizes: number[]
  distDir: string
  build: boolean
  /** Small chats besides the measured ones: the recent chats a teacher has (warmed for offline). */
  others: number
}

function readOptions(argv: string[]): Options {
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`)
    return i >= 0 ? argv[i + 1] : undefined
  }
  return {
    port: Number(value('port') ?? 4429),
    runs: Number(value('runs') ?? 7),
    sizes: (value('sizes') ?? '30,10000').split(',').map(Number),
    distDir: value('dist') ?? 'dist-trace',
    build: !argv.includes('--no-build'),
    others: Number(value('others') ?? 20),
  }
}

/** Phases, in the order they happen, as the page records them (performance.now(), navigation = 0). */
const PHASES = [
  ['html', 'index.html received'],
  ['script', 'main script received'],
  ['react', 'first React commit (#root filled)'],
  ['wsOpen', 'socket open'],
  ['initOk', 'init-ok (auth with the stored token)'],
  ['pageSent', 'message page query sent'],
  ['pageOk', 'message page result received'],
  ['title', 'chat title in the DOM'],
  ['firstMessage', 'first message in the DOM'],
  ['visible', 'latest message in the viewport'],
  ['markdown', 'Markdown chunk rendered'],
  ['fonts', 'document.fonts.ready'],
] as const
type Phase = (typeof PHASES)[number][0]

/** Runs in the page before the app: records the phases above into window.__trace. */
function recorder() {
  const marks: Record<string, number> = {}
  const w = window as unknown as { __trace: Record<string, number>; __queries?: string[] }
  w.__trace = marks
  const mark = (k: string) => {
    if (!(k in marks)) marks[k] = performance.now()
  }
  const isPage = (s: string) => s.includes('"messages"') && s.includes('conversation.id')
  const Native = window.WebSocket
  window.WebSocket = class extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols)
      this.addEventListener('open', () => mark('wsOpen'))
      this.addEventListener('message', (e) => {
        const s = String(e.data)
        if (s.includes('"op":"init-ok"')) mark('initOk')
        if (s.includes('"op":"add-query-ok"') && isPage(s.slice(0, 600))) mark('pageOk')
      })
    }
    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView) {
      const s = String(data)
      if (s.includes('"op":"add-query"') && isPage(s)) {
        mark('pageSent')
        w.__queries = [...(w.__queries ?? []), s.slice(s.indexOf('"q":'), s.indexOf('"order"'))]
      }
      super.send(data)
    }
  }
  document.fonts.ready.then(() => mark('fonts'))
  const target = sessionStorage.getItem('trace-target') ?? ''
  const check = () => {
    if (document.querySelector('#root > *')) mark('react')
    if (document.querySelector('.chat-view__title')) mark('title')
    if (document.querySelector('[data-testid="message"]')) mark('firstMessage')
    if (document.querySelector('[data-testid="message"] .md')) mark('markdown')
    const last = target && document.querySelector(`[data-message-id="${target}"]`)
    if (last) {
      const r = last.getBoundingClientRect()
      if (r.bottom > 0 && r.top < window.innerHeight) mark('visible')
    }
  }
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true })
  // Layout (not a mutation) decides whether the latest message is in view: look once per frame.
  const frame = () => {
    check()
    if (!('visible' in marks)) requestAnimationFrame(frame)
  }
  requestAnimationFrame(frame)
}

async function startStack(o: Options): Promise<{ stack: ChildProcess; dataDir: string }> {
  if (o.build) {
    const build = spawnSync(
      process.execPath,
      [
        'node_modules/vite/bin/vite.js',
        'build',
        '--logLevel',
        'warn',
        '--outDir',
        o.distDir,
        '--emptyOutDir',
      ],
      { stdio: 'inherit' },
    )
    if (build.status !== 0) throw new Error('vite build failed')
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'eduhu-trace-'))
  const stack = spawn(process.execPath, ['--import', 'tsx', 'server/stack/main.ts'], {
    env: {
      ...process.env,
      PORT: String(o.port),
      EDUHU_DIST_DIR: o.distDir,
      INSTANT_LOCAL_DATA_DIR: dataDir,
      INSTANT_LOCAL_LOG: 'warn',
      ASSISTANT_API_URL: '',
      ASSISTANT_MODEL: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  for (;;) {
    if (stack.exitCode !== null) throw new Error('the stack exited while starting')
    const ok = await fetch(`http://127.0.0.1:${o.port}/health`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) return { stack, dataDir }
    await new Promise((r) => setTimeout(r, 250))
  }
}

async function adminTransact(o: Options, dataDir: string, steps: unknown[]): Promise<void> {
  const token = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim()
  for (let i = 0; i < steps.length; i += 500) {
    const res = await fetch(`http://127.0.0.1:${o.port}/admin/transact`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'app-id': LOCAL_APP_ID,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ steps: steps.slice(i, i + 500) }),
    })
    if (!res.ok) throw new Error(`admin transact: ${res.status} ${await res.text()}`)
  }
}

/** A linear chat of n messages owned by `owner`; returns its id and its latest message's id. */
function chatSteps(owner: string, n: number): { id: string; last: string; steps: unknown[] } {
  const id = randomUUID()
  const start = Date.now() - n * 60_000
  const steps: unknown[] = [
    [
      'update',
      'conversations',
      id,
      { title: `Chat ${n}`, createdAt: start, updatedAt: start, pinned: false, archived: false },
    ],
    ['link', 'conversations', id, { owner }],
  ]
  let parent: string | undefined
  const sentence = 'Die Klasse arbeitet in Gruppen an einem Arbeitsblatt zur **Bruchrechnung**. '
  for (let i = 0; i < n; i++) {
    const m = randomUUID()
    const createdAt = start + i * 60_000
    const text = `Nachricht ${i}: ${sentence.repeat((i % 5) + 1)}`
    steps.push([
      'update',
      'messages',
      m,
      { role: i % 2 ? 'assistant' : 'user', text, status: 'done', createdAt, updatedAt: createdAt },
    ])
    steps.push(['link', 'messages', m, parent ? { conversation: id, parent } : { conversation: id }])
    parent = m
  }
  steps.push(['link', 'conversations', id, { activeMessage: parent }])
  return { id, last: parent ?? '', steps }
}

async function signedInUser(page: Page, o: Options): Promise<string> {
  const read = () =>
    page.evaluate(async (appId) => {
      const name = `instant_${appId}_6`
      if (!(await indexedDB.databases()).some((d) => d.name === name)) return null
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open(name)
        r.onsuccess = () => res(r.result)
        r.onerror = () => rej(r.error)
      })
      if (!db.objectStoreNames.contains('kv')) return null
      const raw = await new Promise<unknown>((res) => {
        const r = db.transaction('kv').objectStore('kv').get('currentUser')
        r.onsuccess = () => res(r.result)
        r.onerror = () => res(null)
      })
      db.close()
      const user = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { refresh_token?: string } | null
      return user?.refresh_token ?? null
    }, LOCAL_APP_ID)
  let token = await read()
  // The guest sign-in is still on its way: ask again until the client stored the user.
  while (!token) {
    await new Promise((r) => setTimeout(r, 200))
    token = await read()
  }
  const res = await fetch(`http://127.0.0.1:${o.port}/runtime/auth/verify_refresh_token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ 'app-id': LOCAL_APP_ID, 'refresh-token': token }),
  })
  const body = (await res.json()) as { user?: { id: string } }
  if (!body.user) throw new Error(`verify_refresh_token: ${res.status} ${JSON.stringify(body)}`)
  return body.user.id
}

async function openOnce(page: Page, chat: { id: string; last: string }): Promise<Record<Phase, number>> {
  await page.evaluate((last) => sessionStorage.setItem('trace-target', last), chat.last)
  await page.goto(`/c/${chat.id}`, { waitUntil: 'commit' })
  await page
    .waitForFunction(
      () => {
        const t = (window as unknown as { __trace?: Record<string, number> }).__trace
        return t && 'visible' in t && 'markdown' in t && 'fonts' in t
      },
      undefined,
      { timeout: 30_000 },
    )
    .catch(async (e: unknown) => {
      const seen = await page.evaluate(() =>
        JSON.stringify((window as unknown as { __trace?: unknown }).__trace),
      )
      throw new Error(`${chat.id} did not open: ${String(e)}; recorded ${seen}; ${page.url()}`)
    })
  return page.evaluate(() => {
    const t = { ...(window as unknown as { __trace: Record<string, number> }).__trace }
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined
    if (nav) t.html = nav.responseEnd
    const script = performance
      .getEntriesByType('resource')
      .find((e) => /\/assets\/index-[^/]+\.js$/.test(e.name)) as PerformanceResourceTiming | undefined
    if (script) t.script = script.responseEnd
    console.log(JSON.stringify((window as unknown as { __queries?: string[] }).__queries))
    return t as Record<Phase, number>
  })
}

function quantile(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN
}

async function main() {
  const o = readOptions(process.argv.slice(2))
  const { stack, dataDir } = await startStack(o)
  try {
    const { executablePath } = await findChromium({ install: false })
    const browser = await chromium.launch({
      args: CHROMIUM_ARGS,
      ...(executablePath ? { executablePath } : {}),
    })
    const context = await browser.newContext({
      baseURL: `http://127.0.0.1:${o.port}`,
      serviceWorkers: 'allow',
    })
    // tsx keeps function names through a `__name` helper the page does not have.
    await context.addInitScript({ content: `globalThis.__name ??= (f) => f;(${recorder.toString()})()` })
    const page = await context.newPage()
    if (process.env.TRACE_DEBUG) page.on('console', (m) => console.log(m.text()))
    await page.goto('/')
    const owner = await signedInUser(page, o)
    // The service worker installs and takes control: every measured open is a warm one.
    await page.evaluate(() => navigator.serviceWorker.ready)
    await page.reload()
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
    for (let i = 0; i < o.others; i++) await adminTransact(o, dataDir, chatSteps(owner, 10).steps)
    const chats = []
    for (const n of o.sizes) {
      const chat = chatSteps(owner, n)
      await adminTransact(o, dataDir, chat.steps)
      chats.push({ n, ...chat })
    }
    // One unmeasured open each: the Markdown chunk, fonts and cached query results are warm.
    for (const chat of chats) await openOnce(page, chat)
    const results = new Map<number, Record<Phase, number>[]>(chats.map((c) => [c.n, []]))
    const loads: number[] = []
    for (let run = 0; run < o.runs; run++) {
      for (const chat of run % 2 ? [...chats].reverse() : chats) {
        results.get(chat.n)?.push(await openOnce(page, chat))
        loads.push(loadavg()[0] ?? 0)
      }
    }
    const header = ['phase (ms after navigation)', ...o.sizes.map((n) => `${n} msgs p50 / p95`)]
    const rows = PHASES.map(([key, label]) => [
      `${label}`,
      ...o.sizes.map((n) => {
        const v = (results.get(n) ?? []).map((r) => r[key]).filter((x) => x !== undefined)
        return v.length ? `${quantile(v, 0.5).toFixed(0)} / ${quantile(v, 0.95).toFixed(0)}` : '–'
      }),
    ])
    console.log([header, ...rows].map((r) => r.join(' | ')).join('\n'))
    const visible = o.sizes.map((n) =>
      quantile(
        (results.get(n) ?? []).map((r) => r.visible),
        0.5,
      ),
    )
    const base = visible[0] ?? Number.NaN
    for (let i = 1; i < o.sizes.length; i++) {
      console.log(
        `ratio ${o.sizes[i]}/${o.sizes[0]} (latest message visible, p50): ${((visible[i] ?? 0) / base).toFixed(2)}`,
      )
    }
    console.log(
      `runs per size: ${o.runs}; load average during runs: ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`,
    )
    await browser.close()
  } finally {
    const exited = new Promise((r) => stack.once('exit', r))
    stack.kill('SIGTERM')
    await exited
  }
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
