// Materials in the app on the real stack, with replies, drafts and artifacts written through the
// admin API exactly as the assistant worker writes them: the card in the reply (its body growing
// while the model writes), the material beside its chat (alone on a phone), a hand edit as v2, the
// diff, restoring v1 as v3, variants asked for from the material and shown with the original, and
// another teacher seeing none of it. Each step is also checked on the server, not just on screen.

import { randomUUID } from 'node:crypto'
import { expect, type Page, test } from '@playwright/test'
import { adminQuery } from './fixtures/admin-query.ts'
import { expectNoAxeViolations } from './fixtures/axe.ts'
import {
  adminTransact,
  conversationSteps,
  type Step,
  signedInUserId,
  updateMessage,
} from './fixtures/seed.ts'
import { useTheme } from './fixtures/theme.ts'
import { AppPage } from './pages/app-page.ts'
import { ChatPage } from './pages/chat-page.ts'
import { MaterialPage } from './pages/material-page.ts'

test.use({ serviceWorkers: 'block' })

const TITLE = 'Brüche addieren – Arbeitsblatt'
const V1 =
  '# Brüche addieren\n\n## Aufgabe 1\nRechne leichte Aufgaben: 1/2 + 1/4.\n{{lines:2}}\n\n## Aufgabe 2\nKürze 4/8.'
const V2 = V1.replace('leichte Aufgaben', 'schwere Aufgaben')

interface SeededChat {
  ownerId: string
  conversationId: string
  requestId: string
  replyId: string
}

/** A chat with a worksheet request and its reply (status as given), owned by the page's teacher. */
async function seedChat(page: Page, replyStatus: 'streaming' | 'done' = 'done'): Promise<SeededChat> {
  await new AppPage(page).open('/')
  const ownerId = await signedInUserId(page)
  const { conversationId, messageIds, steps } = conversationSteps(ownerId, 'Bruchrechnung Klasse 6', [
    { role: 'user', text: 'Erstelle ein Arbeitsblatt zum Addieren von Brüchen' },
    {
      role: 'assistant',
      text: 'Hier ist dein Arbeitsblatt.',
      status: replyStatus,
    },
  ])
  await adminTransact(page.request, steps)
  return { ownerId, conversationId, requestId: messageIds[0]!, replyId: messageIds[1]! }
}

interface SeedMaterial {
  title: string
  body: string
  level?: string
  variantOf?: string
}

/** What the worker writes when a material is done: the artifact and its v1, linked to the reply. */
function materialSteps(chat: SeededChat, m: SeedMaterial): { artifactId: string; steps: Step[] } {
  const artifactId = randomUUID()
  const versionId = randomUUID()
  const now = Date.now()
  const fields: Record<string, unknown> = {
    kind: 'worksheet',
    title: m.title,
    subject: 'Mathematik',
    grade: '6',
    language: 'de',
    latestVersion: 1,
    createdAt: now,
    updatedAt: now,
    usedAt: now,
  }
  if (m.level) fields.level = m.level
  const links: Record<string, string> = {
    owner: chat.ownerId,
    message: chat.replyId,
    conversation: chat.conversationId,
  }
  if (m.variantOf) links.variantOf = m.variantOf
  return {
    artifactId,
    steps: [
      ['update', 'artifacts', artifactId, fields],
      ['link', 'artifacts', artifactId, links],
      [
        'update',
        'artifactVersions',
        versionId,
        { version: 1, format: 'markdown', body: m.body, status: 'done', source: 'assistant', createdAt: now },
      ],
      ['link', 'artifactVersions', versionId, { artifact: artifactId, message: chat.replyId }],
    ],
  }
}

async function seedMaterial(page: Page, chat: SeededChat, m: SeedMaterial): Promise<string> {
  const { artifactId, steps } = materialSteps(chat, m)
  await adminTransact(page.request, steps)
  return artifactId
}

/** A chat with the worksheet (version 1) from its reply, opened beside the chat in the hand editor. */
async function editSeededWorksheet(page: Page): Promise<{ artifactId: string; material: MaterialPage }> {
  const chat = await seedChat(page)
  const artifactId = await seedMaterial(page, chat, { title: TITLE, body: V1 })
  const material = new MaterialPage(page)
  await material.openBesideChat(chat.conversationId, artifactId)
  await material.edit.click()
  return { artifactId, material }
}

interface StoredVersion {
  version: number
  body: string
  source?: string
  note?: string
}

