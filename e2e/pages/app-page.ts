// Page object for the shell around every screen: skip link, navigation, <main>, shortcut help.

import { expect, type Locator, type Page } from '@playwright/test'

export class AppPage {
  readonly skipLink: Locator
  readonly nav: Locator
  readonly main: Locator
  readonly heading: Locator
  readonly helpButton: Locator
  readonly helpDialog: Locator
  readonly connection: Locator

  constructor(readonly page: Page) {
    this.skipLink = page.getByRole('link', { name: 'Zum Inhalt springen' })
    this.nav = page.getByRole('navigation', { name: 'Hauptnavigation' })
    this.main = page.locator('main#main')
    this.heading = page.getByRole('heading', { level: 1 })
    this.helpButton = page.getByRole('button', { name: 'Tastenkürzel anzeigen' })
    this.helpDialog = page.getByRole('dialog', { name: 'Tastenkürzel' })
    this.connection = page.getByTestId('connection')
  }

  /** Opens a path and waits until the signed-in page is there (the guest start is done). */
  async open(path = '/'): Promise<void> {
    await this.page.goto(path)
    await expect(this.heading).toBeVisible()
  }

  navLink(name: string): Locator {
    return this.nav.getByRole('link', { name, exact: true })
  }

  /** The conversation id of the chat the page shows, from its URL. */
  conversationId(): string {
    const match = /\/c\/([0-9a-f-]{36})$/.exec(new URL(this.page.url()).pathname)
    if (!match?.[1]) throw new Error(`not on a chat page: ${this.page.url()}`)
    return match[1]
  }

  /** A short description of the focused element, for asserting focus order. */
  focused(): Promise<string> {
    return this.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null
      if (!el || el === document.body) return 'body'
      const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? ''
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}|${name}`
    })
  }
}
