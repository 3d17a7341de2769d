// Benchmark of a streamed reply as the teacher sees it, in headless Chromium on the production build:
// prompts sent with the composer, the real worker answering from a scripted model whose deltas carry
// the time they were sent, and an in-page sampler noting when each one is first rendered in view.

import { loadavg } from 'node:os'
import type { Page } from '@playwright/test'
import { type MessageWrite, startBenchAssistant } from './bench-assistant.ts'
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
import { percentile, round } from './stats.ts'

const REPLIES = 12
/** 120 deltas with a 25 ms pause after each: a reply streams for at least 3 s. */
const DELTAS = 120
const DELTA_MS = 25

/**
 * One delta: a word, then a stamp of the round, the delta's number and the model's send time. Letters
 * and digits only, so Markdown renders it as the same text; lower case, as the prompts are.
 */
function stamped(round: number, k: number): string {
  return `wort z${round}k${k}t${Date.now()} `
}

interface StreamSeen {
  /** Per delta number: when it was first rendered in view minus when the model sent it (ms). */
  lag: Record<number, number>
  /** Per delta number: when it was first rendered in view (Date.now()). */
  at: Record<number, number>
  /** When delta 0 was first in view (Date.now()). */
  firstAt?: number
  /** At each frame that showed new deltas: the age of the newest delta shown. */
  newestAge: number[]
}

/**
 * Runs in the page: each animation frame, finds the round's stamps in the rendered messages and, for
 * each one not seen yet whose text box lies inside both the window and the message list's scroll box,
 * records the frame's Date.now() minus its stamp (page and model share the machine's clock). The
 * frame's callback runs after the DOM changed and before that frame is painted.
 */
function sampleStamps(round: number): void {
  const w = window as unknown as { __benchStream?: StreamSeen; __benchStreamRound?: number }
  const seen: StreamSeen = { lag: {}, at: {}, newestAge: [] }
  w.__benchStream = seen
  w.__benchStreamRound = round
  const pattern = new RegExp(`z${round}k(\\d+)t(\\d{13})`, 'g')
  const marker = `z${round}k`
  const tick = () => {
    if (w.__benchStreamRound !== round) return
    const now = Date.now()
    const list = document.querySelector('.message-list')?.getBoundingClientRect()
    const top = Math.max(0, list?.top ?? 0)
    const bottom = Math.min(window.innerHeight, list?.bottom ?? window.innerHeight)
    let newest = 0
    for (const el of document.querySelectorAll('[data-testid="message"]')) {
      if (!el.textContent?.includes(marker)) continue
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const m of (node.nodeValue ?? '').matchAll(pattern)) {
          const k = Number(m[1])
          if (k in seen.lag) continue
          const range = document.createRange()
          range.setStart(node, m.index)
          range.setEnd(node, m.index + m[0].length)
          const box = range.getBoundingClientRect()
          if (box.height === 0 || box.bottom <= top || box.top >= bottom) continue
          const sentAt = Number(m[2])
          seen.lag[k] = now - sentAt
          seen.at[k] = now
          if (k === 0) seen.firstAt = now
          newest = Math.max(newest, sentAt)
        }
      }
    }
    if (newest) seen.newestAge.push(now - newest)
    requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
}

/** The three legs of each token's way: waiting for the worker's write, the write, then to the screen. */
interface Legs {
  waitForWrite: number[]
  writeAnswered: number[]
  answeredToScreen: number[]
  /** Tokens in view before the worker even sent the write that carried them: the stream's. */
  beforeTheirWrite: number
  tokens: number
}

/**
 * Splits each token's time to screen at the worker's write that carried it (the first of the reply's
 * writes whose text holds the token): until the write reached the server, until the server answered
 * it (committed), and from then until the token was in view. A token in view before that write was
 * sent came through the reply's stream (server/assistant/reply-stream.ts) and is counted apart (one
 * in view while its write was under way may have come either way: the server tells subscribers
 * before it answers the writer).
 */
function addLegs(legs: Legs, round: number, seen: StreamSeen, writes: MessageWrite[]): void {
  const pattern = new RegExp(`z${round}k(\\d+)t(\\d{13})`, 'g')
  const carried = writes.map((w) => ({
    write: w,
    upTo: Math.max(-1, ...[...w.body.matchAll(pattern)].map((m) => Number(m[1]))),
  }))
  for (const [key, at] of Object.entries(seen.at)) {
    const k = Number(key)
    const carrier = carried.find((c) => c.upTo >= k)?.write
    if (!carrier?.answeredAt) continue
    legs.tokens++
    if (at < carrier.sentAt) {
      legs.beforeTheirWrite++
      continue
    }
    const sentAt = at - seen.lag[k]!
    legs.waitForWrite.push(carrier.sentAt - sentAt)
    legs.writeAnswered.push(carrier.answeredAt - carrier.sentAt)
    legs.answeredToScreen.push(at - carrier.answeredAt)
  }
}

async function openChat(page: Page, conversationId: string, lastId: string): Promise<void> {
  await page.addInitScript(watchVisible, messageWithId(lastId))
  await page.goto(`/c/${conversationId}`, { waitUntil: 'commit' })
  await visibleAt(page)
}

