// The library on the real stack: the teacher's seeded materials newest first (and live), paging,
// one material's versions, Markdown body, copy, the way back to its chat, delete with confirmation
// (also on the server), another teacher's material hidden, and axe in light and dark at every width.

import { expect, type Page, test } from '@playwright/test'
import { adminQuery } from './fixtures/admin-query.ts'
import { expectNoAxeViolations } from './fixtures/axe.ts'
import {
  adminTransact,
  artifactSteps,
  seedArtifact,
  seedConversation,
  signedInUserId,
} from './fixtures/seed.ts'
import { useTheme } from './fixtures/theme.ts'
import { AppPage } from './pages/app-page.ts'
import { ChatPage } from './pages/chat-page.ts'
import { LibraryPage } from './pages/library-page.ts'

// The PWA's "offline ready" toast is not under test here; without it nothing covers the page.
test.use({ serviceWorkers: 'block' })

const V1 = 'Erster Entwurf: drei Aufgaben zur Bruchrechnung.'
const V2 = '## Arbeitsblatt Brüche\n\n| Aufgabe | Punkte |\n|---|---|\n| 1/2 + 1/4 | 2 |\n| 3/4 − 1/8 | 3 |'

/** A chat with a reply, and an artifact with two versions that came from that reply. */
async function seedWorksheet(page: Page) {
  const { conversationId, messageIds } = await seedConversation(page, 'Bruchrechnung Klasse 6', [
    { role: 'user', text: 'Erstelle ein Arbeitsblatt zur Bruchrechnung' },
    { role: 'assistant', text: 'Hier ist dein Arbeitsblatt.' },
  ])
  const artifact = await seedArtifact(page, {
    title: 'Arbeitsblatt Brüche',
    subject: 'Mathematik',
    grade: '6',
    versions: [{ body: V1 }, { body: V2 }],
    messageId: messageIds[1]!,
  })
  return { conversationId, ...artifact }
}

test('lists the teacher’s materials newest first and shows new ones live', async ({ page }) => {
  const library = new LibraryPage(page)
  await new AppPage(page).open('/')
  await library.open()
  await expect(library.emptyState).toBeVisible()

  const now = Date.now()
  await seedArtifact(page, {
    title: 'Quiz Revolution',
    kind: 'quiz',
    subject: 'Geschichte',
    updatedAt: now - 3_600_000,
  })
  await seedArtifact(page, {
    title: 'Elternbrief Wandertag',
    kind: 'parent-letter',
    grade: '4b',
    updatedAt: now,
  })
  await seedArtifact(page, { title: 'Mindmap Optik', kind: 'mindmap', updatedAt: now - 7_200_000 })
  await expect
    .poll(() => library.titles())
    .toEqual(['Elternbrief Wandertag', 'Quiz Revolution', 'Mindmap Optik'])
  await expect(library.emptyState).toHaveCount(0)
  await expect(library.kind('Quiz Revolution')).toHaveText('Quiz')
  await expect(library.item('Quiz Revolution')).toContainText('Geschichte')
  await expect(library.kind('Elternbrief Wandertag')).toHaveText('Elternbrief')
  await expect(library.item('Elternbrief Wandertag')).toContainText('Klasse 4b')
  await expect(library.item('Elternbrief Wandertag')).toContainText('Zuletzt geändert')
  // A kind the app does not know is shown as stored.
  await expect(library.kind('Mindmap Optik')).toHaveText('mindmap')

  await page.reload()
  await expect
    .poll(() => library.titles())
    .toEqual(['Elternbrief Wandertag', 'Quiz Revolution', 'Mindmap Optik'])
})

