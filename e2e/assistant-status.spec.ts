// Whether an assistant is there, shown where the teacher writes and in /health: its own stack without
// a model (as a fresh `npm start`), and the worker as its own process (`npm run assistant`) that the
// tests start, kill and start again, answering from a scripted model. Short heartbeats, and every
// state change is waited for, never timed. Serial: the first test needs a stack no worker ever saw.

import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, type Page, test } from '@playwright/test'
import { type ScriptedModel, startScriptedModel } from '../server/assistant/testing/scripted-model.ts'
import { type ServerProcess, startServerProcess } from '../server/instant/conformance/server-process.ts'
import { LOCAL_APP_ID } from '../server/instant/local-app.ts'
import { expectNoAxeViolations } from './fixtures/axe.ts'
import { ChatPage } from './pages/chat-page.ts'
import { ConversationList } from './pages/conversation-list.ts'

// Above the ports assistant.spec.ts takes (E2E_PORT + 1 + its parallel index).
const port = Number(process.env.E2E_PORT ?? 4310) + 5
let model: ScriptedModel
let stack: ServerProcess
let dataDir: string
let worker: ChildProcess | undefined

test.use({ baseURL: `http://127.0.0.1:${port}`, serviceWorkers: 'block' })
test.describe.configure({ mode: 'serial' })
// Stacks and workers compile on the fly: slow on a busy machine, and waiting for them is no race.
test.setTimeout(120_000)

test.beforeAll(async () => {
  test.setTimeout(180_000)
  model = await startScriptedModel()
  dataDir = mkdtempSync(join(tmpdir(), 'eduhu-e2e-status-'))
  stack = await startServerProcess(dataDir, port, {
    entry: 'stack',
    env: { ASSISTANT_API_URL: '', ASSISTANT_MODEL: '', INSTANT_LOCAL_LOG: 'error' },
  })
})

