// Materials made by the assistant on the whole stack (`npm start` with a model): the teacher's
// prompt → the scripted model's create_material tool call → the draft growing in the reply's card →
// the card → the material beside the chat; then a revision asked for from the material comes back
// as version 2 of the same material, and variants asked for there come back as their own materials
// shown with the original. Own stack process at E2E_PORT + 6 (+1 and +5 are the other
// stack specs'); the model holds its stream at named gates, so each state is observed while it
// holds, however slow the machine.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, expect } from '@playwright/test'
import { type ScriptedModel, startScriptedModel } from '../server/assistant/testing/scripted-model.ts'
import { startServerProcess } from '../server/instant/conformance/server-process.ts'
import { ChatPage } from './pages/chat-page.ts'
import { ConversationList } from './pages/conversation-list.ts'
import { MaterialPage } from './pages/material-page.ts'

const test = base.extend<{ model: ScriptedModel }, { stack: { url: string; model: ScriptedModel } }>({
  stack: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from it
    async ({}, use, workerInfo) => {
      const port = Number(process.env.E2E_PORT ?? 4310) + 6 + workerInfo.parallelIndex
      const model = await startScriptedModel()
      const dataDir = mkdtempSync(join(tmpdir(), 'eduhu-e2e-materials-'))
      try {
        const stack = await startServerProcess(dataDir, port, {
          entry: 'stack',
          env: {
            ASSISTANT_API_URL: model.url,
            ASSISTANT_MODEL: 'scripted-model',
            ASSISTANT_API_KEY: 'sk-e2e',
            ASSISTANT_FLUSH_MS: '50',
            ASSISTANT_RETRY_DELAY_MS: '10',
            ASSISTANT_TOOLS: 'on',
            INSTANT_LOCAL_LOG: 'error',
          },
        })
        try {
          readFileSync(join(dataDir, 'admin-token'), 'utf8')
          await use({ url: stack.url, model })
        } finally {
          await stack.kill('SIGTERM')
        }
      } finally {
        await model.close()
        rmSync(dataDir, { recursive: true, force: true })
      }
    },
    // Starting a stack (compiling it on the fly) is slow on a busy machine; waiting for it is no race.
    { scope: 'worker', timeout: 180_000 },
  ],
  baseURL: async ({ stack }, use) => use(stack.url),
  model: async ({ stack }, use) => {
    await use(stack.model)
    stack.model.reset()
  },
})

test.use({ serviceWorkers: 'block' })
test.setTimeout(120_000)

const TITLE = 'Brüche addieren'
const PART_1 = '{"kind":"worksheet","title":"Brüche addieren","subject":"Mathematik","grade":"6",'
const PART_2 = '"body":"# Brüche addieren\\n\\n## Aufgabe 1\\nRechne 1/2 + 1/4.'
const PART_3 = '\\n\\n## Aufgabe 2\\nKürze 4/8."}'