test('loads the list page by page, never all materials at once', async ({ page }) => {
  const library = new LibraryPage(page)
  await new AppPage(page).open('/')
  const owner = await signedInUserId(page)
  const start = Date.now() - 100 * 60_000
  const steps = Array.from({ length: 35 }, (_, i) =>
    artifactSteps(owner, {
      title: `Material ${String(i + 1).padStart(2, '0')}`,
      updatedAt: start + i * 60_000,
    }),
  ).flatMap((a) => a.steps)
  await adminTransact(page.request, steps)
  await library.open()
  await expect(library.item('Material 35')).toBeVisible()
  await expect(library.items).toHaveCount(30)
  await expect(library.item('Material 05')).toHaveCount(0)
  // The next page loads by itself when the "load more" button scrolls into view.
  await library.loadMore.scrollIntoViewIfNeeded()
  await expect(library.items).toHaveCount(35)
  await expect(library.loadMore).toHaveCount(0)
  await expect(library.item('Material 01')).toBeVisible()
})

test('opens a material on its latest version, renders its Markdown and switches versions', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const library = new LibraryPage(page)
  await new AppPage(page).open('/')
  const { artifactId } = await seedWorksheet(page)
  await library.open()
  await library
    .item('Arbeitsblatt Brüche')
    .getByRole('link', { name: 'Arbeitsblatt Brüche', exact: true })
    .click()
  await expect(page).toHaveURL(new RegExp(`/library/${artifactId}$`))
  await expect(library.heading).toHaveText('Arbeitsblatt Brüche')
  await expect(new AppPage(page).navLink('Bibliothek')).toHaveAttribute('aria-current', 'page')
  await expect(library.view).toContainText('Mathematik')
  await expect(library.view).toContainText('Klassenstufe')

  await expect.poll(() => library.selectedVersion()).toBe('Version 2 von 2')
  const table = library.body.getByRole('table')
  await expect(table).toBeVisible()
  await expect(table.getByRole('cell', { name: '3/4 − 1/8' })).toBeVisible()
  await expect(library.body.getByRole('heading', { name: 'Arbeitsblatt Brüche' })).toBeVisible()

  await library.copy.click()
  await expect(library.view.getByText('Kopiert', { exact: true })).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(V2)

  await library.versionPicker.selectOption({ label: 'Version 1 von 2' })
  await expect(library.body).toHaveText(V1)
  await expect(library.body.getByRole('table')).toHaveCount(0)
  await library.copy.click()
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(V1)

  // A deep link (and a reload) opens the same material on its latest version again.
  await page.reload()
  await expect.poll(() => library.selectedVersion()).toBe('Version 2 von 2')
  await expect(library.body.getByRole('table')).toBeVisible()
})

test('shows a plain-text version as written and states a single version', async ({ page }) => {
  const library = new LibraryPage(page)
  await new AppPage(page).open('/')
  const body = '# keine Überschrift\n<b>kein Fettdruck</b>'
  const { artifactId } = await seedArtifact(page, { title: 'Notiz', versions: [{ body, format: 'text' }] })
  await library.openArtifact(artifactId)
  await expect(library.view.getByText('Version 1 von 1')).toBeVisible()
  await expect(library.versionPicker).toHaveCount(0)
  await expect(library.body.locator('pre')).toHaveText(body)
  await expect(library.body.locator('h1, b')).toHaveCount(0)
  // Without a source message there is no way to a chat.
  await expect(library.toChat).toHaveCount(0)
})

test('"Zum Chat" leads to the chat the material came from', async ({ page }) => {
  const library = new LibraryPage(page)
  const chat = new ChatPage(page)
  await new AppPage(page).open('/')
  const { artifactId, conversationId } = await seedWorksheet(page)
  await library.openArtifact(artifactId)
  await library.toChat.click()
  await expect(page).toHaveURL(new RegExp(`/c/${conversationId}$`))
  await expect(chat.title).toHaveText('Bruchrechnung Klasse 6')
  await expect(chat.messageWithText('Hier ist dein Arbeitsblatt.')).toBeVisible()
  await page.goBack()
  await expect(library.heading).toHaveText('Arbeitsblatt Brüche')
})

