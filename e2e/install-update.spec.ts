// Install and update on the real stack: a new sw.js built while a reply streams (or a draft is unsent)
// installs and waits, is offered only once the work is done, and takes over only when the teacher
// agrees; the install button follows the browser's offer, iOS Safari gets the home-screen steps, and
// the installed app (standalone display) reopens the last chat.

import { randomUUID } from 'node:crypto'
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, type Page, test } from '@playwright/test'
import { expectNoAxeViolations } from './fixtures/axe.ts'
import { seedConversation, updateMessage } from './fixtures/seed.ts'
import { ChatPage } from './pages/chat-page.ts'

const SW_FILE = join(process.env.EDUHU_DIST_DIR || 'dist', 'sw.js')
let originalSw = ''

test.beforeAll(() => {
  originalSw = readFileSync(SW_FILE, 'utf8')
})
test.afterAll(() => {
  writeFileSync(SW_FILE, originalSw)
})

/** A new build as the server sees it: sw.js with different bytes (the browser compares them). */
function buildNewVersion(): void {
  appendFileSync(SW_FILE, `\n// build ${randomUUID()}\n`)
}

/** The service worker has installed and is active, so a newer one will wait instead of taking over. */
async function waitForActiveWorker(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.active)))
    .toBe(true)
}

async function hasWaitingWorker(page: Page): Promise<boolean> {
  return page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting))
}

/** Marks this page load; a reload (the update taking over) wipes the mark. */
async function markPageLoad(page: Page): Promise<void> {
  await page.evaluate(() => {
    ;(window as unknown as { loadMark?: boolean }).loadMark = true
  })
}

function isSamePageLoad(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { loadMark?: boolean }).loadMark === true)
}

/** Coming back to the app: the app checks for a new version on focus. */
async function focusApp(page: Page): Promise<void> {
  await page.evaluate(() => window.dispatchEvent(new Event('focus')))
}

test.describe('updates never cut work', () => {
  // Each test builds a whole new version and runs axe twice: slow on a busy machine, never a race.
  test.describe.configure({ timeout: 180_000 })

  test('an update built while a reply streams waits, is offered when it ends, applies only on "update now"', async ({
    page,
  }) => {
    await page.goto('/')
    await waitForActiveWorker(page)
    // A returning teacher: the installed version controls the page.
    await page.reload()
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true)
    const chat = new ChatPage(page)
    const { conversationId, messageIds } = await seedConversation(page, 'Update beim Streamen', [
      { role: 'user', text: 'Schreib mir ein Quiz zu Vulkanen.' },
      { role: 'assistant', text: 'Hier kommt dein Quiz: Frage 1 …', status: 'streaming' },
    ])
    const replyId = messageIds[1] ?? ''
    await chat.open(conversationId)
    await expect(chat.message(replyId)).toHaveAttribute('data-status', 'streaming')
    await markPageLoad(page)

    buildNewVersion()
    await focusApp(page)
    await expect.poll(() => hasWaitingWorker(page)).toBe(true)
    // Held while the reply streams: said to screen readers, no prompt, nothing reloaded.
    await expect(page.getByTestId('update-held')).toHaveAttribute('data-reason', 'streaming')
    await expect(page.getByTestId('update-prompt')).toHaveCount(0)
    expect(await isSamePageLoad(page)).toBe(true)
    await expectNoAxeViolations(page)

    await updateMessage(page.request, replyId, {
      status: 'done',
      text: 'Hier kommt dein Quiz: Frage 1 und 2.',
    })
    const prompt = page.getByTestId('update-prompt')
    await expect(prompt).toContainText('Eine neue Version von eduhu.ki ist bereit.')
    await expectNoAxeViolations(page)
    // Offered, not applied: the new version still waits and this page was never reloaded.
    expect(await hasWaitingWorker(page)).toBe(true)
    expect(await isSamePageLoad(page)).toBe(true)

    // "Later" hides it until the teacher comes back to the app.
    await prompt.getByRole('button', { name: 'Später' }).click()
    await expect(prompt).toHaveCount(0)
    await focusApp(page)
    await expect(prompt).toBeVisible()
    expect(await isSamePageLoad(page)).toBe(true)

    await prompt.getByRole('button', { name: 'Jetzt aktualisieren' }).click()
    await expect.poll(() => isSamePageLoad(page).catch(() => true)).toBe(false)
    await chat.title.waitFor()
    await expect(chat.message(replyId)).toContainText('Frage 1 und 2.')
    // The new version took over: it controls the page and none is left waiting.
    expect(await hasWaitingWorker(page)).toBe(false)
    expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true)
  })

  test('an update waits while the open chat has an unsent draft', async ({ page }) => {
    await page.goto('/')
    await waitForActiveWorker(page)
    const chat = new ChatPage(page)
    const { conversationId } = await seedConversation(page, 'Update mit Entwurf', [
      { role: 'user', text: 'Ideen für eine Vertretungsstunde?' },
      { role: 'assistant', text: 'Drei Ideen: …' },
    ])
    await chat.open(conversationId)
    await chat.composer.fill('Bitte noch eine vierte Idee für Klasse')
    await markPageLoad(page)

    buildNewVersion()
    await focusApp(page)
    await expect.poll(() => hasWaitingWorker(page)).toBe(true)
    await expect(page.getByTestId('update-held')).toHaveAttribute('data-reason', 'draft')
    await expect(page.getByTestId('update-prompt')).toHaveCount(0)

    // The draft is sent: now the update may be offered, and still is not applied on its own.
    await chat.composer.fill('Bitte noch eine vierte Idee für Klasse 5.')
    await chat.send.click()
    await expect(chat.messageWithText('Bitte noch eine vierte Idee für Klasse 5.')).toBeVisible()
    await expect(page.getByTestId('update-prompt')).toBeVisible()
    expect(await isSamePageLoad(page)).toBe(true)
    expect(await hasWaitingWorker(page)).toBe(true)

    // This page was opened before any version was installed (no controller): accepting still reloads.
    await page.getByRole('button', { name: 'Jetzt aktualisieren' }).click()
    await expect.poll(() => isSamePageLoad(page).catch(() => true)).toBe(false)
    await chat.title.waitFor()
    expect(await hasWaitingWorker(page)).toBe(false)
    expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true)
  })
})

