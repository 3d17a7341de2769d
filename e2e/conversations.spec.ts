// The conversation list on the real stack: new chat, inline rename, search by title and content,
// delete with confirmation (cascading to messages), pin, archive, paging, reload, and live updates
// to a second device of the same teacher while another teacher sees nothing.

import { expect, type Page, test } from '@playwright/test'
import { adminQuery } from './fixtures/admin-query.ts'
import { uniqueEmail } from './fixtures/mailbox.ts'
import { adminTransact, conversationSteps, signedInUserId } from './fixtures/seed.ts'
import { AccountPage } from './pages/account-page.ts'
import { AppPage } from './pages/app-page.ts'
import { ChatPage } from './pages/chat-page.ts'
import { ConversationList } from './pages/conversation-list.ts'

// The PWA's "offline ready" toast is not under test here (the shell and auth specs cover the
// service worker); without it nothing can cover the list or the composer mid-test.
test.use({ serviceWorkers: 'block' })

/** Creates a chat through the UI and gives it a title. */
async function chatTitled(page: Page, title: string): Promise<string> {
  const list = new ConversationList(page)
  const id = await list.createChat()
  await list.open()
  await list.rename('Neuer Chat', title)
  return id
}

test('"Neuer Chat" opens a new chat at its own URL; back, forward and reload keep the place', async ({
  page,
}) => {
  const app = new AppPage(page)
  const list = new ConversationList(page)
  await app.open('/')
  const id = await list.createChat()
  const chat = new ChatPage(page)
  await expect(chat.title).toHaveText('Neuer Chat')
  await expect(chat.composer).toBeFocused()
  await page.goBack()
  await expect(page).toHaveURL(/\/$/)
  await expect(app.heading).toHaveText('Willkommen bei eduhu.ki')
  await page.goForward()
  await expect(page).toHaveURL(new RegExp(`/c/${id}$`))
  await page.reload()
  await expect(chat.title).toHaveText('Neuer Chat')
  await expect(app.navLink('Chats')).toHaveAttribute('aria-current', 'page')
})

test('renames inline: Enter saves, Escape cancels', async ({ page }) => {
  const list = new ConversationList(page)
  await new AppPage(page).open('/')
  await chatTitled(page, 'Photosynthese Klasse 8')
  await list.menu('Photosynthese Klasse 8', 'Umbenennen')
  const field = page.getByRole('textbox', { name: 'Neuer Titel für „Photosynthese Klasse 8“' })
  await field.fill('Wird verworfen')
  await field.press('Escape')
  await expect(list.item('Photosynthese Klasse 8')).toBeVisible()
  await expect(list.item('Wird verworfen')).toHaveCount(0)
  await expect(list.item('Photosynthese Klasse 8').getByRole('button', { name: /^Aktionen/ })).toBeFocused()
  await page.reload()
  await list.open()
  await expect(list.item('Photosynthese Klasse 8')).toBeVisible()
})

test('finds chats by title and by message content', async ({ page }) => {
  const list = new ConversationList(page)
  const chat = new ChatPage(page)
  await new AppPage(page).open('/')
  await chatTitled(page, 'Bruchrechnung Klasse 6')
  await chatTitled(page, 'Quiz Revolution')
  await list.item('Quiz Revolution').getByRole('link').click()
  await chat.sendPrompt('Bitte ein Quiz zur Generalständeversammlung 1789')

  await list.searchFor('bruchrech')
  await expect(list.searchResults.getByRole('status')).toHaveText('1 Treffer für „bruchrech“')
  await expect(list.items).toHaveCount(1)
  await expect(list.item('Bruchrechnung Klasse 6')).toBeVisible()

  await list.searchFor('GENERALSTÄNDE')
  await expect(list.items).toHaveCount(1)
  await expect(list.item('Quiz Revolution')).toContainText('Quiz zur Generalständeversammlung 1789')

  await list.searchFor('Klasse')
  await expect(list.items).toHaveCount(1)
  await list.searchFor('kommt nirgends vor')
  await expect(list.searchResults.getByRole('status')).toHaveText('Keine Treffer für „kommt nirgends vor“')
  await list.search.press('Escape')
  await expect(list.search).toHaveValue('')
  await expect(list.items).toHaveCount(2)
})

test('deletes only after confirmation, and the server deletes the messages too', async ({ page }) => {
  const list = new ConversationList(page)
  const chat = new ChatPage(page)
  await new AppPage(page).open('/')
  const id = await chatTitled(page, 'Elternbrief Wandertag')
  await list.item('Elternbrief Wandertag').getByRole('link').click()
  await chat.sendPrompt('Schreib einen Elternbrief zum Wandertag')
  await expect
    .poll(
      async () => (await adminQuery<{ messages: unknown[] }>(page.request, messagesOf(id))).messages.length,
    )
    .toBe(1)

  await list.menu('Elternbrief Wandertag', 'Löschen')
  const dialog = page.getByRole('dialog', { name: 'Chat löschen?' })
  await expect(dialog).toContainText('„Elternbrief Wandertag“ und alle Nachrichten darin')
  await expect(dialog.getByRole('button', { name: 'Abbrechen' })).toBeFocused()
  await dialog.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(list.item('Elternbrief Wandertag')).toBeVisible()

  await list.menu('Elternbrief Wandertag', 'Löschen')
  await dialog.getByRole('button', { name: 'Endgültig löschen' }).click()
  await expect(list.item('Elternbrief Wandertag')).toHaveCount(0)
  // Wide screens delete from the sidebar while the chat is open; the app then leaves the deleted chat.
  await expect(page).toHaveURL(/\/$/)
  await expect
    .poll(
      async () => (await adminQuery<{ messages: unknown[] }>(page.request, messagesOf(id))).messages.length,
    )
    .toBe(0)
  await page.reload()
  await list.open()
  await expect(list.item('Elternbrief Wandertag')).toHaveCount(0)
})

