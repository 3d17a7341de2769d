// Page object for the app shell: header, navigation, connection badge, language switch.

import type { Locator, Page } from '@playwright/test'

export class ShellPage {
  readonly shell: Locator
  readonly heading: Locator
  readonly nav: Locator
  readonly connection: Locator
  readonly language: Locator

  constructor(readonly page: Page) {
    this.shell = page.getByTestId('shell')
    this.heading = page.getByRole('heading', { level: 1 })
    this.nav = page.getByRole('navigation')
    this.connection = page.getByTestId('connection')
    this.language = page.getByRole('combobox')
  }

  async open(): Promise<void> {
    await this.page.goto('/')
    await this.shell.waitFor()
  }
}