/** The artifact's versions as the server has them, oldest first, and its latestVersion. */
async function storedVersions(page: Page, artifactId: string) {
  const res = await adminQuery<{
    artifacts: { latestVersion?: number; versions: StoredVersion[] }[]
  }>(page.request, { artifacts: { $: { where: { id: artifactId } }, versions: {} } })
  const artifact = res.artifacts[0]
  return {
    latestVersion: artifact?.latestVersion,
    versions: [...(artifact?.versions ?? [])].sort((a, b) => a.version - b.version),
  }
}

test('a requested worksheet shows as a card in the reply, growing while written, and opens beside the chat', async ({
  page,
}, testInfo) => {
  const isPhone = testInfo.project.name === 'phone'
  const chat = await seedChat(page, 'streaming')
  const chatPage = new ChatPage(page)
  const material = new MaterialPage(page)
  await chatPage.open(chat.conversationId)

  // The model has started the material: the draft's first task shows in the reply.
  await updateMessage(page.request, chat.replyId, {
    materialDrafts: [
      { callId: 'call-1', action: 'create', kind: 'worksheet', title: TITLE, body: '# Brüche' },
    ],
  })
  const draft = material.drafts.filter({ hasText: TITLE })
  await expect(draft).toContainText('Wird geschrieben …')
  await expect(draft).toContainText('Arbeitsblatt')
  await expect(draft.getByTestId('material-draft-body')).toContainText('Brüche')
  await expect(draft.getByText('Aufgabe 2')).toHaveCount(0)

  // More of the body arrives: the card shows it, as the reply text would.
  await updateMessage(page.request, chat.replyId, {
    materialDrafts: [{ callId: 'call-1', action: 'create', kind: 'worksheet', title: TITLE, body: V1 }],
  })
  await expect(draft.getByText('Kürze 4/8.')).toBeVisible()

  // Done: drafts cleared and the artifact written in one transaction; the draft becomes the card.
  const { artifactId, steps } = materialSteps(chat, { title: TITLE, body: V1 })
  await adminTransact(page.request, [
    ['update', 'messages', chat.replyId, { materialDrafts: null, status: 'done', updatedAt: Date.now() }],
    ...steps,
  ])
  const card = material.card(TITLE)
  await expect(card).toBeVisible()
  await expect(material.drafts).toHaveCount(0)
  await expect(card).toContainText('Arbeitsblatt')
  await expect(card).toHaveAttribute('data-artifact-id', artifactId)

  await material.openLink(TITLE).click()
  await expect(page).toHaveURL(`/c/${chat.conversationId}/m/${artifactId}`)
  await expect(material.panel.getByRole('heading', { name: TITLE })).toBeVisible()
  await expect(material.body).toContainText('Rechne leichte Aufgaben')
  if (isPhone) {
    // Full screen on a phone: the chat gives way and the way back leads to it.
    await expect(chatPage.composer).toHaveCount(0)
    await expect(material.backToChat).toBeVisible()
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    expect(overflow).toBeLessThanOrEqual(0)
  } else {
    // Beside the chat: both are there, and closing the panel keeps the chat.
    await expect(chatPage.composer).toBeVisible()
    await expect(card).toBeVisible()
  }
  await expectNoAxeViolations(page)
  await (isPhone ? material.backToChat : material.closePanel).click()
  await expect(page).toHaveURL(`/c/${chat.conversationId}`)
  await expect(material.panel).toHaveCount(0)
  await expect(material.card(TITLE)).toBeVisible()
})

test('back from a material opened high up in a long chat, the teacher is where she left it, not at the end', async ({
  page,
}, testInfo) => {
  const isPhone = testInfo.project.name === 'phone'
  await new AppPage(page).open('/')
  const ownerId = await signedInUserId(page)
  const lines = 'Hier steht eine längere Antwort mit mehreren Zeilen, damit der Verlauf scrollt.'
  const { conversationId, messageIds, steps } = conversationSteps(
    ownerId,
    'Langer Verlauf mit Material',
    Array.from({ length: 24 }, (_, i) => ({
      role: i % 2 === 0 ? ('user' as const) : ('assistant' as const),
      text: i % 2 === 0 ? `Frage ${i}` : `Antwort ${i}. ${lines} ${lines}`,
    })),
  )
  await adminTransact(page.request, steps)
  const chat = { ownerId, conversationId, requestId: messageIds[2]!, replyId: messageIds[3]! }
  await seedMaterial(page, chat, { title: TITLE, body: V1 })

  const chatPage = new ChatPage(page)
  const material = new MaterialPage(page)
  await chatPage.open(conversationId)
  await expect(chatPage.messageWithText('Antwort 23.')).toBeInViewport()
  // All 24 messages are one page: at the top of the list the card's reply is rendered.
  await chatPage.list.evaluate((el) => el.scrollTo({ top: 0 }))
  const card = material.card(TITLE)
  await card.scrollIntoViewIfNeeded()
  await expect(card).toBeInViewport()
  await expect(chatPage.jumpToLatest).toBeVisible()

  await material.openLink(TITLE).click()
  await expect(material.panel.getByRole('heading', { name: TITLE })).toBeVisible()
  if (isPhone) await expect(chatPage.composer).toHaveCount(0)
  await (isPhone ? material.backToChat : material.closePanel).click()
  await expect(page).toHaveURL(`/c/${conversationId}`)
  await expect(card).toBeInViewport()
  await expect(chatPage.jumpToLatest).toBeVisible()
  await expect(chatPage.messageWithText('Antwort 23.')).not.toBeInViewport()
})