test.describe('install', () => {
  test("offers the browser's install dialog while it is available, and not once installed", async ({
    page,
  }) => {
    await page.goto('/')
    const install = page.getByRole('button', { name: 'eduhu.ki als App installieren' })
    await expect(page.getByTestId('shell')).toBeVisible()
    await expect(install).toHaveCount(0)
    // Chromium fires this only under its own engagement rules; the event is given as it would give it.
    await page.evaluate(() => {
      const event = new Event('beforeinstallprompt', { cancelable: true }) as Event & Record<string, unknown>
      event.prompt = async () => {
        ;(window as unknown as { prompted?: number }).prompted = 1
      }
      event.userChoice = Promise.resolve({ outcome: 'dismissed' })
      window.dispatchEvent(event)
    })
    await install.click()
    expect(await page.evaluate(() => (window as unknown as { prompted?: number }).prompted)).toBe(1)
    // A prompt is good for one use: the button goes until the browser offers again.
    await expect(install).toHaveCount(0)

    await page.evaluate(() => {
      const event = new Event('beforeinstallprompt', { cancelable: true }) as Event & Record<string, unknown>
      event.prompt = async () => {}
      event.userChoice = new Promise(() => {})
      window.dispatchEvent(event)
    })
    await expect(install).toBeVisible()
    await expectNoAxeViolations(page)
    await page.evaluate(() => window.dispatchEvent(new Event('appinstalled')))
    await expect(install).toHaveCount(0)
  })

  test.describe('on iOS Safari', () => {
    test.use({
      userAgent:
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
    })

    test('explains "add to home screen" step by step', async ({ page }) => {
      await page.goto('/')
      const install = page.getByRole('button', { name: 'eduhu.ki als App installieren' })
      await expect(install).toBeVisible()
      // One more header button still fits a 360 px phone without sideways scrolling.
      expect(
        await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        ),
      ).toBe(0)
      await install.click()
      const dialog = page.getByRole('dialog', { name: 'eduhu.ki zum Home-Bildschirm hinzufügen' })
      await expect(dialog.getByRole('listitem')).toHaveCount(3)
      await expectNoAxeViolations(page)
      await expect(dialog).toContainText('Zum Home-Bildschirm')
      await dialog.getByRole('button', { name: 'Schließen' }).click()
      await expect(dialog).toHaveCount(0)
    })

    test('launched from the home screen, opens where the teacher left off and offers no install', async ({
      page,
    }) => {
      // Chromium cannot emulate `display-mode: standalone`; iOS marks a home-screen launch this way.
      await page.addInitScript(() => Object.defineProperty(navigator, 'standalone', { value: true }))
      await page.goto('/')
      const chat = new ChatPage(page)
      const { conversationId } = await seedConversation(page, 'Zuletzt offen', [
        { role: 'user', text: 'Merk dir diesen Chat.' },
        { role: 'assistant', text: 'Gemerkt.' },
      ])
      await chat.open(conversationId)
      // A launch at the start URL goes back to that chat; the "new chat" shortcut does not.
      await page.goto('/')
      await expect(page).toHaveURL(new RegExp(`/c/${conversationId}$`))
      await expect(chat.title).toHaveText('Zuletzt offen')
      await page.goto('/?shortcut=new-chat')
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Willkommen bei eduhu.ki')
      await expect(page).toHaveURL(/\/\?shortcut=new-chat$/)

      await page.evaluate(() => {
        const event = new Event('beforeinstallprompt', { cancelable: true }) as Event &
          Record<string, unknown>
        event.prompt = async () => {}
        event.userChoice = new Promise(() => {})
        window.dispatchEvent(event)
      })
      await expect(page.getByRole('button', { name: 'eduhu.ki als App installieren' })).toHaveCount(0)
    })
  })
})
