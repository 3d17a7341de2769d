// Page object for the library: the list of materials at /library and one material at /library/:id
// (version picker, body, copy, "Zum Chat", delete with its confirmation).

import { expect, type Locator, type Page } from '@playwright/test'

export class LibraryPage {
  readonly heading: Locator
  readonly items: Locator
  readonly loadMore: Locator
  readonly emptyState: Locator
  readonly view: Locator
  readonly versionPicker: Locator
  readonly body: Locator
  readonly copy: Locator
  readonly toChat: Locator
  readonly delete: Locator
  readonly deleteDialog: Locator
  readonly notFound: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 })
    this.items = page.getByTestId('artifact-item')
    this.loadMore = page.getByRole('button', { name: 'Weitere Materialien laden' })
    this.emptyState = page.getByRole('heading', { name: 'Noch keine Materialien' })
    this.view = page.getByTestId('artifact-view')
    this.versionPicker = this.view.getByRole('combobox', { name: 'Version auswählen' })
    this.body = page.getByTestId('artifact-body')
    this.copy = this.view.getByRole('button', { name: 'Text kopieren' })
    this.toChat = this.view.getByRole('link', { name: 'Zum Chat' })
    this.delete = this.view.getByRole('button', { name: 'Löschen', exact: true })
    this.deleteDialog = page.getByRole('dialog', { name: 'Material löschen?' })
    this.notFound = page.getByTestId('artifact-not-found')
  }

  /** Opens the list and waits until it has loaded (items or the empty state). */
  async open(): Promise<void> {
    await this.page.goto('/library')
    await expect(this.heading).toHaveText('Bibliothek')
    await expect(this.page.getByText('Materialien werden geladen …')).toHaveCount(0)
  }

  /** Opens one material by its URL and waits for its view (or the "not found" state). */
  async openArtifact(artifactId: string): Promise<void> {
    await this.page.goto(`/library/${artifactId}`)
    await expect(this.view.or(this.notFound)).toBeVisible()
  }

  item(title: string): Locator {
    return this.items.filter({ has: this.page.getByRole('link', { name: title, exact: true }) })
  }

  /** The kind label of an item ("Arbeitsblatt"). */
  kind(title: string): Locator {
    return this.item(title).locator('.library-kind')
  }

  /** Titles in the order shown, top to bottom. */
  titles(): Promise<string[]> {
    return this.items.locator('.library-item__link').allTextContents()
  }

  /** The label of the version the picker shows ("Version 2 von 2"). */
  selectedVersion(): Promise<string> {
    return this.versionPicker.evaluate(
      (el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '',
    )
  }

  /** Horizontal overflow of the page and of <main> in px (0 when nothing scrolls sideways). */
  sidewaysOverflow(): Promise<number> {
    return this.page.evaluate(() => {
      const root = document.documentElement
      const main = document.getElementById('main')
      return Math.max(root.scrollWidth - root.clientWidth, main ? main.scrollWidth - main.clientWidth : 0)
    })
  }
}
