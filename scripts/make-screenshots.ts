// Takes the manifest's install-sheet screenshots (public/screenshots/) of the real app: a seeded chat on
// a phone (narrow) and on a desktop (wide), in Chromium against a running stack.
// Run: `npm run build && PORT=4530 INSTANT_LOCAL_DATA_DIR=<dir> node --import tsx server/stack/main.ts`, then
// `SCREENSHOT_URL=http://127.0.0.1:4530 E2E_DATA_DIR=<dir> node --import tsx scripts/make-screenshots.ts`.

import { randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { chromium } from '@playwright/test'
import { adminTransact, seedConversation } from '../e2e/fixtures/seed.ts'
import { CHROMIUM_ARGS, findChromium } from './browser.mjs'

const baseURL = process.env.SCREENSHOT_URL ?? 'http://127.0.0.1:4310'
const OUT = 'public/screenshots'

const REPLY = `Gern! Hier ist ein Arbeitsblatt zur **Fotosynthese** für Klasse 7 (45 Minuten).

## Aufgabe 1: Was braucht eine Pflanze?
Ergänze die Gleichung:

| Ausgangsstoffe | | Produkte |
|---|---|---|
| Kohlenstoffdioxid + Wasser | → Licht → | Traubenzucker + Sauerstoff |

## Aufgabe 2: Versuch mit der Wasserpest
1. Stelle die Wasserpest ins Licht und zähle eine Minute lang die Bläschen.
2. Wiederhole den Versuch im Schatten.
3. Erkläre den Unterschied in zwei Sätzen.

> **Tipp:** Für schwächere Lernende gibt es eine Variante mit Satzanfängen.`

const OTHER_CHATS = [
  'Elternbrief zum Wandertag',
  'Quiz: Bruchrechnung Klasse 6',
  'Stundenentwurf Gedichtanalyse',
  'Vokabeltest Unit 3',
]

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true })
  const { executablePath } = await findChromium({ install: false })
  const browser = await chromium.launch({
    args: CHROMIUM_ARGS,
    ...(executablePath ? { executablePath } : {}),
  })
  const shots = [
    { file: 'chat-narrow.png', viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true },
    { file: 'chat-wide.png', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, isMobile: false },
  ]
  for (const shot of shots) {
    // No service worker: the one-off "works offline" note must not appear in the picture.
    const context = await browser.newContext({ baseURL, locale: 'de-DE', serviceWorkers: 'block', ...shot })
    const page = await context.newPage()
    await page.goto('/')
    // A worker's heartbeat, as a running assistant writes it, so the app shows its ordinary state.
    const now = Date.now()
    await adminTransact(page.request, [
      [
        'update',
        'assistantWorkers',
        randomUUID(),
        { model: 'eduhu', startedAt: now, beatAt: now, staleAfterMs: 600_000 },
      ],
    ])
    for (const title of OTHER_CHATS) {
      await seedConversation(page, title, [
        { role: 'user', text: title },
        { role: 'assistant', text: 'Gern.' },
      ])
    }
    const { conversationId } = await seedConversation(page, 'Arbeitsblatt Fotosynthese', [
      { role: 'user', text: 'Erstelle ein Arbeitsblatt zur Fotosynthese für Klasse 7.' },
      { role: 'assistant', text: REPLY },
    ])
    await page.goto(`/c/${conversationId}`)
    await page.getByText('Versuch mit der Wasserpest').waitFor()
    await page.getByText('Verbunden').waitFor()
    await page.screenshot({ path: `${OUT}/${shot.file}` })
    await context.close()
    process.stdout.write(`${OUT}/${shot.file}\n`)
  }
  await browser.close()
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`)
  process.exit(1)
})
