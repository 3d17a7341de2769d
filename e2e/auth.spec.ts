// Sign-in on the real stack: instant guest start, reload keeps the user, the magic-code upgrade keeps
// the guest's chats (same user id), wrong codes, sign-out, and the signed-in state offline.

import { expect, test } from '@playwright/test'
import { adminQuery } from './fixtures/admin-query.ts'
import { uniqueEmail } from './fixtures/mailbox.ts'
import { signedInUserId } from './fixtures/seed.ts'
import { AccountPage } from './pages/account-page.ts'
import { AppPage } from './pages/app-page.ts'
import { ConversationList } from './pages/conversation-list.ts'

test('starts as a guest on the first visit and keeps that user across reloads', async ({ page }) => {
  const app = new AppPage(page)
  await app.open('/')
  await expect(app.heading).toHaveText('Willkommen bei eduhu.ki')
  const guestId = await signedInUserId(page)
  const account = new AccountPage(page)
  await account.open()
  await expect(account.state).toHaveText('Du nutzt eduhu.ki gerade als Gast.')
  await page.reload()
  await expect(account.state).toHaveText('Du nutzt eduhu.ki gerade als Gast.')
  expect(await signedInUserId(page)).toBe(guestId)
})

test('upgrades the guest with an e-mailed code and keeps the chats', async ({ page }) => {
  const list = new ConversationList(page)
  await new AppPage(page).open('/')
  const guestId = await signedInUserId(page)
  await list.createChat()
  await list.open()
  await list.rename('Neuer Chat', 'Gastchat Bruchrechnung')

  const account = new AccountPage(page)
  const email = uniqueEmail('upgrade')
  await account.open()
  await account.requestCode(email)
  // On the local install the code is not e-mailed; the page says where it is.
  await expect(account.localHint).toContainText('Log des Servers')
  await account.signInWithEmail(email)
  await expect(page.getByText('Geschafft! Du bist angemeldet')).toBeVisible()

  expect(await signedInUserId(page)).toBe(guestId)
  await list.open()
  await expect(list.item('Gastchat Bruchrechnung')).toBeVisible()
  await account.open()
  await page.reload()
  await expect(account.state).toHaveText(`Angemeldet als ${email}`)
})

test("signing in to an existing account on a new device brings the guest's chats along", async ({
  page,
  browser,
}) => {
  // The account, made on the school PC.
  const list = new ConversationList(page)
  await new AppPage(page).open('/')
  const email = uniqueEmail('merge')
  await list.createChat()
  await list.open()
  await list.rename('Neuer Chat', 'Am Schul-PC')
  await new AccountPage(page).signInWithEmail(email)
  const accountId = await signedInUserId(page)

  // A phone starts as a guest; the teacher writes a chat before thinking of signing in.
  const phone = await browser.newContext()
  try {
    const second = await phone.newPage()
    const secondList = new ConversationList(second)
    await new AppPage(second).open('/')
    const guestId = await signedInUserId(second)
    await secondList.createChat()
    await secondList.open()
    await secondList.rename('Neuer Chat', 'Auf dem Handy')
    await new AccountPage(second).signInWithEmail(email)
    expect(await signedInUserId(second)).toBe(accountId)
    expect(guestId).not.toBe(accountId)

    // Both chats are the account's now, on both devices, and stay so after a reload.
    await secondList.open()
    await expect(secondList.item('Auf dem Handy')).toBeVisible()
    await expect(secondList.item('Am Schul-PC')).toBeVisible()
    await list.open()
    await expect(list.item('Auf dem Handy')).toBeVisible()
    await second.reload()
    await secondList.open()
    await expect(secondList.item('Auf dem Handy')).toBeVisible()
    const stored = await adminQuery<{ conversations: { title: string; owner: { id: string }[] }[] }>(
      page.request,
      {
        conversations: { $: { where: { title: 'Auf dem Handy' } }, owner: {} },
      },
    )
    expect(stored.conversations.flatMap((c) => c.owner.map((o) => o.id))).toContain(accountId)
    expect(stored.conversations.flatMap((c) => c.owner.map((o) => o.id))).not.toContain(guestId)
  } finally {
    await phone.close()
  }
})

test('explains a wrong code in German and lets the teacher try again', async ({ page }) => {
  const account = new AccountPage(page)
  await account.open()
  await account.email.fill('kein-at-zeichen')
  await account.sendCode.click()
  await expect(account.error).toHaveText('Bitte gib eine gültige E-Mail-Adresse ein.')
  await account.requestCode(uniqueEmail('wrong-code'))
  await account.code.fill('000000')
  await account.signIn.click()
  await expect(account.error).toHaveText(
    'Der Code stimmt nicht oder ist abgelaufen. Prüf ihn und versuch es noch einmal.',
  )
  await expect(account.state).toHaveText('Du nutzt eduhu.ki gerade als Gast.')
})

test('signing out starts a fresh guest that sees none of the old chats', async ({ page }) => {
  const list = new ConversationList(page)
  await new AppPage(page).open('/')
  await list.createChat()
  await list.open()
  await list.rename('Neuer Chat', 'Vor dem Abmelden')
  const account = new AccountPage(page)
  const email = uniqueEmail('signout')
  await account.signInWithEmail(email)
  const userId = await signedInUserId(page)

  await account.signOut.click()
  await expect(account.state).toHaveText('Du nutzt eduhu.ki gerade als Gast.')
  await expect.poll(() => signedInUserId(page)).not.toBe(userId)
  await list.open()
  await expect(page.getByText('Noch keine Chats.')).toBeVisible()
  await expect(list.item('Vor dem Abmelden')).toHaveCount(0)
})

test('warns a guest before signing out, and cancelling keeps the guest', async ({ page }) => {
  const account = new AccountPage(page)
  await account.open()
  const guestId = await signedInUserId(page)
  await account.signOut.click()
  const dialog = page.getByRole('dialog', { name: 'Als Gast abmelden?' })
  await expect(dialog).toContainText('verlierst du beim Abmelden den Zugriff')
  await dialog.getByRole('button', { name: 'Abbrechen' }).click()
  await expect(dialog).toBeHidden()
  await expect(account.signOut).toBeFocused()
  expect(await signedInUserId(page)).toBe(guestId)
})

test('keeps the signed-in teacher on a reload while offline', async ({ page, context }) => {
  const account = new AccountPage(page)
  const email = uniqueEmail('offline')
  await account.signInWithEmail(email)
  // The service worker must control the page before it can serve the shell without a network.
  await page.evaluate(() => navigator.serviceWorker.ready)
  await page.reload()
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true)
  await context.setOffline(true)
  await page.reload()
  await expect(account.state).toHaveText(`Angemeldet als ${email}`)
  await expect(new AppPage(page).connection).toHaveText('Keine Verbindung zum Server')
  await context.setOffline(false)
})
