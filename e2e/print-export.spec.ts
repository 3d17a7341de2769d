// Print and export on the real stack: a worksheet printed on A4 (print media, PDF saved in the
// run's artifacts) with the name / class / date line, answer lines, and the answer key on its own
// page or left out; the DOCX download parsed back (title, tasks, answer key); the Markdown download;
// a whole chat as Markdown and DOCX; another teacher gets none of it; axe on the print dialog.

import { readFile } from 'node:fs/promises'
import { type Download, expect, type Page, test } from '@playwright/test'
import JSZip from 'jszip'
import { expectNoAxeViolations } from './fixtures/axe.ts'
import { seedArtifact, seedConversation } from './fixtures/seed.ts'
import { useTheme } from './fixtures/theme.ts'
import { AppPage } from './pages/app-page.ts'
import { LibraryPage } from './pages/library-page.ts'

test.use({ serviceWorkers: 'block' })

const WORKSHEET = `Lies die Regeln zum Kürzen.

## Aufgabe 1: Kürze

Kürze 4/8 so weit wie möglich.

{{lines:3}}

## Aufgabe 2: Erkläre

Warum ist 2/4 gleich 1/2?

{{lines:2}}

## Lösungen

1. 1/2
2. Zähler und Nenner wurden durch 2 geteilt.`

async function openWorksheet(page: Page) {
  await new AppPage(page).open('/')
  const { artifactId } = await seedArtifact(page, {
    title: 'Brüche kürzen',
    kind: 'worksheet',
    subject: 'Mathematik',
    grade: '6',
    versions: [{ body: WORKSHEET }],
  })
  const library = new LibraryPage(page)
  await library.openArtifact(artifactId)
  await expect(library.heading).toHaveText('Brüche kürzen')
  return { artifactId, library }
}

/** The pages of a PDF written by Chromium (each page object has `/Type /Page`). */
function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0
}

async function downloaded(download: Download, path: string): Promise<Buffer> {
  await download.saveAs(path)
  return readFile(path)
}

/** The text runs of a DOCX's main document, joined. */
async function docxText(file: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(file)
  const xml = await zip.file('word/document.xml')!.async('string')
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
}

test('prints a worksheet on A4 with the header line, answer lines and the answer key on its own page or left out', async ({
  page,
}, testInfo) => {
  await openWorksheet(page)
  await page.getByRole('button', { name: 'Drucken / PDF' }).click()
  const dialog = page.getByRole('dialog', { name: 'Drucken oder als PDF speichern' })
  await expect(dialog).toBeVisible()
  const preview = dialog.getByRole('region', { name: 'Vorschau' })
  await expect(preview.getByTestId('print-header')).toContainText('Name:')
  await expect(preview.getByTestId('answer-line')).toHaveCount(5)
  await expect(dialog.getByRole('button', { name: 'Drucken / als PDF speichern' })).toBeEnabled()

  await page.emulateMedia({ media: 'print' })
  const sheet = page.locator('.print-root [data-testid="print-sheet"]')
  await expect(sheet).toBeVisible()
  await expect(page.locator('#root')).toBeHidden()
  await expect(sheet.getByTestId('print-header')).toHaveText(/Name:.*Klasse:.*Datum:/)
  await expect(sheet.getByTestId('answer-line')).toHaveCount(5)
  await expect(sheet.getByRole('heading', { name: 'Aufgabe 1: Kürze' })).toBeVisible()
  const key = sheet.getByTestId('print-answer-key')
  await expect(key).toContainText('Zähler und Nenner')
  expect(await key.evaluate((el) => getComputedStyle(el).breakBefore)).toBe('page')
  expect(
    await sheet
      .locator('.print-sheet__task')
      .first()
      .evaluate((el) => getComputedStyle(el).breakInside),
  ).toBe('avoid')
  await page.screenshot({ path: testInfo.outputPath('worksheet-print.png'), fullPage: true })
  const withKey = await page.pdf({ format: 'A4', path: testInfo.outputPath('worksheet-with-key.pdf') })
  expect(pdfPageCount(withKey)).toBe(2)

  await page.emulateMedia({ media: 'screen' })
  await dialog.getByRole('radio', { name: 'weglassen' }).check()
  await page.emulateMedia({ media: 'print' })
  await expect(sheet.getByTestId('print-answer-key')).toHaveCount(0)
  await expect(sheet.getByTestId('answer-line')).toHaveCount(5)
  const withoutKey = await page.pdf({ format: 'A4', path: testInfo.outputPath('worksheet-without-key.pdf') })
  expect(pdfPageCount(withoutKey)).toBe(1)
})

