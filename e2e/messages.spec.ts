// The chat view on the real stack: sending (with the visible waiting state), copy, edit-and-resend
// branches with a working switcher, stop and regenerate, and Markdown tables, code and math.
// Assistant replies are written through the admin API, the way the server-side worker will.

import { expect, test } from '@playwright/test'
import { adminQuery } from './fixtures/admin-query.ts'
import { expectNoAxeViolations } from './fixtures/axe.ts'
import { seedConversation, updateMessage, writeReply } from './fixtures/seed.ts'
import { ChatPage } from './pages/chat-page.ts'
import { ConversationList } from './pages/conversation-list.ts'

interface MessageRow {
  id: string
  role: string
  status: string
  text: string
}

test('sends a prompt, waits visibly for the assistant, then shows and announces the reply once', async ({
  page,
}) => {
  const chat = new ChatPage(page)
  const { conversationId } = await seedConversation(page, 'Quiz planen', [])
  await chat.open(conversationId)
  await expect(page.getByRole('heading', { name: 'Ideen für den Einstieg' })).toBeVisible()

  await chat.sendPrompt('Erstelle ein Quiz zur Französischen Revolution')
  const request = chat.messageWithText('Erstelle ein Quiz zur Französischen Revolution')
  await expect(request).toHaveAttribute('data-role', 'user')
  await expect(request.getByTestId('message-status')).toHaveText('Wartet auf die Assistenz …')
  const requestId = (await request.getAttribute('data-message-id'))!

  // The server has the request as a pending user message, and as the active leaf (admin query
  // trees list every link, has-one included, as an array).
  const stored = await adminQuery<{
    conversations: { activeMessage: { id: string }[] }[]
    messages: MessageRow[]
  }>(page.request, {
    conversations: { $: { where: { id: conversationId } }, activeMessage: {} },
    messages: { $: { where: { id: requestId } } },
  })
  expect(stored.messages[0]).toMatchObject({ role: 'user', status: 'pending' })
  expect(stored.conversations[0]?.activeMessage.map((m) => m.id)).toEqual([requestId])

  const replyId = await writeReply(page.request, {
    conversationId,
    requestId,
    text: 'Hier kommt',
    status: 'streaming',
  })
  const reply = chat.message(replyId)
  await expect(reply.getByTestId('message-status')).toHaveText('Die Assistenz schreibt …')
  await expect(request.getByTestId('message-status')).toHaveCount(0)
  await expect(reply.getByRole('button', { name: 'Antwort stoppen' })).toBeVisible()
  await expect(chat.announcer).toHaveText('')

  await updateMessage(page.request, replyId, {
    text: 'Hier kommt dein Quiz mit zehn Fragen.',
    status: 'done',
  })
  await expect(reply).toHaveAttribute('data-status', 'done')
  await expect(chat.announcer).toHaveText('Neue Antwort der Assistenz: Hier kommt dein Quiz mit zehn Fragen.')
  await expect(reply.getByRole('button', { name: 'Antwort stoppen' })).toHaveCount(0)
})

test('names a new chat after its first prompt, in the chat and in the list', async ({ page }) => {
  const list = new ConversationList(page)
  const chat = new ChatPage(page)
  await list.open()
  await list.createChat()
  await expect(chat.title).toHaveText('Neuer Chat')
  await chat.sendPrompt('Elternbrief zum Wandertag am Freitag\nBitte freundlich und kurz.')
  await expect(chat.title).toHaveText('Elternbrief zum Wandertag am Freitag')
  // Only the first prompt names the chat: cancel the waiting request and send another one.
  await page.getByRole('button', { name: 'Anfrage abbrechen' }).click()
  await chat.sendPrompt('Noch eine Frage')
  await expect(chat.messageWithText('Noch eine Frage')).toBeVisible()
  await expect(chat.title).toHaveText('Elternbrief zum Wandertag am Freitag')
  await list.open()
  await expect(list.items.filter({ hasText: 'Elternbrief zum Wandertag am Freitag' })).toHaveCount(1)
})

test('copies a message and confirms it visibly', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const chat = new ChatPage(page)
  const { conversationId, messageIds } = await seedConversation(page, 'Kopieren', [
    { role: 'user', text: 'Gib mir einen Merksatz' },
    { role: 'assistant', text: 'Erst **denken**, dann schreiben.' },
  ])
  await chat.open(conversationId)
  const reply = chat.message(messageIds[1]!)
  await reply.getByRole('button', { name: 'Nachricht kopieren' }).click()
  await expect(reply.getByText('Kopiert', { exact: true })).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('Erst **denken**, dann schreiben.')
})

