// Page object for the chat view: the virtualized message list, one message's controls, the composer.

import { expect, type Locator, type Page } from '@playwright/test'

export class ChatPage {
  readonly title: Locator
  readonly list: Locator
  readonly messages: Locator
  readonly composer: Locator
  readonly send: Locator
  readonly jumpToLatest: Locator
  readonly announcer: Locator

  constructor(readonly page: Page) {
    this.title = page.locator('.chat-view__title')
    this.list = page.getByRole('region', { name: 'Nachrichten' })
    this.messages = page.getByTestId('message')
    this.composer = page.getByRole('textbox', { name: 'Deine Nachricht an eduhu.ki' })
    this.send = page.getByRole('button', { name: 'Senden', exact: true })
    this.jumpToLatest = page.getByRole('button', { name: 'Zum neuesten Beitrag' })
    this.announcer = page.getByTestId('reply-announcer')
  }

  async open(conversationId: string): Promise<void> {
    await this.page.goto(`/c/${conversationId}`)
    await this.title.waitFor()
  }

  message(id: string): Locator {
    return this.page.locator(`[data-testid="message"][data-message-id="${id}"]`)
  }

  messageWithText(text: string): Locator {
    return this.messages.filter({ hasText: text })
  }

  /** The rendered messages in DOM order with their ids and viewport positions. */
  async renderedMessages(): Promise<{ id: string; top: number; bottom: number }[]> {
    return this.messages.evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect()
        return { id: (el as HTMLElement).dataset.messageId ?? '', top: r.top, bottom: r.bottom }
      }),
    )
  }

  /** The first message whose box reaches into the list's viewport (the one a reader sees on top). */
  async firstVisibleMessage(): Promise<{ id: string; top: number }> {
    const box = await this.list.boundingBox()
    if (!box) throw new Error('the message list is not visible')
    const rows = (await this.renderedMessages()).filter(
      (m) => m.bottom > box.y + 1 && m.top < box.y + box.height,
    )
    rows.sort((a, b) => a.top - b.top)
    const first = rows[0]
    if (!first) throw new Error('no message is visible')
    return first
  }

  async scrollListTo(position: 'top' | 'bottom'): Promise<void> {
    await this.list.evaluate((el, pos) => {
      el.scrollTop = pos === 'top' ? 0 : el.scrollHeight
    }, position)
  }

  async sendPrompt(text: string): Promise<void> {
    await this.composer.fill(text)
    await this.send.click()
    await expect(this.composer).toHaveValue('')
  }
}