export async function benchStreaming(): Promise<Record<string, unknown>> {
  const loadAtStart = loadavg()
  const stack = await startBrowserStack()
  // The worker's write settings from the environment reach it: to see the figures move with them.
  const env: Record<string, string> = {}
  for (const name of ['ASSISTANT_FLUSH_MS', 'ASSISTANT_STREAMS', 'ASSISTANT_STREAM_FLUSH_MS']) {
    const value = process.env[name]
    if (value) env[name] = value
  }
  const assistant = await startBenchAssistant(stack, env)
  try {
    const context = await newTeacherContext(stack)
    const owner = await signIn(stack, context)
    const chat = await seedChat(stack, owner, 'Lange Antworten', 4)
    const page = await context.newPage()
    await openChat(page, chat.conversationId, chat.messageIds.at(-1)!)
    const composer = page.getByRole('textbox', { name: 'Deine Nachricht an eduhu.ki' })
    const send = page.getByRole('button', { name: 'Senden', exact: true })
    const lags: number[] = []
    const newestAges: number[] = []
    const firstWords: number[] = []
    const writes: number[] = []
    const writesPerSecond: number[] = []
    const streamSeconds: number[] = []
    const legs: Legs = {
      waitForWrite: [],
      writeAnswered: [],
      answeredToScreen: [],
      beforeTheirWrite: 0,
      tokens: 0,
    }
    // Plain lower-case words: capitalised ones read as a pupil's name and the privacy hint holds the send.
    const prompt = (n: number) => `lange antwort runde ${n} von ${REPLIES}`
    await composer.fill(prompt(1))
    for (let n = 1; n <= REPLIES; n++) {
      let modelStart = 0
      let modelEnd = 0
      assistant.model.queue({
        raw: (function* () {
          modelStart = Date.now()
          for (let k = 0; k < DELTAS; k++) {
            const body = { choices: [{ index: 0, delta: { content: stamped(n, k) }, finish_reason: null }] }
            yield `data: ${JSON.stringify(body)}\n\n`
          }
          modelEnd = Date.now()
          yield `data: ${JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\ndata: [DONE]\n\n`
        })(),
        delayMs: DELTA_MS,
      })
      // Free once the previous reply was done.
      await until(() => send.isEnabled(), 'the composer to be free')
      await page.evaluate(sampleStamps, n)
      const writesBefore = assistant.messageWrites()
      const sentAt = await send.evaluate((button: HTMLButtonElement) => {
        const at = Date.now()
        button.click()
        return at
      })
      const seen = await until(
        () =>
          page.evaluate((deltas) => {
            const s = (window as unknown as { __benchStream?: StreamSeen }).__benchStream
            return s && Object.keys(s.lag).length === deltas ? s : undefined
          }, DELTAS),
        `every delta of reply ${n} in view`,
      )
      // Sending needs text: the next prompt (after the last reply one that stays a draft). The reply's
      // last write (its status) lands before the composer is free again.
      await composer.fill(prompt(n + 1))
      await until(() => send.isEnabled(), 'the reply to finish')
      const replyWrites = assistant.messageWrites() - writesBefore
      addLegs(legs, n, seen, assistant.messageWriteLog().slice(writesBefore))
      const seconds = (modelEnd - modelStart) / 1000
      lags.push(...Object.values(seen.lag))
      newestAges.push(...seen.newestAge)
      firstWords.push(seen.firstAt! - sentAt)
      writes.push(replyWrites)
      writesPerSecond.push(round(replyWrites / seconds))
      streamSeconds.push(round(seconds))
    }
    const loadAtEnd = loadavg()
    return {
      replies: REPLIES,
      model_stream: {
        deltas: DELTAS,
        delta_interval_ms: DELTA_MS,
        flush_interval_ms: assistant.flushIntervalMs,
        streams: assistant.streams,
        stream_flush_interval_ms: assistant.streamFlushIntervalMs,
      },
      token_to_screen_ms: timings(lags),
      newest_token_age_on_screen_ms: timings(newestAges),
      // Tokens that were in view before the write carrying them was sent: they came through the
      // reply's stream. The legs below are those of the others (see addLegs), if any.
      tokens_before_their_write_pct: legs.tokens ? round((100 * legs.beforeTheirWrite) / legs.tokens) : 0,
      ...(legs.waitForWrite.length > 0 && {
        // Where each durably carried token's time went; the legs' p50s add up to about the total's.
        token_to_screen_legs_ms: {
          wait_for_worker_write: timings(legs.waitForWrite),
          write_until_server_answered: timings(legs.writeAnswered),
          server_answered_until_in_view: timings(legs.answeredToScreen),
        },
      }),
      first_words_ms: timings(firstWords),
      writes_per_reply: { p50: percentile(writes, 50), max: Math.max(...writes), samples: writes },
      writes_per_second_of_reply: {
        p50: percentile(writesPerSecond, 50),
        max: Math.max(...writesPerSecond),
        samples: writesPerSecond,
      },
      reply_stream_s: { min: Math.min(...streamSeconds), p50: percentile(streamSeconds, 50) },
      load_avg_1min: { start: round(loadAtStart[0]!), end: round(loadAtEnd[0]!) },
    }
  } finally {
    await assistant.close()
    await stack.close()
  }
}