test('edit-and-resend keeps both branches and the switcher moves between them', async ({ page }) => {
  const chat = new ChatPage(page)
  const { conversationId, messageIds } = await seedConversation(page, 'Verzweigen', [
    { role: 'user', text: 'Plane eine Stunde zu Brüchen' },
    { role: 'assistant', text: 'Gern, für welche Klasse?' },
    { role: 'user', text: 'Klasse 5' },
    { role: 'assistant', text: 'Stundenplan für Klasse 5' },
  ])
  await chat.open(conversationId)
  const original = chat.message(messageIds[2]!)
  const editButton = original.getByRole('button', { name: 'Nachricht bearbeiten und neu senden' })
  // On a phone the list is short: scrolling the button into view leaves the list's end, and the
  // "latest" button that then appears must already be there when the click is aimed, or it lands
  // between mouse down and up (the click then goes to neither).
  await editButton.scrollIntoViewIfNeeded()
  await expect
    .poll(async () => {
      const away = await chat.list.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight > 48)
      return away === (await chat.jumpToLatest.isVisible())
    })
    .toBe(true)
  await editButton.click()
  const editor = original.getByRole('textbox', { name: 'Deine Nachricht' })
  await expect(editor).toBeFocused()
  await editor.fill('Klasse 6')
  await original.getByRole('button', { name: 'Neu senden' }).click()

  const edited = chat.messageWithText('Klasse 6')
  await expect(edited.getByTestId('message-status')).toHaveText('Wartet auf die Assistenz …')
  await expect(chat.message(messageIds[2]!)).toHaveCount(0)
  await expect(chat.message(messageIds[3]!)).toHaveCount(0)
  await expect(edited.getByRole('group', { name: 'Version 2 von 2' })).toBeVisible()

  await edited.getByRole('button', { name: 'Vorherige Version' }).click()
  await expect(chat.message(messageIds[3]!)).toBeVisible()
  const back = chat.message(messageIds[2]!)
  await expect(back.getByRole('group', { name: 'Version 1 von 2' })).toBeVisible()
  await expect(back.getByRole('button', { name: 'Vorherige Version' })).toBeDisabled()

  // With the message's controls at the bottom of the list (the reply below it out of view), the
  // "latest" button shows and keeps clear of them: centred, it covered the switcher on a phone.
  await chat.list.evaluate((list, id) => {
    const row = list.querySelector<HTMLElement>(`[data-testid="message"][data-message-id="${id}"]`)!
    list.scrollTop += row.getBoundingClientRect().bottom - list.getBoundingClientRect().bottom
  }, messageIds[2]!)
  await expect(chat.jumpToLatest).toBeVisible()
  const jump = (await chat.jumpToLatest.boundingBox())!
  for (const control of await back.getByRole('button').all()) {
    const box = await control.boundingBox()
    if (!box) continue
    const overlaps =
      box.x < jump.x + jump.width &&
      jump.x < box.x + box.width &&
      box.y < jump.y + jump.height &&
      jump.y < box.y + box.height
    expect(
      overlaps,
      `"Zum neuesten Beitrag" covers ${(await control.getAttribute('aria-label')) ?? (await control.textContent())}`,
    ).toBe(false)
  }

  await back.getByRole('button', { name: 'Nächste Version' }).click()
  await expect(chat.messageWithText('Klasse 6')).toBeVisible()
  await expect(chat.message(messageIds[3]!)).toHaveCount(0)
  // The new branch hangs under the same parent as the original.
  const rows = await adminQuery<{ messages: MessageRow[] }>(page.request, {
    messages: { $: { where: { 'parent.id': messageIds[1]! } } },
  })
  expect(rows.messages.map((m) => m.text).sort()).toEqual(['Klasse 5', 'Klasse 6'])
})