test('pins to the top and archives out of the list; reload keeps both', async ({ page }) => {
  const list = new ConversationList(page)
  await new AppPage(page).open('/')
  for (const title of ['Erster Chat', 'Zweiter Chat', 'Dritter Chat']) await chatTitled(page, title)
  await list.open()
  await expect.poll(() => list.titles()).toEqual(['Dritter Chat', 'Zweiter Chat', 'Erster Chat'])

  await list.menu('Erster Chat', 'Anheften')
  await expect(list.group('pinned').getByTestId('conversation-item')).toHaveCount(1)
  await expect.poll(() => list.titles()).toEqual(['Erster Chat', 'Dritter Chat', 'Zweiter Chat'])

  await list.menu('Zweiter Chat', 'Archivieren')
  await expect.poll(() => list.titles()).toEqual(['Erster Chat', 'Dritter Chat'])
  await list.showArchived.check()
  await expect(list.group('archived')).toContainText('Zweiter Chat')

  await page.reload()
  await list.open()
  await expect.poll(() => list.titles()).toEqual(['Erster Chat', 'Dritter Chat'])
  await expect(list.group('pinned')).toContainText('Erster Chat')

  await list.showArchived.check()
  await list.menu('Zweiter Chat', 'Aus dem Archiv holen')
  await list.menu('Erster Chat', 'Nicht mehr anheften')
  await expect(list.group('pinned')).toHaveCount(0)
  await expect.poll(() => list.titles()).toEqual(['Dritter Chat', 'Zweiter Chat', 'Erster Chat'])
})

test('loads the list page by page, never all conversations at once', async ({ page }) => {
  const list = new ConversationList(page)
  await new AppPage(page).open('/')
  const owner = await signedInUserId(page)
  const start = Date.now() - 100 * 60_000
  const steps = Array.from({ length: 35 }, (_, i) =>
    conversationSteps(owner, `Reihe ${String(i + 1).padStart(2, '0')}`, [], { startAt: start + i * 60_000 }),
  ).flatMap((c) => c.steps)
  await adminTransact(page.request, steps)
  await list.open()
  await expect(list.item('Reihe 35')).toBeVisible()
  await expect(list.items).toHaveCount(30)
  await expect(list.item('Reihe 05')).toHaveCount(0)
  // The next page loads by itself when the "load more" button scrolls into view.
  await list.loadMore.evaluate((button) => button.scrollIntoView())
  await expect(list.items).toHaveCount(35)
  await expect(list.loadMore).toHaveCount(0)
  await expect(list.item('Reihe 01')).toBeVisible()
})

test('a second device of the same teacher sees changes live; another teacher sees none', async ({
  page,
  browser,
}) => {
  const list = new ConversationList(page)
  await new AppPage(page).open('/')
  const email = uniqueEmail('two-devices')
  await new AccountPage(page).signInWithEmail(email)
  const secretId = await chatTitled(page, 'Unterrichtsentwurf Optik')

  const phone = await browser.newContext()
  const other = await browser.newContext()
  try {
    const second = await phone.newPage()
    await new AccountPage(second).signInWithEmail(email)
    const secondList = new ConversationList(second)
    await secondList.open()
    await expect(secondList.item('Unterrichtsentwurf Optik')).toBeVisible()

    // Changes on the first device arrive on the second without a reload.
    await list.open()
    await list.rename('Unterrichtsentwurf Optik', 'Optik: Linsen und Spiegel')
    await expect(secondList.item('Optik: Linsen und Spiegel')).toBeVisible()
    await list.menu('Optik: Linsen und Spiegel', 'Anheften')
    await expect(secondList.group('pinned')).toContainText('Optik: Linsen und Spiegel')
    await chatTitled(page, 'Neu auf Gerät 1')
    await expect(secondList.item('Neu auf Gerät 1')).toBeVisible()

    const stranger = await other.newPage()
    const strangerList = new ConversationList(stranger)
    await new AppPage(stranger).open('/')
    await strangerList.open()
    await expect(stranger.getByText('Noch keine Chats.')).toBeVisible()
    await strangerList.searchFor('Optik')
    await expect(strangerList.searchResults.getByRole('status')).toHaveText('Keine Treffer für „Optik“')
    await stranger.goto(`/c/${secretId}`)
    await expect(stranger.getByText('Optik: Linsen und Spiegel')).toHaveCount(0)
  } finally {
    await phone.close()
    await other.close()
  }
})

function messagesOf(conversationId: string) {
  return { messages: { $: { where: { 'conversation.id': conversationId } } } }
}
