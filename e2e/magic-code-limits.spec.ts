// Magic-code limits in the real browser: after an address has had too many wrong codes, the server
// refuses even the right one (429) and the teacher reads why in German instead of a wrong-code error.

import { expect, test } from '@playwright/test'
import { LOCAL_APP_ID } from '../server/instant/local-app.ts'
import { latestMagicCode, uniqueEmail } from './fixtures/mailbox.ts'
import { AccountPage } from './pages/account-page.ts'

// The local server's default: wrong codes per address and window (server/instant/README.md).
const FAILURES_PER_ADDRESS = 10

test('a locked address is told to wait, even with the right code', async ({ page }) => {
  const email = uniqueEmail('locked')
  const account = new AccountPage(page)
  await account.open()
  await account.requestCode(email)
  const code = await latestMagicCode(page.request, email)

  // Someone else guesses at the address until the server locks it.
  const statuses: number[] = []
  for (let k = 0; k < FAILURES_PER_ADDRESS + 1; k++) {
    const guess = String((Number(code) + 1 + k) % 1_000_000).padStart(6, '0')
    const res = await page.request.post('/runtime/auth/verify_magic_code', {
      data: { 'app-id': LOCAL_APP_ID, email, code: guess },
    })
    statuses.push(res.status())
  }
  expect(statuses.slice(0, FAILURES_PER_ADDRESS).every((s) => s === 400)).toBe(true)
  expect(statuses.at(-1)).toBe(429)

  await account.code.fill(code)
  await account.signIn.click()
  await expect(account.error).toHaveText(
    'Gerade kommen zu viele Anfragen. Warte kurz und versuch es dann noch einmal.',
  )
  await expect(account.state).toHaveText('Du nutzt eduhu.ki gerade als Gast.')
})
