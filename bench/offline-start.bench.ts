// Offline cold start in Chromium: the production build with its service worker installed, a teacher
// with a few chats who used the app online; then the stack's process is killed, and the app is
// reloaded again and again: navigation → the chat list (a seeded chat's title) visible.

import {
  newTeacherContext,
  seedChat,
  signIn,
  startBrowserStack,
  timings,
  visibleAt,
  watchVisible,
} from './browser-harness.ts'

const CHATS = 5
const RELOADS = 9

export async function benchOfflineStart(): Promise<Record<string, unknown>> {
  const stack = await startBrowserStack()
  try {
    const context = await newTeacherContext(stack)
    const owner = await signIn(stack, context)
    for (let k = 0; k < CHATS; k++)
      await seedChat(stack, owner, `Offline-Chat ${k}`, 20, Date.now() - k * 3_600_000)
    // The newest chat's title in a link of the list (on desktop the sidebar of `/`).
    const listed = { selector: 'a', text: 'Offline-Chat 0' }
    const page = await context.newPage()
    await page.addInitScript(watchVisible, listed)
    await page.goto('/', { waitUntil: 'commit' })
    await visibleAt(page)
    const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null)
    if (!controlled) throw new Error('the page is not served by the service worker')
    await stack.stop()
    const times: number[] = []
    for (let k = 0; k < RELOADS; k++) {
      await page.reload({ waitUntil: 'commit' })
      times.push(Math.round((await visibleAt(page)) * 10) / 10)
    }
    return { chats: CHATS, reloads: RELOADS, chat_list_visible_ms: timings(times), samples: times }
  } finally {
    await stack.close()
  }
}
