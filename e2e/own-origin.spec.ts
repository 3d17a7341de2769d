// "No data where it does not belong": every request the app makes during a whole session (pages and
// the service worker, web sockets included) goes to its own origin, which in `npm start` is also the
// Instant server's. Own stack (E2E_PORT + 8) with a scripted model behind the worker; the service
// worker allowed. Also checks the built files name no font, icon or script host of anyone else.

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { extname, join } from 'node:path'
import { type BrowserContext, expect, type Page, type Request, test } from '@playwright/test'
import { type ScriptedModel, startScriptedModel } from '../server/assistant/testing/scripted-model.ts'
import { type ServerProcess, startServerProcess } from '../server/instant/conformance/server-process.ts'
import { AccountPage } from './pages/account-page.ts'
import { ChatPage } from './pages/chat-page.ts'
import { ConversationList } from './pages/conversation-list.ts'
import { MaterialPage } from './pages/material-page.ts'

// Above the ports the other own-stack specs take (E2E_PORT + 1 … + 7).
const port = Number(process.env.E2E_PORT ?? 4310) + 8
const APP = `http://127.0.0.1:${port}`
let model: ScriptedModel
let stack: ServerProcess | undefined
let dataDir: string

test.use({ baseURL: APP, serviceWorkers: 'allow' })
// The stack compiles on the fly and the session is long: slow on a busy machine, and waiting is no race.
test.setTimeout(300_000)

test.beforeAll(async () => {
  test.setTimeout(180_000)
  model = await startScriptedModel()
  dataDir = mkdtempSync(join(tmpdir(), 'eduhu-e2e-origin-'))
  stack = await startServerProcess(dataDir, port, {
    entry: 'stack',
    env: {
      ASSISTANT_API_URL: model.url,
      ASSISTANT_MODEL: 'scripted-model',
      ASSISTANT_API_KEY: 'sk-e2e-never-shown',
      ASSISTANT_FLUSH_MS: '50',
      ASSISTANT_RETRY_DELAY_MS: '10',
      INSTANT_LOCAL_LOG: 'error',
    },
  })
})

test.afterAll(async () => {
  await stack?.kill('SIGTERM')
  await model?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

interface Recorded {
  url: string
  from: 'page' | 'service worker'
}

/** Every request of the context from now on: its pages, its service workers, and web sockets. */
function recordRequests(context: BrowserContext): Recorded[] {
  const seen: Recorded[] = []
  context.on('request', (r: Request) =>
    seen.push({ url: r.url(), from: r.serviceWorker() ? 'service worker' : 'page' }),
  )
  const watchSockets = (page: Page) =>
    page.on('websocket', (ws) => seen.push({ url: ws.url(), from: 'page' }))
  context.pages().forEach(watchSockets)
  context.on('page', watchSockets)
  return seen
}

/** The origin a URL sends to (a blob: URL is its creator's; a data: URL sends nothing). */
function destination(url: string): string | null {
  if (url.startsWith('data:')) return null
  const u = new URL(url.startsWith('blob:') ? url.slice(5) : url)
  // The Instant socket: same host and port as the app, over ws.
  return `${u.protocol.replace(/^ws/, 'http')}//${u.host}`
}

async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  await page.reload()
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true)
}

const MATERIAL =
  '{"kind":"worksheet","title":"Brüche addieren","subject":"Mathematik","grade":"6",' +
  '"body":"# Brüche addieren\\n\\nRechne $\\\\frac{1}{2} + \\\\frac{1}{4}$."}'