test('the DOCX download has the title, header line, tasks and the answer key', async ({ page }, testInfo) => {
  await openWorksheet(page)
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Word (DOCX)' }).click(),
  ])
  expect(download.suggestedFilename()).toBe('Brüche-kürzen.docx')
  const text = await docxText(await downloaded(download, testInfo.outputPath('worksheet.docx')))
  expect(text).toContain('Brüche kürzen')
  expect(text).toContain('Name: ')
  expect(text).toContain('Aufgabe 1: Kürze')
  expect(text).toContain('Aufgabe 2: Erkläre')
  expect(text).toContain('Lösungen')
  expect(text).toContain('Zähler und Nenner wurden durch 2 geteilt.')

  // From the print dialog, "leave out" leaves the answer key out of the DOCX too.
  await page.getByRole('button', { name: 'Drucken / PDF' }).click()
  const dialog = page.getByRole('dialog', { name: 'Drucken oder als PDF speichern' })
  await dialog.getByRole('radio', { name: 'weglassen' }).check()
  const [second] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Word (DOCX)' }).click(),
  ])
  const without = await docxText(await downloaded(second, testInfo.outputPath('worksheet-no-key.docx')))
  expect(without).toContain('Aufgabe 2: Erkläre')
  expect(without).not.toContain('Lösungen')
})

test('the Markdown download has the body', async ({ page }, testInfo) => {
  await openWorksheet(page)
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Markdown' }).click(),
  ])
  expect(download.suggestedFilename()).toBe('Brüche-kürzen.md')
  const text = (await downloaded(download, testInfo.outputPath('worksheet.md'))).toString('utf8')
  expect(text).toContain('## Aufgabe 1: Kürze\n\nKürze 4/8 so weit wie möglich.')
  expect(text).toContain('## Lösungen\n\n1. 1/2')
  // Answer-line markers become a rule other Markdown tools can show.
  expect(text).not.toContain('{{lines')
  expect(text).toContain('\\_\\_\\_')
})

test('a whole chat downloads as Markdown and as DOCX', async ({ page }, testInfo) => {
  await new AppPage(page).open('/')
  const { conversationId } = await seedConversation(page, 'Bruchrechnung Klasse 6', [
    { role: 'user', text: 'Erkläre das Kürzen von Brüchen.' },
    { role: 'assistant', text: 'Beim **Kürzen** teilst du Zähler und Nenner durch dieselbe Zahl.' },
  ])
  await page.goto(`/c/${conversationId}`)
  await page.getByRole('button', { name: 'Chat exportieren' }).click()
  const dialog = page.getByRole('dialog', { name: 'Chat exportieren' })
  const [md] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Als Markdown' }).click(),
  ])
  expect(md.suggestedFilename()).toBe('Bruchrechnung-Klasse-6.md')
  const text = (await downloaded(md, testInfo.outputPath('chat.md'))).toString('utf8')
  expect(text).toMatch(/^# Bruchrechnung Klasse 6\n\n## Du · /)
  expect(text).toContain('Erkläre das Kürzen von Brüchen.')
  expect(text).toContain('## eduhu.ki · ')
  expect(text).toContain('Beim **Kürzen** teilst du')
  await expect(dialog).toBeHidden()

  await page.getByRole('button', { name: 'Chat exportieren' }).click()
  const [docx] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Als Word (DOCX)' }).click(),
  ])
  const docText = await docxText(await downloaded(docx, testInfo.outputPath('chat.docx')))
  expect(docText).toContain('Bruchrechnung Klasse 6')
  expect(docText).toContain('Erkläre das Kürzen von Brüchen.')
  expect(docText).toContain('Kürzen teilst du Zähler und Nenner')
})

test('another teacher can neither open, print nor export the material', async ({ page, browser }) => {
  const { artifactId } = await openWorksheet(page)
  const other = await browser.newContext()
  try {
    const stranger = await other.newPage()
    await new AppPage(stranger).open('/')
    const theirs = new LibraryPage(stranger)
    await theirs.openArtifact(artifactId)
    await expect(theirs.notFound).toBeVisible()
    await expect(stranger.getByRole('button', { name: 'Drucken / PDF' })).toHaveCount(0)
    await expect(stranger.getByRole('button', { name: 'Word (DOCX)' })).toHaveCount(0)
    await expect(stranger.getByText('Kürze 4/8')).toHaveCount(0)
  } finally {
    await other.close()
  }
})

for (const theme of ['light', 'dark'] as const) {
  test(`the export actions and the print dialog have no WCAG 2.2 AA violations in ${theme} mode`, async ({
    page,
  }) => {
    await useTheme(page, theme)
    const { library } = await openWorksheet(page)
    await expectNoAxeViolations(page)
    expect(await library.sidewaysOverflow()).toBe(0)
    await page.getByRole('button', { name: 'Drucken / PDF' }).click()
    await expect(page.getByRole('dialog', { name: 'Drucken oder als PDF speichern' })).toBeVisible()
    await expectNoAxeViolations(page)
  })
}