test('a hand edit makes version 2, the diff shows the change, and restoring version 1 makes version 3', async ({
  page,
}) => {
  const chat = await seedChat(page)
  const artifactId = await seedMaterial(page, chat, { title: TITLE, body: V1 })
  const material = new MaterialPage(page)
  await material.openBesideChat(chat.conversationId, artifactId)
  await expect(material.body).toContainText('Rechne leichte Aufgaben')

  // Edit by hand: an unchanged text is refused with a reason, a changed one becomes version 2.
  await material.edit.click()
  await expect(material.editorText).toHaveValue(V1)
  await material.save.click()
  await expect(material.editor.getByRole('alert')).toHaveText('Du hast noch nichts geändert.')
  await material.editorText.fill(V2)
  await material.editorNote.fill('Aufgabe 1 schwerer')
  await material.save.click()
  await expect(material.notice).toHaveText('Version 2 gespeichert')
  await expect(material.editor).toHaveCount(0)
  expect(await material.selectedVersion()).toBe('Version 2 von 2')
  await expect(material.body).toContainText('Rechne schwere Aufgaben')
  await expect(material.origin).toHaveText('von dir bearbeitet · Aufgabe 1 schwerer')
  await expect
    .poll(() => storedVersions(page, artifactId))
    .toEqual({
      latestVersion: 2,
      versions: [
        expect.objectContaining({ version: 1, body: V1, source: 'assistant' }),
        expect.objectContaining({ version: 2, body: V2, source: 'edit', note: 'Aufgabe 1 schwerer' }),
      ],
    })

  // The diff of version 1 and 2: one line replaced, the changed word marked on each side.
  await material.compare.click()
  await expect(material.diffSummary).toHaveText('Zeilen: 1 hinzugefügt, 1 entfernt')
  await expect(material.diff.locator('[data-kind="removed"] del')).toHaveText('leichte')
  await expect(material.diff.locator('[data-kind="added"] ins')).toHaveText('schwere')
  await expect(material.diff.locator('[data-kind="added"]')).toContainText('hinzugefügt:')
  await expectNoAxeViolations(page)
  await material.compare.click()
  await expect(material.diff).toHaveCount(0)

  // Restore version 1: a new version 3 with its text; versions 1 and 2 stay as they were.
  await material.chooseVersion('Version 1 von 2')
  await expect(material.body).toContainText('Rechne leichte Aufgaben')
  await material.restore.click()
  await expect(material.notice).toHaveText('Version 3 gespeichert')
  expect(await material.selectedVersion()).toBe('Version 3 von 3')
  await expect(material.body).toContainText('Rechne leichte Aufgaben')
  await expect(material.origin).toHaveText('wiederhergestellt · Wiederhergestellt aus Version 1')
  await expect(material.restore).toHaveCount(0)
  await expect
    .poll(() => storedVersions(page, artifactId))
    .toEqual({
      latestVersion: 3,
      versions: [
        expect.objectContaining({ version: 1, body: V1, source: 'assistant' }),
        expect.objectContaining({ version: 2, body: V2, source: 'edit' }),
        expect.objectContaining({
          version: 3,
          body: V1,
          source: 'restore',
          note: 'Wiederhergestellt aus Version 1',
        }),
      ],
    })
})