test('deletes only after confirmation, and the server deletes the versions too', async ({ page }) => {
  const library = new LibraryPage(page)
  await new AppPage(page).open('/')
  const { artifactId, versionIds } = await seedWorksheet(page)
  await seedArtifact(page, { title: 'Bleibt da', updatedAt: Date.now() - 60_000 })
  await library.openArtifact(artifactId)

  await library.delete.click()
  await expect(library.deleteDialog).toContainText('„Arbeitsblatt Brüche“ und alle Versionen davon')
  await expect(library.deleteDialog.getByRole('button', { name: 'Abbrechen' })).toBeFocused()
  await library.deleteDialog.press('Escape')
  await expect(library.deleteDialog).toBeHidden()
  await expect(library.delete).toBeFocused()
  await expect(library.heading).toHaveText('Arbeitsblatt Brüche')

  await library.delete.click()
  await library.deleteDialog.getByRole('button', { name: 'Endgültig löschen' }).click()
  await expect(page).toHaveURL(/\/library$/)
  await expect(library.item('Bleibt da')).toBeVisible()
  await expect(library.item('Arbeitsblatt Brüche')).toHaveCount(0)
  const stored = () =>
    adminQuery<{ artifacts: unknown[]; artifactVersions: unknown[] }>(page.request, {
      artifacts: { $: { where: { id: artifactId } } },
      artifactVersions: { $: { where: { id: { $in: versionIds } } } },
    })
  await expect.poll(async () => (await stored()).artifacts.length).toBe(0)
  expect((await stored()).artifactVersions).toEqual([])

  await page.reload()
  await expect(library.item('Bleibt da')).toBeVisible()
  await expect(library.item('Arbeitsblatt Brüche')).toHaveCount(0)
  await library.openArtifact(artifactId)
  await expect(library.notFound).toContainText('Material nicht gefunden')
})

test('another teacher’s material is not listed and its address shows "not found"', async ({
  page,
  browser,
}) => {
  const library = new LibraryPage(page)
  await new AppPage(page).open('/')
  await seedArtifact(page, { title: 'Meins' })
  const other = await browser.newContext()
  try {
    const stranger = await other.newPage()
    await new AppPage(stranger).open('/')
    const theirs = await seedArtifact(stranger, { title: 'Fremdes Material' })
    await library.open()
    await expect(library.item('Meins')).toBeVisible()
    await expect.poll(() => library.titles()).toEqual(['Meins'])
    await library.openArtifact(theirs.artifactId)
    await expect(library.notFound).toBeVisible()
    await expect(library.heading).toHaveText('Material nicht gefunden')
    await expect(page.getByText('Fremdes Material')).toHaveCount(0)
    await library.notFound.getByRole('link', { name: 'Zur Bibliothek' }).click()
    await expect(library.item('Meins')).toBeVisible()
  } finally {
    await other.close()
  }
})

for (const theme of ['light', 'dark'] as const) {
  test(`the list and a material have no WCAG 2.2 AA violations in ${theme} mode and fit the width`, async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await useTheme(page, theme)
    const library = new LibraryPage(page)
    await new AppPage(page).open('/')
    const { artifactId } = await seedWorksheet(page)
    await seedArtifact(page, {
      title: 'Ein sehr langer Titel für einen Unterrichtsentwurf zur Fotosynthese mit Gruppenarbeitsphasen',
      kind: 'lesson-plan',
      subject: 'Biologie',
      grade: '8',
      updatedAt: Date.now() - 86_400_000,
    })

    await library.open()
    await expect(library.items).toHaveCount(2)
    await expectNoAxeViolations(page)
    expect(await library.sidewaysOverflow()).toBe(0)

    await library.openArtifact(artifactId)
    await expect(library.body.getByRole('table')).toBeVisible()
    // The copy confirmation is checked too.
    await library.copy.click()
    await expect(library.view.getByText('Kopiert', { exact: true })).toBeVisible()
    await expectNoAxeViolations(page)
    expect(await library.sidewaysOverflow()).toBe(0)

    await library.delete.click()
    await expect(library.deleteDialog).toBeVisible()
    await expectNoAxeViolations(page)
  })
}