test('a worksheet the model writes streams into a card in the reply and opens beside the chat; a revision asked for there is version 2', async ({
  page,
  model,
}, testInfo) => {
  const isPhone = testInfo.project.name === 'phone'
  const [run] = model.queue({
    deltas: ['Hier ist dein Arbeitsblatt.'],
    toolCalls: [{ id: 'call_ws', name: 'create_material', arguments: [PART_1, PART_2, PART_3] }],
    // 1 text delta, then the argument pieces: hold after the first task, before the second.
    gates: { 'first-task': 3 },
  })
  const chat = new ChatPage(page)
  const material = new MaterialPage(page)
  const conversationId = await new ConversationList(page).createChat()
  await chat.sendPrompt('Erstelle ein Arbeitsblatt zum Addieren von Brüchen für Klasse 6')

  // While the model holds mid-material, the draft shows in the reply with the body so far.
  await run!.reached('first-task')
  const draft = material.drafts.filter({ hasText: TITLE })
  await expect(draft).toContainText('Wird geschrieben …')
  await expect(draft.getByTestId('material-draft-body')).toContainText('Rechne 1/2 + 1/4.')
  await expect(draft.getByText('Kürze 4/8.')).toHaveCount(0)
  const sent = await run!.request
  expect(sent.body.tools?.map((t) => t.function.name)).toEqual(['create_material', 'revise_material'])

  run!.release('first-task')
  const card = material.card(TITLE)
  await expect(card).toBeVisible()
  await expect(material.drafts).toHaveCount(0)
  await expect(card).toContainText('Arbeitsblatt')
  const artifactId = await card.getAttribute('data-artifact-id')
  expect(artifactId).toBeTruthy()

  await material.openLink(TITLE).click()
  await expect(page).toHaveURL(`/c/${conversationId}/m/${artifactId}`)
  await expect(material.body).toContainText('Kürze 4/8.')
  expect(await material.view.getByTestId('artifact-version').textContent()).toBe('Version 1 von 1')

  // "Make task 1 harder", asked from the material: the model revises the same artifact.
  const revisedStart = '# Brüche addieren\\n\\n## Aufgabe 1\\nRechne 5/6 + 7/9.'
  const revisedEnd = '\\n\\n## Aufgabe 2\\nKürze 4/8.'
  const [revision] = model.queue({
    deltas: ['Ich habe Aufgabe 1 schwerer gemacht.'],
    toolCalls: [
      {
        name: 'revise_material',
        arguments: [
          `{"artifactId":"${artifactId}","note":"Aufgabe 1 schwerer",`,
          `"body":"${revisedStart}`,
          `${revisedEnd}"}`,
        ],
      },
    ],
    // 1 text delta, then the header and the first task of the new body.
    gates: { 'new-task-1': 3 },
  })
  await material.view.getByRole('button', { name: 'Überarbeiten lassen' }).click()
  await material.view
    .getByRole('textbox', { name: `Was soll eduhu.ki an „${TITLE}“ ändern?` })
    .fill('Mach Aufgabe 1 schwerer')
  await material.view.getByRole('button', { name: 'Überarbeitung anfordern' }).click()
  const request = await revision!.request
  expect(request.body.messages.at(-1)?.content).toContain('Mach Aufgabe 1 schwerer')

  // While the model writes the new version, it grows where the teacher looks: beside the chat in
  // the open material, on a phone in the reply's card.
  await revision!.reached('new-task-1')
  const growing = isPhone
    ? material.drafts.filter({ hasText: 'Überarbeitung wird geschrieben …' })
    : material.panel.getByTestId('material-next-draft')
  await expect(growing).toContainText('Rechne 5/6 + 7/9.')
  await expect(growing.getByText('Kürze 4/8.')).toHaveCount(0)
  revision!.release('new-task-1')

  if (isPhone) {
    // On a phone the chat shows where the answer comes; the new card reads "Version 2".
    await expect(page).toHaveURL(`/c/${conversationId}`)
    await expect(chat.messageWithText('Ich habe Aufgabe 1 schwerer gemacht.')).toBeVisible()
    await expect(material.card(TITLE).filter({ hasText: 'Version 2' })).toBeVisible()
    await material.openLink(TITLE).last().click()
  } else {
    await expect(chat.messageWithText('Mach Aufgabe 1 schwerer')).toBeVisible()
    await expect(material.card(TITLE).filter({ hasText: 'Version 2' })).toBeVisible()
  }
  await expect(material.body).toContainText('Rechne 5/6 + 7/9.')
  expect(await material.selectedVersion()).toBe('Version 2 von 2')
  await expect(material.origin).toHaveText('von eduhu.ki · Aufgabe 1 schwerer')
})

test('variants asked for from a material come back from the model as their own materials, shown with the original', async ({
  page,
  model,
}) => {
  model.queue({
    deltas: ['Hier ist dein Arbeitsblatt.'],
    toolCalls: [{ name: 'create_material', arguments: [PART_1, PART_2, PART_3] }],
  })
  const chat = new ChatPage(page)
  const material = new MaterialPage(page)
  const conversationId = await new ConversationList(page).createChat()
  await chat.sendPrompt('Erstelle ein Arbeitsblatt zum Addieren von Brüchen für Klasse 6')
  await expect(material.card(TITLE)).toBeVisible()
  const originalId = await material.card(TITLE).getAttribute('data-artifact-id')
  await material.openLink(TITLE).click()
  await expect(material.body).toContainText('Kürze 4/8.')

  const variant = (level: string, title: string) =>
    `{"kind":"worksheet","title":"${title}","level":"${level}","variantOf":"${originalId}","body":"# ${title}\\n\\n## Aufgabe 1\\nRechne 1/2 + 1/2."}`
  const [run] = model.queue({
    deltas: ['Hier sind die Varianten.'],
    toolCalls: [
      { name: 'create_material', arguments: [variant('A', 'Brüche addieren – Niveau A')] },
      {
        name: 'create_material',
        arguments: [variant('leichte-sprache', 'Brüche addieren – Leichte Sprache')],
      },
    ],
  })
  await material.askForVariants.click()
  await material.levelBox('Niveau B (mittel)').uncheck()
  await material.levelBox('Niveau C (erweitert)').uncheck()
  await material.levelBox('Leichte Sprache').check()
  await material.requestVariants.click()
  expect((await run!.request).body.messages.at(-1)?.content).toContain(
    'Niveau A (grundlegend), Leichte Sprache',
  )

  // The reply's cards name each variant's level; the original lists them, and each links back.
  await page.goto(`/c/${conversationId}/m/${originalId}`)
  // Each row starts with its level and title (its reading level follows).
  await expect(material.variants).toHaveText([
    /^Niveau A \(grundlegend\)Brüche addieren – Niveau A/,
    /^Leichte SpracheBrüche addieren – Leichte Sprache/,
  ])
  await material.variants.last().getByRole('link').click()
  await expect(material.view.getByTestId('material-level')).toHaveText('Leichte Sprache')
  await expect(material.original).toHaveText(TITLE)
  await chat.open(conversationId)
  await expect(material.card('Brüche addieren – Niveau A')).toContainText('Niveau A (grundlegend)')
})