test('a hand edit not yet saved survives a reload: the editor comes back with the text and note, and cancel lets it go', async ({
  page,
}) => {
  const { artifactId, material } = await editSeededWorksheet(page)
  await material.editorText.fill(V2)
  await material.editorNote.fill('Aufgabe 1 schwerer')

  await page.reload()
  await expect(material.editorText).toHaveValue(V2)
  await expect(material.editorNote).toHaveValue('Aufgabe 1 schwerer')
  await expect(material.notice).toHaveText('Deine ungespeicherten Änderungen sind wieder da.')
  await material.save.click()
  await expect(material.notice).toHaveText('Version 2 gespeichert')
  await expect(material.body).toContainText('Rechne schwere Aufgaben')
  await expect.poll(async () => (await storedVersions(page, artifactId)).latestVersion).toBe(2)

  // Saved or cancelled, the edit is gone: the next reload shows the material, not an editor.
  await material.edit.click()
  await material.editorText.fill(`${V2}\n\nNoch eine Zeile.`)
  await material.editor.getByRole('button', { name: 'Abbrechen' }).click()
  await page.reload()
  await expect(material.body).toContainText('Rechne schwere Aufgaben')
  await expect(material.editor).toHaveCount(0)
  await expect(material.body).not.toContainText('Noch eine Zeile.')
})

test('a hand edit saved offline says it waits for the connection, is counted, and is stored once the connection is back', async ({
  page,
  context,
}) => {
  const { artifactId, material } = await editSeededWorksheet(page)
  await material.editorText.fill(V2)

  await context.setOffline(true)
  await material.save.click()
  // Queued, not stored: the notice and the header's count say so while the browser is offline.
  await expect(material.notice).toHaveText(
    'Version 2 gespeichert – wartet auf Verbindung und wird dann übertragen.',
  )
  await expect(page.getByTestId('outbox-count')).toHaveText('1 wartet')
  await expect(material.body).toContainText('Rechne schwere Aufgaben')
  expect((await storedVersions(page, artifactId)).latestVersion).toBe(1)

  await context.setOffline(false)
  await expect(material.notice).toHaveText('Version 2 gespeichert', { timeout: 60_000 })
  await expect(page.getByTestId('outbox-count')).toHaveCount(0)
  await expect
    .poll(async () => (await storedVersions(page, artifactId)).versions.map((v) => v.body))
    .toEqual([V1, V2])
})

test('a version that arrives while the teacher edits (another device, the assistant) leaves the editor and its text alone; saving makes the next version', async ({
  page,
}) => {
  const { artifactId, material } = await editSeededWorksheet(page)
  await material.editorText.fill(`${V1}\n\n## Aufgabe 3\nVon Hand ergänzt.`)
  await expect(page.getByTestId('material-editor-behind')).toHaveCount(0)

  // Version 2 is written elsewhere (the teacher's phone) while this editor is open.
  const versionId = randomUUID()
  await adminTransact(page.request, [
    [
      'update',
      'artifactVersions',
      versionId,
      { version: 2, format: 'markdown', body: V2, status: 'done', source: 'edit', createdAt: Date.now() },
    ],
    ['link', 'artifactVersions', versionId, { artifact: artifactId }],
    ['update', 'artifacts', artifactId, { latestVersion: 2, updatedAt: Date.now() }],
  ])
  await expect(material.versionPicker.locator('option')).toHaveCount(2)
  await expect(material.editorText).toHaveValue(/Von Hand ergänzt\./)
  expect(await material.selectedVersion()).toBe('Version 1 von 2')
  // Saving from version 1 would leave version 2's changes out of the latest: the editor says so.
  await expect(page.getByTestId('material-editor-behind')).toHaveText(
    'Es gibt eine neuere Version (2). Dein Text baut auf Version 1 auf und wird als Version 3 gespeichert – ohne die Änderungen aus Version 2.',
  )

  await material.save.click()
  await expect(material.notice).toHaveText('Version 3 gespeichert')
  await expect(material.body).toContainText('Von Hand ergänzt.')
  await expect
    .poll(async () => (await storedVersions(page, artifactId)).versions.map((v) => v.version))
    .toEqual([1, 2, 3])
})

