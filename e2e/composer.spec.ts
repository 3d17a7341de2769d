// The composer on the real stack: drafts per chat survive reload and going offline, the character
// limit blocks sending with a German message, and the "Strg+Enter sendet" setting is honoured.

import { expect, test } from '@playwright/test'
import { AppPage } from './pages/app-page.ts'
import { ChatPage } from './pages/chat-page.ts'
import { ConversationList } from './pages/conversation-list.ts'

test.use({ serviceWorkers: 'block' })

test('keeps a draft per chat across reloads and offline, and clears it once sent', async ({
  page,
  context,
}) => {
  const list = new ConversationList(page)
  const chat = new ChatPage(page)
  await new AppPage(page).open('/')
  const first = await list.createChat()
  await chat.composer.fill('Entwurf für den ersten Chat\nmit zweiter Zeile')
  const second = await list.createChat()
  await expect(chat.composer).toHaveValue('')
  await chat.composer.fill('Entwurf zwei')

  await page.goto(`/c/${first}`)
  await expect(chat.composer).toHaveValue('Entwurf für den ersten Chat\nmit zweiter Zeile')
  await context.setOffline(true)
  await chat.composer.fill('Offline weitergeschrieben')
  await context.setOffline(false)
  await page.reload()
  await expect(chat.composer).toHaveValue('Offline weitergeschrieben')

  await chat.sendPrompt('Offline weitergeschrieben')
  await expect(chat.messageWithText('Offline weitergeschrieben')).toBeVisible()
  await page.reload()
  await expect(chat.composer).toHaveValue('')
  await page.goto(`/c/${second}`)
  await expect(chat.composer).toHaveValue('Entwurf zwei')
})

test('shows the counter near 8000 characters and blocks sending above it', async ({ page }) => {
  const list = new ConversationList(page)
  const chat = new ChatPage(page)
  await new AppPage(page).open('/')
  await list.createChat()
  await chat.composer.fill('a'.repeat(7600))
  await expect(page.getByText('7.600 / 8.000 Zeichen')).toBeVisible()
  await chat.composer.fill('a'.repeat(8050))
  await expect(page.getByRole('alert')).toHaveText(
    'Deine Nachricht ist 50 Zeichen zu lang. Kürze sie auf höchstens 8.000 Zeichen, dann kannst du sie senden.',
  )
  await expect(chat.send).toBeDisabled()
  await chat.composer.press('Enter')
  await expect(chat.messages).toHaveCount(0)
  await expect(chat.composer).toHaveValue('a'.repeat(8050))
})

test('"Strg+Enter sendet": Enter breaks the line, Ctrl+Enter sends', async ({ page }) => {
  const list = new ConversationList(page)
  const chat = new ChatPage(page)
  await new AppPage(page).open('/settings')
  await page.getByRole('radio', { name: 'Strg+Enter sendet, Enter macht eine neue Zeile' }).check()
  await list.createChat()
  await expect(page.getByText('Strg+Enter sendet · Enter: neue Zeile')).toBeVisible()
  await chat.composer.fill('Zeile eins')
  await chat.composer.press('Enter')
  await chat.composer.pressSequentially('Zeile zwei')
  await expect(chat.composer).toHaveValue('Zeile eins\nZeile zwei')
  await expect(chat.messages).toHaveCount(0)
  await chat.composer.press('Control+Enter')
  await expect(chat.composer).toHaveValue('')
  await expect(chat.messageWithText('Zeile zwei')).toBeVisible()
})
