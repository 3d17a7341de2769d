// Page object for the account on /profile: guest or e-mail state, the magic-code upgrade, sign-out.

import { expect, type Locator, type Page } from '@playwright/test'
import { latestMagicCode } from '../fixtures/mailbox.ts'

export class AccountPage {
  readonly state: Locator
  readonly email: Locator
  readonly sendCode: Locator
  readonly code: Locator
  readonly signIn: Locator
  readonly signOut: Locator
  readonly localHint: Locator
  readonly error: Locator

  constructor(readonly page: Page) {
    this.state = page.getByTestId('account-state')
    this.email = page.getByLabel('E-Mail-Adresse')
    this.sendCode = page.getByRole('button', { name: 'Code senden' })
    this.code = page.getByLabel('Anmeldecode')
    this.signIn = page.getByRole('button', { name: 'Anmelden', exact: true })
    this.signOut = page.getByRole('button', { name: 'Abmelden', exact: true })
    this.localHint = page.getByTestId('local-code-hint')
    this.error = page.locator('main').getByRole('alert')
  }

  async open(): Promise<void> {
    await this.page.goto('/profile')
    await expect(this.state).toBeVisible()
  }

  async requestCode(email: string): Promise<void> {
    await this.email.fill(email)
    await this.sendCode.click()
    await expect(this.page.getByText(`Wir haben einen Anmeldecode an ${email} geschickt.`)).toBeVisible()
  }

  /** The whole magic-code sign-in: request the code, read it from the dev mailbox, enter it. */
  async signInWithEmail(email: string): Promise<void> {
    await this.open()
    await this.requestCode(email)
    await this.code.fill(await latestMagicCode(this.page.request, email))
    await this.signIn.click()
    await expect(this.state).toHaveText(`Angemeldet als ${email}`)
  }
}
