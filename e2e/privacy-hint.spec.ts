// The personal-data hint on the real stack: a prompt with a pupil's name is held with the name marked,
// the placeholder is what gets stored (read back through the admin API), "send anyway" sends it unchanged,
// and the setting turns the hint off.

import { expect, test } from '@playwright/test'
import { adminQuery } from './fixtures/admin-query.ts'
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
  await page.getByRole('checkbox', { name: /persönliche Daten von Schüler:innen hinweisen/ }).uncheck()
  // A new chat: the first one waits for its reply (this stack runs no assistant), so it sends nothing more.
  await page.goto('/')
  await new ConversationList(page).createChat()
  await chat.composer.fill('Noch eine Rückmeldung für Lena.')
  await chat.send.click()
  await expect(chat.composer).toHaveValue('')
  await expect(hint).toHaveCount(0)
})