test('stops a streaming reply, then regenerates it as a new branch', async ({ page }) => {
  const chat = new ChatPage(page)
  const { conversationId, messageIds } = await seedConversation(page, 'Stoppen', [
    { role: 'user', text: 'Schreib einen Elternbrief' },
    { role: 'assistant', text: 'Liebe Eltern,', status: 'streaming' },
  ])
  const [requestId, replyId] = messageIds as [string, string]
  await chat.open(conversationId)
  const reply = chat.message(replyId)
  await expect(reply.getByRole('button', { name: 'Antwort neu generieren' })).toHaveCount(0)
  await reply.getByRole('button', { name: 'Antwort stoppen' }).click()
  await expect(reply).toHaveAttribute('data-status', 'stopped')
  await expect(reply.getByTestId('message-status')).toHaveText('Gestoppt')

  await reply.getByRole('button', { name: 'Antwort neu generieren' }).click()
  const request = chat.message(requestId)
  await expect(request.getByTestId('message-status')).toHaveText('Wartet auf die Assistenz …')
  await expect(chat.message(replyId)).toHaveCount(0)
  const stored = await adminQuery<{ messages: MessageRow[] }>(page.request, {
    messages: { $: { where: { id: requestId } } },
  })
  expect(stored.messages[0]).toMatchObject({ role: 'user', status: 'pending' })

  const newReplyId = await writeReply(page.request, {
    conversationId,
    requestId,
    text: 'Liebe Eltern der Klasse 4b,',
    status: 'done',
  })
  const newReply = chat.message(newReplyId)
  await expect(newReply.getByRole('group', { name: 'Version 2 von 2' })).toBeVisible()
  await newReply.getByRole('button', { name: 'Vorherige Version' }).click()
  await expect(chat.message(replyId)).toHaveAttribute('data-status', 'stopped')
})

test('cancels a request that no assistant has picked up yet', async ({ page }) => {
  const chat = new ChatPage(page)
  const { conversationId, messageIds } = await seedConversation(page, 'Abbrechen', [
    { role: 'user', text: 'Erkläre den Wasserkreislauf', status: 'pending' },
  ])
  await chat.open(conversationId)
  const request = chat.message(messageIds[0]!)
  await request.getByRole('button', { name: 'Anfrage abbrechen' }).click()
  await expect(request.getByTestId('message-status')).toHaveText('Anfrage abgebrochen')
})

test('renders Markdown tables, highlighted code with a copy button, and KaTeX math', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const chat = new ChatPage(page)
  const markdown = [
    '| Aufgabe | Punkte |',
    '|---|---|',
    '| Brüche kürzen | 4 |',
    '',
    '```python',
    'def kuerze(z, n):',
    '    return z // ggt(z, n)',
    '```',
    '',
    'Es gilt',
    '',
    '$$',
    '\\frac{3}{4} = 0{,}75',
    '$$',
    '',
    'und $a^2 + b^2 = c^2$.',
  ].join('\n')
  const { conversationId, messageIds } = await seedConversation(page, 'Markdown', [
    { role: 'user', text: 'Zeig mir Markdown' },
    { role: 'assistant', text: markdown },
  ])
  await chat.open(conversationId)
  const reply = chat.message(messageIds[1]!)
  const table = reply.getByRole('table')
  await expect(table.getByRole('columnheader', { name: 'Punkte' })).toBeVisible()
  await expect(table.getByRole('cell', { name: 'Brüche kürzen' })).toBeVisible()
  await expect(reply.locator('pre code.hljs .hljs-keyword').first()).toHaveText('def')
  await reply.getByRole('button', { name: 'Code kopieren' }).click()
  await expect(reply.getByText('Kopiert', { exact: true })).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('def kuerze(z, n):')
  await expect(reply.locator('.katex-display')).toHaveCount(1)
  await expect(reply.locator('.katex')).toHaveCount(2)
  await expect(reply.locator('.katex-mathml math').first()).toBeAttached()
})

test('is keyboard-operable, keeps the focused message rendered, and passes axe (WCAG 2.2 AA)', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const chat = new ChatPage(page)
  const seeded = Array.from({ length: 40 }, (_, i) => ({
    role: i % 2 === 0 ? ('user' as const) : ('assistant' as const),
    text: i === 39 ? '| a | b |\n|---|---|\n| 1 | 2 |\n\n```js\nlet x = 1\n```\n\n$x^2$' : `Beitrag ${i}`,
  }))
  const { conversationId, messageIds } = await seedConversation(page, 'Tastatur', seeded)
  await chat.open(conversationId)
  const last = chat.message(messageIds[39]!)
  await expect(last).toBeInViewport()

  // Keyboard: from the copy button of the latest reply, Enter copies and confirms.
  const copy = last.getByRole('button', { name: 'Nachricht kopieren' })
  await copy.focus()
  await page.keyboard.press('Enter')
  await expect(last.getByText('Kopiert', { exact: true })).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(last.getByRole('button', { name: 'Antwort neu generieren' })).toBeFocused()

  // Scrolling far away does not unmount the row that holds focus.
  // The open brought the newest 30 of 40; the rest arrive above the message being read (it stays put).
  await chat.scrollListTo('top')
  await expect(chat.message(messageIds[9]!)).toBeAttached()
  await chat.scrollListTo('top')
  await expect(chat.message(messageIds[0]!)).toBeInViewport()
  await expect(last.getByRole('button', { name: 'Antwort neu generieren' })).toBeFocused()

  await expectNoAxeViolations(page, '.chat-view')
})
