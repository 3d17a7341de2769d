// Page object for the conversation list (sidebar on wide screens, start page on phones): new chat,
// search, groups, and one item's menu (rename, pin, archive, delete).

import { expect, type Locator, type Page } from '@playwright/test'

export class ConversationList {
  readonly panel: Locator
  readonly newChat: Locator
  readonly search: Locator
  readonly showArchived: Locator
  readonly items: Locator
  readonly searchResults: Locator
  readonly loadMore: Locator

  constructor(readonly page: Page) {
    this.panel = page.locator('.conv-panel')
    this.newChat = this.panel.getByRole('button', { name: 'Neuer Chat', exact: true })
    this.search = page.getByRole('searchbox', { name: 'Chats durchsuchen' })
    this.showArchived = page.getByRole('checkbox', { name: 'Archivierte Chats anzeigen' })
    this.items = this.panel.getByTestId('conversation-item')
    this.searchResults = page.getByTestId('search-results')
    this.loadMore = this.panel.getByRole('button', { name: 'Weitere Chats laden' })
  }

  /** The list lives on the start page on phones; on wide screens it is always beside the page. */
  async open(): Promise<void> {
    if (!(await this.panel.isVisible())) await this.page.goto('/')
    await expect(this.panel).toBeVisible()
  }

  group(id: 'pinned' | 'recent' | 'archived'): Locator {
    return this.panel.getByTestId(`group-${id}`)
  }

  item(title: string): Locator {
    return this.items.filter({ has: this.page.getByRole('link', { name: title }) })
  }

  /** Titles in the order shown (all groups, top to bottom). */
  titles(): Promise<string[]> {
    return this.items.locator('.conv-item__title').allTextContents()
  }

  async createChat(): Promise<string> {
    await this.open()
    const before = this.page.url()
    await this.newChat.click()
    await expect(this.page).not.toHaveURL(before)
    await expect(this.page).toHaveURL(/\/c\/[0-9a-f-]{36}$/)
    return new URL(this.page.url()).pathname.split('/').pop()!
  }

  async menu(title: string, action: string): Promise<void> {
    await this.open()
    await this.item(title)
      .getByRole('button', { name: `Aktionen für „${title}“` })
      .click()
    await this.item(title).getByRole('button', { name: action, exact: true }).click()
  }

  async rename(title: string, next: string): Promise<void> {
    await this.menu(title, 'Umbenennen')
    const field = this.page.getByRole('textbox', { name: `Neuer Titel für „${title}“` })
    await expect(field).toBeFocused()
    await field.fill(next)
    await field.press('Enter')
    await expect(this.item(next)).toBeVisible()
  }

  async searchFor(term: string): Promise<void> {
    await this.open()
    await this.search.fill(term)
    await expect(this.searchResults.getByRole('status')).not.toHaveText('Suche läuft …')
  }
}
