// Real time between two devices of one teacher, in Chromium (production build, two browser contexts
// signed in as the same user, both on one chat): a prompt sent with the composer in one is timed
// from the click on "Senden" until it shows in the other. The real worker answers each prompt (the
// scripted model), so the composer is free again for the next one.

import type { Page } from '@playwright/test'
import { startBenchAssistant } from './bench-assistant.ts'
import {
  messageWithId,
  newTeacherContext,
  seedChat,
  signIn,
  startBrowserStack,
  timings,
  until,
  visibleAt,
  watchVisible,
} from './browser-harness.ts'

const MESSAGES = 20

async function openChat(page: Page, conversationId: string, lastId: string): Promise<void> {
  await page.addInitScript(watchVisible, messageWithId(lastId))
  await page.goto(`/c/${conversationId}`, { waitUntil: 'commit' })
  await visibleAt(page)
}

export async function benchRealtime(): Promise<Record<string, unknown>> {
  const stack = await startBrowserStack()
  const assistant = await startBenchAssistant(stack)
  try {
    const laptop = await newTeacherContext(stack)
    const owner = await signIn(stack, laptop)
    const phone = await newTeacherContext(stack, laptop)
    const chat = await seedChat(stack, owner, 'Zwei Geräte', 30)
    const writer = await laptop.newPage()
    const reader = await phone.newPage()
    await openChat(writer, chat.conversationId, chat.messageIds.at(-1)!)
    await openChat(reader, chat.conversationId, chat.messageIds.at(-1)!)
    const composer = writer.getByRole('textbox', { name: 'Deine Nachricht an eduhu.ki' })
    const send = writer.getByRole('button', { name: 'Senden', exact: true })
    const latencies: number[] = []
    for (let k = 0; k < MESSAGES; k++) {
      // Plain words: capitalised ones or long numbers read as a pupil's name or phone number, and the
      // privacy hint then holds the send for a question.
      const text = `echtzeit runde ${k + 1} von ${MESSAGES}`
      await reader.evaluate(watchVisible, { selector: '[data-testid="message"]', text })
      await composer.fill(text)
      // Free once the previous prompt was answered.
      await until(() => send.isEnabled(), 'the composer to be free')
      const sentAt = await send.evaluate((button: HTMLButtonElement) => {
        const at = performance.timeOrigin + performance.now()
        button.click()
        return at
      })
      const seenAt = await until(
        // On the same machine both pages' clocks are the system clock.
        () =>
          reader.evaluate(() => {
            const at = (window as unknown as { __benchVisibleAt?: number }).__benchVisibleAt
            return at === undefined ? undefined : performance.timeOrigin + at
          }),
        'the prompt on the other device',
      )
      latencies.push(Math.round((seenAt - sentAt) * 10) / 10)
    }
    return { messages: MESSAGES, other_device_visible_ms: timings(latencies), samples: latencies }
  } finally {
    await assistant.close()
    await stack.close()
  }
}