test.afterAll(async () => {
  await stopWorker('SIGTERM')
  await stack?.kill('SIGTERM')
  await model?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

/** `npm run assistant` against the stack, beating every 300 ms, gone after 3 s of silence. */
function startWorker(): void {
  worker = spawn(process.execPath, ['--import', 'tsx', 'server/assistant/main.ts'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      INSTANT_API_URI: stack.url,
      INSTANT_APP_ID: LOCAL_APP_ID,
      INSTANT_ADMIN_TOKEN_FILE: join(dataDir, 'admin-token'),
      ASSISTANT_API_URL: model.url,
      ASSISTANT_MODEL: 'scripted-model',
      ASSISTANT_API_KEY: 'sk-e2e',
      ASSISTANT_FLUSH_MS: '50',
      ASSISTANT_RETRY_DELAY_MS: '10',
      ASSISTANT_HEARTBEAT_MS: '300',
      ASSISTANT_HEARTBEAT_STALE_MS: '3000',
      INSTANT_LOCAL_LOG: 'error',
    },
  })
}

async function stopWorker(signal: NodeJS.Signals): Promise<void> {
  const proc = worker
  worker = undefined
  if (!proc || proc.exitCode !== null) return
  const exited = new Promise((resolve) => proc.once('exit', resolve))
  proc.kill(signal)
  await exited
}

async function healthState(): Promise<{ state: string; model?: string; error?: string }> {
  const body = (await (await fetch(`${stack.url}/health`)).json()) as {
    assistant: { state: string; model?: string; error?: string }
  }
  return body.assistant
}

const status = (page: Page) => page.getByTestId('assistant-status')
// Generous: a worker starting from cold compiles itself first.
const LONG = { timeout: 60_000 }

test('without a worker the app says no assistant is set up before sending; the prompt waits and is answered once one starts', async ({
  page,
}) => {
  const chat = new ChatPage(page)
  await new ConversationList(page).createChat()
  await expect(status(page)).toHaveAttribute('data-state', 'none')
  await expect(status(page)).toContainText(
    'Hier ist noch keine KI-Assistenz eingerichtet. Deine Nachricht wird beantwortet, sobald die Assistenz da ist.',
  )
  await expect(status(page)).toContainText('ASSISTANT_API_URL und ASSISTANT_MODEL')
  expect(await healthState()).toEqual({ state: 'none', workers: 0 })
  await expectNoAxeViolations(page)

  // The link for whoever runs the server leads to the README's first-run section.
  const docs = status(page).getByRole('link', { name: 'So richtest du ein Modell ein' })
  const href = await docs.getAttribute('href')
  const section = await (await fetch(new URL(href!, stack.url))).text()
  expect(section).toMatch(/^## First run\n/)
  expect(section).toContain('ASSISTANT_API_URL=http://localhost:11434/v1 ASSISTANT_MODEL=llama3.1 npm start')

  // Sending still works: the prompt waits in the database…
  await chat.sendPrompt('Plane eine Stunde zum Wasserkreislauf')
  const request = chat.messageWithText('Plane eine Stunde zum Wasserkreislauf')
  await expect(request.getByTestId('message-status')).toHaveText('Wartet auf die Assistenz …')
  // …and is answered once a worker starts.
  model.queue({ deltas: ['Gern! ', 'Hier ist dein Plan.'] })
  startWorker()
  const reply = page.locator('[data-testid="message"][data-role="assistant"][data-status="done"]')
  await expect(reply).toContainText('Gern! Hier ist dein Plan.', LONG)
  await expect(status(page)).toHaveAttribute('data-state', 'ready')
  await expect(status(page)).toHaveText('Assistenz bereit (scripted-model)')
  await expect.poll(healthState).toMatchObject({ state: 'ready', model: 'scripted-model' })
})

test('a worker that stops shows as not reachable within its bound, and as ready again when it is back', async ({
  page,
}) => {
  if (!worker) startWorker()
  await new ConversationList(page).createChat()
  await expect(status(page)).toHaveAttribute('data-state', 'ready', LONG)

  // Killed: no goodbye, the beats just stop.
  await stopWorker('SIGKILL')
  await expect(status(page)).toHaveAttribute('data-state', 'unreachable', LONG)
  await expect(status(page)).toContainText(
    'Die Assistenz ist gerade nicht erreichbar. Deine Nachricht wird beantwortet, sobald die Assistenz wieder da ist.',
  )
  await expect(status(page)).toContainText('npm run assistant')
  expect((await healthState()).state).toBe('unreachable')

  startWorker()
  await expect(status(page)).toHaveAttribute('data-state', 'ready', LONG)
  await expect.poll(healthState).toMatchObject({ state: 'ready' })

  // Shut down on purpose: the app says so at once (no need to wait out the bound).
  await stopWorker('SIGTERM')
  await expect(status(page)).toHaveAttribute('data-state', 'unreachable')
})

test('a model that rejects the key shows "model failing", and the reply shows its error as before', async ({
  page,
}) => {
  if (!worker) startWorker()
  const chat = new ChatPage(page)
  const id = await new ConversationList(page).createChat()
  await expect(status(page)).toHaveAttribute('data-state', 'ready', LONG)

  model.queue({ status: 401 })
  await chat.sendPrompt('Hallo')
  const reply = page.locator('[data-testid="message"][data-role="assistant"]')
  await expect(reply.getByTestId('message-status')).toHaveText(
    'Der Zugang zur KI ist falsch eingerichtet. Gib bitte deiner Schul-IT Bescheid.',
  )
  await expect(status(page)).toHaveAttribute('data-state', 'failing')
  await expect(status(page)).toContainText(
    'Die Assistenz kommt gerade nicht an ihr KI-Modell. Deine Nachricht wird beantwortet, sobald es wieder klappt.',
  )
  await expect(status(page)).toContainText('Prüfe ASSISTANT_API_KEY.')
  await expect.poll(healthState).toMatchObject({ state: 'failing', error: 'model-auth' })
  await expectNoAxeViolations(page)

  // In English too.
  await page.goto('/settings')
  await page.getByLabel('Sprache', { exact: true }).selectOption('en')
  await chat.open(id)
  await expect(status(page)).toContainText('The assistant cannot use its AI model right now.')
  await expect(status(page)).toContainText('Check ASSISTANT_API_KEY.')
})
