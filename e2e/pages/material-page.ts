// Page object for materials in the app: the cards in a chat reply, and one material's view beside
// its chat (/c/:chat/m/:id) or in the library — version bar, hand editor, diff, restore, variants.

import { expect, type Locator, type Page } from '@playwright/test'

export class MaterialPage {
  readonly cards: Locator
  readonly drafts: Locator
  readonly panel: Locator
  readonly view: Locator
  readonly notFound: Locator
  readonly versionPicker: Locator
  readonly body: Locator
  readonly notice: Locator
  readonly origin: Locator
  readonly edit: Locator
  readonly editor: Locator
  readonly editorText: Locator
  readonly editorNote: Locator
  readonly save: Locator
  readonly compare: Locator
  readonly diff: Locator
  readonly diffSummary: Locator
  readonly restore: Locator
  readonly askForVariants: Locator
  readonly requestVariants: Locator
  readonly variants: Locator
  readonly original: Locator
  readonly closePanel: Locator
  readonly backToChat: Locator

  constructor(readonly page: Page) {
    this.cards = page.getByTestId('material-card')
    this.drafts = page.getByTestId('material-draft')
    this.panel = page.getByTestId('material-panel')
    this.view = page.getByTestId('artifact-view')
    this.notFound = page.getByTestId('artifact-not-found')
    this.versionPicker = this.view.getByRole('combobox', { name: 'Version auswählen' })
    this.body = page.getByTestId('artifact-body')
    this.notice = page.getByTestId('material-notice')
    this.origin = page.getByTestId('material-origin')
    this.edit = this.view.getByRole('button', { name: 'Bearbeiten' })
    this.editor = page.getByTestId('material-editor')
    this.editorText = this.editor.getByRole('textbox', { name: 'Text des Materials (Markdown)' })
    this.editorNote = this.editor.getByRole('textbox', { name: 'Was hast du geändert? (optional)' })
    this.save = this.editor.getByRole('button', { name: 'Als neue Version speichern' })
    this.compare = this.view.getByRole('button', { name: /^Vergleich/ })
    this.diff = page.getByTestId('material-diff')
    this.diffSummary = page.getByTestId('material-compare-summary')
    this.restore = this.view.getByRole('button', { name: 'Diese Version wiederherstellen' })
    this.askForVariants = this.view.getByRole('button', { name: 'Varianten erstellen' })
    this.requestVariants = this.view.getByRole('button', { name: 'Varianten anfordern' })
    this.variants = page.getByTestId('material-variant')
    this.original = page.getByTestId('material-original')
    this.closePanel = page.getByRole('link', { name: 'Material schließen' })
    this.backToChat = page.getByRole('link', { name: 'Zurück zum Chat' })
  }

  card(title: string): Locator {
    return this.cards.filter({
      has: this.page.locator('.material-card__title').getByText(title, { exact: true }),
    })
  }

  /** The card's "Öffnen" link (its name ends with the material's title). */
  openLink(title: string): Locator {
    return this.card(title).getByRole('link', { name: `Öffnen: ${title}` })
  }

  async openBesideChat(conversationId: string, artifactId: string): Promise<void> {
    await this.page.goto(`/c/${conversationId}/m/${artifactId}`)
    await expect(this.view.or(this.notFound)).toBeVisible()
  }

  /** The label of the version the picker shows ("Version 2 von 2"). */
  selectedVersion(): Promise<string> {
    return this.versionPicker.evaluate(
      (el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '',
    )
  }

  async chooseVersion(label: string): Promise<void> {
    await this.versionPicker.selectOption({ label })
  }

  levelBox(label: string): Locator {
    return this.view.getByRole('checkbox', { name: label })
  }
}
