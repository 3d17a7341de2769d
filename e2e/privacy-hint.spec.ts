// The personal-data hint on the real stack: a prompt with a pupil's name is held with the name marked,
// the placeholder is what gets stored (read back through the admin API), "send anyway" sends it unchanged,
// and the setting turns the hint off. The held hint passes axe in both themes, fits a 360 px phone (the
// phone project) and is worked by keyboard.

import { expect, test } from '@playwright/test'
import { adminQuery } from './fixtures/admin-query.ts'
import { expectNoAxeViolations } from './fixtures/axe.ts'
import { useTheme } from './fixtures/theme.ts'
import { AppPage } from './pages/app-page.ts'
import { ChatPage } from './pages/chat-page.ts'
import { ConversationList } from './pages/conversation-list.ts'

test.use({ serviceWorkers: 'block' })

async function storedPrompts(
  page: import('@playwright/test').Page,
  conversationId: string,
): Promise<string[]> {
  const data = await adminQuery<{ messages: { text: string; role: string }[] }>(page.request, {
    messages: { $: { where: { 'conversation.id': conversationId, role: 'user' } } },
  })
  return data.messages.map((m) => m.text)
}

test('holds a prompt with a pupil’s name and stores the placeholder instead', async ({ page }) => {
  const chat = new ChatPage(page)
  await new AppPage(page).open('/')
  const id = await new ConversationList(page).createChat()
  await chat.composer.fill('Kevin hat Förderbedarf im Lesen. Erstelle ein Arbeitsblatt.')
  const hint = page.getByRole('region', { name: 'Persönliche Daten von Schüler:innen?' })
  await expect(hint.locator('mark').first()).toHaveText('Kevin')
  await chat.send.click()
  await expect(hint.getByText('Noch nicht gesendet')).toBeVisible()
  await expect(chat.composer).toHaveValue('Kevin hat Förderbedarf im Lesen. Erstelle ein Arbeitsblatt.')
  await hint.getByRole('button', { name: 'Durch „Schüler A“ ersetzen' }).click()
  await expect(chat.composer).toHaveValue('Schüler A hat Förderbedarf im Lesen. Erstelle ein Arbeitsblatt.')
  await expect(hint).toHaveCount(0)
  await chat.send.click()
  await expect(chat.composer).toHaveValue('')
  await expect
    .poll(() => storedPrompts(page, id))
    .toEqual(['Schüler A hat Förderbedarf im Lesen. Erstelle ein Arbeitsblatt.'])
})

test('"send anyway" sends the prompt unchanged; the setting turns the hint off', async ({ page }) => {
  const chat = new ChatPage(page)
  await new AppPage(page).open('/')
  const id = await new ConversationList(page).createChat()
  await chat.composer.fill('Schreib eine Rückmeldung für Lena Schmidt.')
  await chat.send.click()
  const hint = page.getByRole('region', { name: 'Persönliche Daten von Schüler:innen?' })
  await hint.getByRole('button', { name: 'Trotzdem so senden' }).click()
  await expect(chat.composer).toHaveValue('')
  await expect.poll(() => storedPrompts(page, id)).toEqual(['Schreib eine Rückmeldung für Lena Schmidt.'])

  await page.goto('/settings')
  // This stack runs no assistant: the settings say so instead of naming a model endpoint.
  await expect(page.getByTestId('model-endpoint')).toHaveText('Modell-Endpunkt: kein Assistent verbunden')
  await page.getByRole('checkbox', { name: /persönliche Daten von Schüler:innen hinweisen/ }).uncheck()
  // A new chat: the first one waits for its reply (this stack runs no assistant), so it sends nothing more.
  await page.goto('/')
  await new ConversationList(page).createChat()
  await chat.composer.fill('Noch eine Rückmeldung für Lena.')
  await chat.send.click()
  await expect(chat.composer).toHaveValue('')
  await expect(hint).toHaveCount(0)
})

const MANY_KINDS =
  'Die Schülerin Aylin Demir, geb. 14.02.2015, wohnt in der Lindenstraße 12, 45127 Essen. ' +
  'Ihre Mutter erreichst du unter aylin.mutter@example.de oder 0151 23456789. Schreib einen Förderplan.'