test('a whole session (sign-in, chat, material, library, settings, privacy, export, offline and back) asks only its own origin', async ({
  page,
  context,
}) => {
  const requests = recordRequests(context)
  const chat = new ChatPage(page)
  const material = new MaterialPage(page)

  await page.goto('/')
  await waitForServiceWorker(page)
  await new AccountPage(page).signInWithEmail('herkunft@schule.example')

  // A chat answered by the model, with math (KaTeX and its fonts) and a material from a tool call.
  await page.goto('/')
  const conversationId = await new ConversationList(page).createChat()
  model.queue({
    deltas: [
      'Hier ist die Regel: ',
      '$$\\frac{a}{b} + \\frac{c}{b} = \\frac{a+c}{b}$$\n\n',
      'Und dein Blatt.',
    ],
    toolCalls: [{ id: 'call_ws', name: 'create_material', arguments: [MATERIAL] }],
  })
  await chat.sendPrompt('Wie addiert man gleichnamige Brüche? Mach ein Arbeitsblatt für Klasse 6.')
  await expect(page.locator('.katex').first()).toBeVisible()
  const card = material.card('Brüche addieren')
  await expect(card).toBeVisible()
  await material.openLink('Brüche addieren').click()
  await expect(material.body).toContainText('Rechne')

  await page.goto('/library')
  await page
    .getByRole('link', { name: /Brüche addieren/ })
    .first()
    .click()
  await expect(page.getByTestId('artifact-body')).toContainText('Rechne')

  // The settings name the model endpoint's host (the scripted model here), never its path or key.
  await page.goto('/settings')
  const endpoint = page.getByTestId('model-endpoint')
  await expect(endpoint).toHaveText(`Modell-Endpunkt: ${new URL(model.url).host}`)
  await expect(page.locator('main')).not.toContainText('/v1')
  await expect(page.locator('main')).not.toContainText('sk-e2e')

  await page.goto('/privacy')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Datenschutz: Was wo gespeichert wird')
  await expect(page.getByTestId('model-endpoint')).toContainText(new URL(model.url).host)

  await page.goto('/settings')
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'ZIP-Datei erstellen' }).click()
  await downloading
  await expect(page.getByText('Fertig: Die ZIP-Datei wurde heruntergeladen.')).toBeVisible()

  // Offline: the app and the chat come from the service worker's cache and the device's store.
  await context.setOffline(true)
  await page.goto(`/c/${conversationId}`)
  await expect(page.getByTestId('connection')).toHaveText('Keine Verbindung zum Server')
  await expect(chat.messageWithText('Und dein Blatt.')).toBeVisible()
  await page.goto('/library')
  await expect(page.getByRole('link', { name: /Brüche addieren/ }).first()).toBeVisible()

  // And back: the connection returns and the next prompt is answered.
  await context.setOffline(false)
  await page.goto(`/c/${conversationId}`)
  await expect(page.getByTestId('connection')).toHaveText('Verbunden')
  model.queue({ deltas: ['Gern geschehen.'] })
  await chat.sendPrompt('Danke!')
  await expect(chat.messageWithText('Gern geschehen.')).toBeVisible()

  // The recording saw what it should, so an empty or partial one cannot pass.
  const urls = requests.map((r) => r.url)
  expect(requests.some((r) => r.from === 'service worker')).toBe(true)
  expect(urls.some((u) => u.startsWith(`ws://127.0.0.1:${port}/`))).toBe(true)
  expect(urls.some((u) => /\.woff2?(\?|$)/.test(u))).toBe(true)
  const elsewhere = requests.filter((r) => {
    const to = destination(r.url)
    return to !== null && to !== APP
  })
  expect(elsewhere).toEqual([])
})

/** Hosts that serve fonts, icons or scripts to other sites; none may appear in what we ship. */
const THIRD_PARTY_ASSET_HOSTS =
  /fonts\.googleapis\.com|fonts\.gstatic\.com|cdn\.jsdelivr\.net|unpkg\.com|cdnjs\.cloudflare\.com|use\.typekit\.net|kit\.fontawesome\.com|use\.fontawesome\.com|maxcdn\.bootstrapcdn\.com|esm\.sh|cdn\.skypack\.dev|ajax\.googleapis\.com/

function builtFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && ['.js', '.css', '.html', '.webmanifest', '.json'].includes(extname(e.name)))
    .map((e) => join(e.parentPath, e.name))
}

test('the built app names no third-party font, icon or script host and loads no CSS asset from elsewhere', () => {
  const dist = process.env.EDUHU_DIST_DIR || 'dist'
  const files = builtFiles(dist)
  expect(files.some((f) => f.endsWith('.css'))).toBe(true)
  const found: string[] = []
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    const host = THIRD_PARTY_ASSET_HOSTS.exec(text)
    if (host) found.push(`${file}: ${host[0]}`)
    if (file.endsWith('.css')) {
      // Every url() in the CSS (KaTeX's fonts included) is a file of the build or inline data.
      for (const m of text.matchAll(/url\(\s*["']?([^"')]+)/g))
        if (/^(https?:)?\/\//.test(m[1] as string)) found.push(`${file}: url(${m[1]})`)
      for (const m of text.matchAll(/@import\s+(?:url\()?\s*["']?([^"');]+)/g))
        found.push(`${file}: @import ${m[1]}`)
    }
    if (file.endsWith('.html'))
      for (const m of text.matchAll(/(?:src|href)\s*=\s*["']((?:https?:)?\/\/[^"']+)/g))
        found.push(`${file}: ${m[1]}`)
  }
  expect(found).toEqual([])
})
