// Accessibility on every main screen, light and dark: axe-core with the WCAG 2.2 AA tag set
// (contrast included) must find nothing. Also the keyboard: skip link, focus order through the list
// to the composer, and the global shortcuts. Saves a screenshot of each screen and theme.

import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, type Page, test } from '@playwright/test'
import { expectNoAxeViolations } from './fixtures/axe.ts'
import { seedConversation } from './fixtures/seed.ts'
import { useTheme } from './fixtures/theme.ts'
import { AppPage } from './pages/app-page.ts'
import { ChatPage } from './pages/chat-page.ts'
import { ConversationList } from './pages/conversation-list.ts'

const SHOTS = join(process.cwd(), 'e2e-artifacts', 'screenshots')

/** Opens a screen with content to check (a seeded chat in the list and on the chat page). */
const SCREENS: Record<string, (page: Page, chatPath: string) => Promise<void>> = {
  list: async (page) => {
    await page.goto('/')
    await expect(new ConversationList(page).items.first()).toBeVisible()
  },
  chat: async (page, chatPath) => {
    await page.goto(chatPath)
    await expect(page.getByText('Hier ist ein Vorschlag für dein Arbeitsblatt')).toBeVisible()
  },
  library: async (page) => {
    await page.goto('/library')
    await expect(page.getByRole('heading', { name: 'Noch keine Materialien' })).toBeVisible()
  },
  profile: async (page) => {
    await page.goto('/profile')
    await expect(page.getByTestId('account-state')).toBeVisible()
  },
  settings: async (page) => {
    await page.goto('/settings')
    await expect(page.getByRole('radio', { name: 'Dunkel' })).toBeVisible()
  },
  notFound: async (page) => {
    await page.goto('/gibt-es-nicht')
    await expect(page.getByRole('heading', { name: 'Seite nicht gefunden' })).toBeVisible()
  },
}

async function seedChat(page: Page): Promise<string> {
  await new AppPage(page).open('/')
  const { conversationId } = await seedConversation(page, 'Arbeitsblatt Bruchrechnung', [
    { role: 'user', text: 'Erstelle ein Arbeitsblatt zur Bruchrechnung für Klasse 6' },
    {
      role: 'assistant',
      text: 'Hier ist ein Vorschlag für dein Arbeitsblatt:\n\n| Aufgabe | Punkte |\n|---|---|\n| 1/2 + 1/4 | 2 |\n\n`Lösung: 3/4`',
    },
  ])
  return `/c/${conversationId}`
}

test.use({ serviceWorkers: 'block' })

for (const theme of ['light', 'dark'] as const) {
  for (const [screen, open] of Object.entries(SCREENS)) {
    test(`${screen} has no WCAG 2.2 AA violations in ${theme} mode`, async ({ page }, testInfo) => {
      await useTheme(page, theme)
      const chatPath = await seedChat(page)
      await open(page, chatPath)
      const html = page.locator('html')
      if (theme === 'dark') await expect(html).toHaveAttribute('data-theme', 'dark')
      else await expect(html).not.toHaveAttribute('data-theme')
      await expectNoAxeViolations(page)
      mkdirSync(SHOTS, { recursive: true })
      await page.screenshot({ path: join(SHOTS, `${testInfo.project.name}-${screen}-${theme}.png`) })
    })
  }
}

test('the colour scheme follows the system unless the teacher overrides it', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await new AppPage(page).open('/settings')
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)
  await expect.poll(background).toBe('rgb(15, 23, 22)')
  await page.getByRole('radio', { name: 'Hell' }).check()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  await expect.poll(background).toBe('rgb(255, 255, 255)')
  await page.reload()
  await expect.poll(background).toBe('rgb(255, 255, 255)')
  await page.getByRole('radio', { name: 'Wie das Gerät' }).check()
  await expect.poll(background).toBe('rgb(15, 23, 22)')
})

test('the skip link comes first and jumps to the page content', async ({ page }) => {
  const app = new AppPage(page)
  await app.open('/library')
  await page.keyboard.press('Tab')
  await expect(app.skipLink).toBeFocused()
  await expect(app.skipLink).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(app.main).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(app.navLink('Chats')).not.toBeFocused()
})

test('Tab reaches the search, the conversation list and then the composer', async ({ page }, testInfo) => {
  const app = new AppPage(page)
  const chatPath = await seedChat(page)
  const isPhone = testInfo.project.name === 'phone'
  // On phones the list and the chat are separate screens, so each is walked on its own.
  const walks = isPhone ? ['/', chatPath] : [chatPath]
  const stops: string[] = []
  for (const path of walks) {
    await app.open(path)
    await page.locator('body').focus()
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab')
      stops.push(await app.focused())
    }
  }
  const search = stops.findIndex((s) => s.startsWith('input#conversation-search'))
  const item = stops.findIndex((s) => s.startsWith('a|Arbeitsblatt Bruchrechnung'))
  const composer = stops.findIndex((s) => s.startsWith('textarea'))
  expect(search, stops.join('\n')).toBeGreaterThan(0)
  expect(item).toBeGreaterThan(search)
  expect(composer).toBeGreaterThan(item)
})

test('keyboard shortcuts: help, new chat, search, composer', async ({ page }) => {
  const app = new AppPage(page)
  const list = new ConversationList(page)
  const chat = new ChatPage(page)
  const chatPath = await seedChat(page)
  await app.open(chatPath)

  await page.locator('body').press('?')
  await expect(app.helpDialog).toBeVisible()
  await expect(app.helpDialog).toContainText('Alt+N')
  await expect(app.helpDialog).toContainText('Strg+K oder /')
  await page.keyboard.press('Escape')
  await expect(app.helpDialog).toBeHidden()

  await page.keyboard.press('Control+k')
  await expect(list.search).toBeFocused()
  await page.keyboard.type('Bruch')
  await expect(list.items).toHaveCount(1)
  await list.search.press('Escape')

  await app.open(chatPath)
  await page.locator('body').press('/')
  await expect(list.search).toBeFocused()

  await app.open(chatPath)
  await page.keyboard.press('Shift+Escape')
  await expect(chat.composer).toBeFocused()

  await page.keyboard.press('Alt+n')
  await expect(page).toHaveURL(/\/c\/[0-9a-f-]{36}$/)
  await expect(page).not.toHaveURL(new RegExp(`${chatPath}$`))
  await expect(chat.title).toHaveText('Neuer Chat')
  await expect(chat.composer).toBeFocused()
})
