// Untrusted text never runs: an XSS corpus in messages, a conversation title and an artifact. A hook
// installed before the app loads records any payload that executes (and any dialog); it must stay
// empty. Nothing is judged by reading the HTML. Remote images must not be fetched either.

import { expect, type Request, test } from '@playwright/test'
import {
  adminTransact,
  artifactSteps,
  conversationSteps,
  type SeedMessage,
  signedInUserId,
} from './fixtures/seed.ts'
import { ChatPage } from './pages/chat-page.ts'
import { LibraryPage } from './pages/library-page.ts'

const CORPUS = [
  `<script>__xss.push('script')</script>`,
  `Text <script>__xss.push('inline-script')</script> danach`,
  `<img src=x onerror="__xss.push('img-onerror')">`,
  `<svg onload="__xss.push('svg-onload')"><circle r="1"/></svg>`,
  `<svg><script>__xss.push('svg-script')</script></svg>`,
  `<iframe src="javascript:__xss.push('iframe')"></iframe>`,
  `<iframe srcdoc="<script>parent.__xss.push('srcdoc')</script>"></iframe>`,
  `<a href="javascript:__xss.push('html-a')">HTML-Link</a>`,
  `<details open ontoggle="__xss.push('details')"><summary>x</summary></details>`,
  `<math><mtext><img src=x onerror="__xss.push('mathml')"></mtext></math>`,
  `<style>@import 'javascript:__xss.push(1)';</style><body onload="__xss.push('body')">`,
  `<object data="data:text/html,<script>parent.__xss.push('object')</script>"></object>`,
  `[Markdown-Link](javascript:__xss.push('md-link'))`,
  `[Groß geschrieben](JaVaScRiPt:__xss.push('md-case'))`,
  `[Entität](javascript&#58;__xss.push('md-entity'))`,
  `[Entität 2](&#106;avascript:__xss.push('md-entity2'))`,
  `[Tab](java\tscript:__xss.push('md-tab'))`,
  `[Data-Link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
  `[SVG-Data](data:image/svg+xml,<svg onload=alert('svg-data')>)`,
  `<javascript:__xss.push('autolink')>`,
  `[ref]\n\n[ref]: javascript:__xss.push('reference')`,
  `![Bild](javascript:__xss.push('md-img'))`,
  `![Bild](x" onerror="__xss.push('img-attr'))`,
  `![Tracker](https://tracker.example/pixel.png)`,
  `[![Bild im Link](https://tracker.example/inner.png)](javascript:__xss.push('img-in-link'))`,
  `$$\\href{javascript:__xss.push('katex-href')}{klick}$$`,
  `$\\url{javascript:__xss.push('katex-url')}$ und $\\htmlData{x=1}{y}$`,
  '```html\n<script>__xss.push("code")</script>\n```',
  `&lt;script&gt;__xss.push('entities')&lt;/script&gt; &#60;img src=x onerror=alert('entity-img')&#62;`,
  `"><img src=x onerror=alert('attr-break')>`,
]

test('no payload in messages, titles or artifacts executes', async ({ page }) => {
  const fired: string[] = []
  const outside: string[] = []
  await page.addInitScript(() => {
    const w = window as unknown as { __xss: string[] }
    w.__xss = []
    const record = (kind: string) => (message?: unknown) => {
      w.__xss.push(`${kind}:${String(message)}`)
      return null
    }
    window.alert = record('alert') as typeof window.alert
    window.confirm = record('confirm') as unknown as typeof window.confirm
    window.prompt = record('prompt') as typeof window.prompt
  })
  page.on('dialog', (dialog) => {
    fired.push(`dialog:${dialog.message()}`)
    void dialog.dismiss()
  })
  page.on('request', (req) => {
    if (!req.url().startsWith('http://127.0.0.1') && !req.url().startsWith('data:')) outside.push(req.url())
  })
  // A payload that ran late (an image's onerror after its request failed, a javascript: link's task)
  // would have run once no request is in flight and the page has drawn and run its queued tasks:
  // waiting for that is a condition, not a guess of how long a machine needs.
  const inFlight = new Set<Request>()
  page.on('request', (req) => inFlight.add(req))
  page.on('requestfinished', (req) => inFlight.delete(req))
  page.on('requestfailed', (req) => inFlight.delete(req))
  const drawn = () =>
    page.evaluate(
      () =>
        new Promise<void>((done) =>
          requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => done(), 0))),
        ),
    )
  const settled = async () => {
    // Drawn first, so every request the page started meanwhile has been reported (same session).
    await drawn()
    await expect.poll(() => [...inFlight].map((r) => r.url())).toEqual([])
    await drawn()
  }

  // The hook lives per document: collect what it saw before every navigation.
  const collect = async () => {
    fired.push(...(await page.evaluate(() => (window as unknown as { __xss: string[] }).__xss)))
  }
  const chat = new ChatPage(page)
  const owner = await signedInUserId(page)
  const title = `<img src=x onerror="__xss.push('title')"><script>__xss.push('title-script')</script>`
  const messages: SeedMessage[] = CORPUS.map((text, i) => ({ role: i % 2 ? 'assistant' : 'user', text }))
  const seeded = conversationSteps(owner, title, messages)
  const artifact = artifactSteps(owner, {
    title,
    kind: CORPUS[2]!,
    subject: CORPUS[0]!,
    versions: [{ body: CORPUS.join('\n\n') }],
    messageId: seeded.messageIds.at(-1)!,
  })
  await adminTransact(page.request, [...seeded.steps, ...artifact.steps])

  await chat.open(seeded.conversationId)
  await expect(chat.title).toHaveText(title)
  // Control: the hook does record a payload that runs.
  const control = await page.evaluate(() => {
    const w = window as unknown as { __xss: string[] }
    window.alert('control')
    return w.__xss.splice(0)
  })
  expect(control).toEqual(['alert:control'])
  // Every message renders: from the top of the chat down to the latest, a screen at a time, each step
  // waiting until the list has rendered messages not seen before (never skipping any, however slow).
  await chat.scrollListTo('top')
  const seen = new Set<string>()
  const renderedIds = () =>
    chat.messages.evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.messageId ?? ''))
  // A short phone list moves at least a few rows per step; the overscan renders what lies between.
  while (seen.size < seeded.messageIds.length) {
    await expect
      .poll(
        async () => {
          if ((await renderedIds()).some((id) => !seen.has(id))) return true
          // What came into view may have been rendered ahead already (overscan): scroll on.
          await chat.list.evaluate((el) => el.scrollBy(0, Math.max(el.clientHeight * 0.8, 240)))
          return false
        },
        {
          message: `rendered so far: ${seen.size} of ${seeded.messageIds.length} messages`,
          // Each poll scrolls on, so polling at a steady pace bounds the walk by the chat, not by backoff.
          intervals: [100, 250],
        },
      )
      .toBe(true)
    // Click what looks like a link in the newly rendered bodies (unsafe ones are plain text), then scroll on.
    const fresh = await chat.list.evaluate(
      (el, done) => {
        const ids: string[] = []
        for (const message of el.querySelectorAll<HTMLElement>('[data-testid="message"]')) {
          const id = message.dataset.messageId ?? ''
          if (done.includes(id)) continue
          for (const link of message.querySelectorAll<HTMLElement>('.md-unsafe-link, span.md-image'))
            link.click()
          ids.push(id)
        }
        el.scrollBy(0, Math.max(el.clientHeight * 0.8, 240))
        return ids
      },
      [...seen],
    )
    for (const id of fresh) seen.add(id)
  }
  expect(seeded.messageIds.filter((id) => !seen.has(id))).toEqual([])
  await chat.scrollListTo('bottom')
  await expect(chat.message(seeded.messageIds.at(-1)!)).toBeInViewport()
  await settled()
  // The artifact renders twice: its title, kind and subject in the library list, then all of that
  // and its Markdown body on its own page, where link-like text is clicked as in the messages.
  await collect()
  const library = new LibraryPage(page)
  await library.open()
  await expect(library.items).toHaveCount(1)
  await collect()
  await library.openArtifact(artifact.artifactId)
  await expect(library.heading).toHaveText(title)
  await expect(library.body.locator('.md')).toBeVisible()
  await library.body.evaluate((el) => {
    for (const link of el.querySelectorAll<HTMLElement>('.md-unsafe-link, span.md-image')) link.click()
  })
  await settled()
  await collect()
  await page.goto(`/c/${seeded.conversationId}`)
  await chat.title.waitFor()
  await expect(chat.message(seeded.messageIds.at(-1)!)).toBeVisible()
  await settled()
  await collect()
  expect(fired).toEqual([])
  expect(outside).toEqual([])
})