for (const theme of ['light', 'dark'] as const) {
  test(`the held hint passes axe (${theme}), fits the screen and is worked by keyboard`, async ({ page }) => {
    await useTheme(page, theme)
    const chat = new ChatPage(page)
    await new AppPage(page).open('/')
    await new ConversationList(page).createChat()
    await chat.composer.fill(MANY_KINDS)
    await chat.send.click()
    const hint = page.getByRole('region', { name: 'Persönliche Daten von Schüler:innen?' })
    await expect(hint.getByText('Noch nicht gesendet')).toBeVisible()
    // Holding moves the focus to the hint's heading, so a screen reader hears why nothing was sent.
    await expect(hint.getByRole('heading')).toBeFocused()
    await expect(hint.getByRole('listitem')).toHaveCount(5)

    await expectNoAxeViolations(page)

    // Nothing wider than the screen: no sideways scrolling, every control fully inside it.
    const width = page.viewportSize()?.width ?? 0
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0)
    const controls = hint.locator('button, a')
    for (let i = 0; i < (await controls.count()); i++) {
      const control = controls.nth(i)
      await control.scrollIntoViewIfNeeded()
      const box = await control.boundingBox()
      expect(box, await control.innerText()).not.toBeNull()
      expect(box!.x).toBeGreaterThanOrEqual(0)
      expect(box!.x + box!.width).toBeLessThanOrEqual(width)
    }

    // Keyboard only: from the heading, Tab reaches the first replacement; Enter applies it.
    await hint.getByRole('heading').focus()
    await page.keyboard.press('Tab')
    // On a narrow screen the marked prompt scrolls: Chromium puts a scroller in the Tab order first.
    const preview = hint.getByTestId('privacy-hint-preview')
    if (await preview.evaluate((el) => el.scrollHeight > el.clientHeight)) {
      await expect(preview).toBeFocused()
      await page.keyboard.press('Tab')
    }
    const first = hint.getByRole('listitem').first().getByRole('button')
    await expect(first).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(chat.composer).not.toHaveValue(/Aylin/)
    await expect(hint.getByRole('listitem')).toHaveCount(4)
    const all = hint.getByRole('button', { name: 'Alle durch Platzhalter ersetzen' })
    await all.focus()
    await page.keyboard.press('Enter')
    await expect(hint).toHaveCount(0)
    await expect(chat.composer).toHaveValue(/Förderplan/)
    await expect(chat.composer).not.toHaveValue(/Lindenstraße|example\.de|0151|14\.02\.2015/)
  })
}

// The detector loads on demand (features/privacy/load-detector.ts). Its chunk's request is held here
// until after the send click, so the send is certainly made before the check has loaded: it must wait.
test('a send made before the check has loaded waits for it and is held', async ({ page }) => {
  const chat = new ChatPage(page)
  let held: (route: import('@playwright/test').Route) => void = () => {}
  const requested = new Promise<import('@playwright/test').Route>((resolve) => {
    held = resolve
  })
  await page.route(/\/assets\/detect-personal-data-[\w-]+\.js$/, (route) => held(route))
  await new AppPage(page).open('/')
  const id = await new ConversationList(page).createChat()
  const prompt = 'Kevin hat Förderbedarf im Lesen. Erstelle ein Arbeitsblatt.'
  await chat.composer.fill(prompt)
  const route = await requested
  await chat.send.click()
  // Waiting for the check: the button says so and takes no second click; the prompt stays.
  await expect(page.getByRole('button', { name: 'Wird gesendet …' })).toBeDisabled()
  await expect(chat.composer).toHaveValue(prompt)
  await route.continue()

  const hint = page.getByRole('region', { name: 'Persönliche Daten von Schüler:innen?' })
  await expect(hint.getByText('Noch nicht gesendet')).toBeVisible()
  await expect(hint.locator('mark').first()).toHaveText('Kevin')
  await expect(chat.composer).toHaveValue(prompt)
  await hint.getByRole('button', { name: 'Alle durch Platzhalter ersetzen' }).click()
  await chat.send.click()
  await expect(chat.composer).toHaveValue('')
  // Only the replaced prompt was ever stored: the one with the name never left the device.
  await expect
    .poll(() => storedPrompts(page, id))
    .toEqual(['Schüler A hat Förderbedarf im Lesen. Erstelle ein Arbeitsblatt.'])
})

test('when the check cannot load, nothing is sent, the draft stays and the error says so', async ({
  page,
}) => {
  const chat = new ChatPage(page)
  await page.route(/\/assets\/detect-personal-data-[\w-]+\.js$/, (route) => route.abort('failed'))
  await new AppPage(page).open('/')
  const id = await new ConversationList(page).createChat()
  const prompt = 'Ein Quiz zu Brüchen für Klasse 6.'
  await chat.composer.fill(prompt)
  await chat.send.click()
  await expect(page.getByRole('alert')).toHaveText(/Prüfung auf persönliche Daten ließ sich nicht laden/)
  await expect(chat.composer).toHaveValue(prompt)
  // Once the check can load again, the same send goes out (checked: it holds nothing personal).
  await page.unroute(/\/assets\/detect-personal-data-[\w-]+\.js$/)
  await chat.send.click()
  await expect(chat.composer).toHaveValue('')
  await expect.poll(() => storedPrompts(page, id)).toEqual([prompt])
  await expect(page.getByRole('alert')).toHaveCount(0)
})