test('variants are asked for from the material as a chat prompt with their levels, and show with the original', async ({
  page,
}, testInfo) => {
  const isPhone = testInfo.project.name === 'phone'
  const chat = await seedChat(page)
  const originalId = await seedMaterial(page, chat, { title: TITLE, body: V1 })
  const material = new MaterialPage(page)
  const chatPage = new ChatPage(page)
  await material.openBesideChat(chat.conversationId, originalId)

  await material.askForVariants.click()
  await expect(material.levelBox('Niveau A (grundlegend)')).toBeChecked()
  await material.levelBox('Niveau C (erweitert)').uncheck()
  await material.levelBox('Leichte Sprache').check()
  await material.requestVariants.click()
  const prompt = `Erstelle differenzierte Varianten von „${TITLE}“: Niveau A (grundlegend), Niveau B (mittel), Leichte Sprache.`
  // The request is a prompt in the material's chat (beside it on desktop, the chat itself on a phone).
  await expect(page).toHaveURL(
    isPhone ? `/c/${chat.conversationId}` : `/c/${chat.conversationId}/m/${originalId}`,
  )
  await expect(chatPage.messageWithText(prompt)).toBeVisible()
  await expect
    .poll(async () => {
      const res = await adminQuery<{
        messages: { text: string; status: string; intent?: unknown; parent?: { id: string }[] }[]
      }>(page.request, {
        messages: { $: { where: { 'conversation.id': chat.conversationId, role: 'user' } }, parent: {} },
      })
      return res.messages.filter((m) => m.intent)
    })
    .toEqual([
      expect.objectContaining({
        text: prompt,
        status: 'pending',
        intent: { type: 'variants', artifactId: originalId, levels: ['A', 'B', 'leichte-sprache'] },
        parent: [expect.objectContaining({ id: chat.replyId })],
      }),
    ])

  // The worker writes the variants, each its own artifact linked to the original.
  const variantA = await seedMaterial(page, chat, {
    title: `${TITLE} (Niveau A)`,
    body: V1,
    level: 'A',
    variantOf: originalId,
  })
  await seedMaterial(page, chat, {
    title: `${TITLE} (Leichte Sprache)`,
    body: V1,
    level: 'leichte-sprache',
    variantOf: originalId,
  })
  await material.openBesideChat(chat.conversationId, originalId)
  await expect(material.variants).toHaveText([
    `Niveau A (grundlegend)${TITLE} (Niveau A)`,
    `Leichte Sprache${TITLE} (Leichte Sprache)`,
  ])
  await material.variants.first().getByRole('link').click()
  await expect(page).toHaveURL(`/c/${chat.conversationId}/m/${variantA}`)
  await expect(material.view.getByTestId('material-level')).toHaveText('Niveau A (grundlegend)')
  await expect(material.original).toHaveText(TITLE)
  await expect(material.askForVariants).toHaveCount(0)
  await expectNoAxeViolations(page)
  await material.original.click()
  await expect(page).toHaveURL(`/c/${chat.conversationId}/m/${originalId}`)
  await expect(material.variants).toHaveCount(2)
})

test('another teacher sees none of it: no card, no material, no versions, no variants', async ({
  page,
  browser,
}) => {
  const chat = await seedChat(page)
  const artifactId = await seedMaterial(page, chat, { title: TITLE, body: V1 })
  await seedMaterial(page, chat, {
    title: `${TITLE} (Niveau A)`,
    body: V1,
    level: 'A',
    variantOf: artifactId,
  })
  const material = new MaterialPage(page)
  await new ChatPage(page).open(chat.conversationId)
  await expect(material.card(TITLE)).toBeVisible()

  const other = await browser.newContext({ serviceWorkers: 'block' })
  try {
    const otherPage = await other.newPage()
    await new AppPage(otherPage).open('/')
    expect(await signedInUserId(otherPage)).not.toBe(chat.ownerId)
    const otherMaterial = new MaterialPage(otherPage)
    await otherMaterial.openBesideChat(chat.conversationId, artifactId)
    await expect(otherMaterial.notFound).toBeVisible()
    await expect(otherPage.getByText('Rechne leichte Aufgaben')).toHaveCount(0)
    await expect(otherMaterial.cards).toHaveCount(0)
    await otherPage.goto(`/library/${artifactId}`)
    await expect(otherMaterial.notFound).toBeVisible()
    await expect(otherMaterial.variants).toHaveCount(0)
  } finally {
    await other.close()
  }
})

test('the material beside its chat, with the editor, the diff and the variant form open, has no WCAG 2.2 AA violations in dark mode', async ({
  page,
}) => {
  await useTheme(page, 'dark')
  const chat = await seedChat(page)
  const artifactId = await seedMaterial(page, chat, { title: TITLE, body: V1 })
  const material = new MaterialPage(page)
  await material.openBesideChat(chat.conversationId, artifactId)
  await material.edit.click()
  await material.editorText.fill(V2)
  await material.save.click()
  await expect(material.notice).toHaveText('Version 2 gespeichert')
  await material.compare.click()
  await expect(material.diff.locator('ins')).toHaveText('schwere')
  await material.askForVariants.click()
  await expect(material.requestVariants).toBeVisible()
  await expectNoAxeViolations(page)
  await material.edit.click()
  await expect(material.editorText).toBeVisible()
  await expectNoAxeViolations(page)
  await new ChatPage(page).open(chat.conversationId)
  await expect(material.card(TITLE)).toBeVisible()
  await expectNoAxeViolations(page)
})
