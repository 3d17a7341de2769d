// The reading level where the teacher decides, on the real stack: seeded as the worker stores it
// (readingLevel on each version, readingGrade/levelFit on the artifact, through the admin API), it
// shows on the material ("Lesestufe ≈ Klasse 6 — passt zu Klasse 6") with its plain explanation on
// tap, on each variant, and in the library row and filter; axe clean, also on the 360 px phone.

import { randomUUID } from 'node:crypto'
import { expect, type Page, test } from '@playwright/test'
import { expectNoAxeViolations } from './fixtures/axe.ts'
import { adminTransact, type Step, signedInUserId } from './fixtures/seed.ts'

test.use({ serviceWorkers: 'block' })

interface Seeded {
  title: string
  grade?: string
  level?: string
  variantOf?: string
  /** The measured grade and how it fits, as the worker stores them. */
  measured: number
  fit?: 'fits' | 'too-hard' | 'too-easy'
}

function materialSteps(ownerId: string, m: Seeded): { id: string; steps: Step[] } {
  const id = randomUUID()
  const versionId = randomUUID()
  const now = Date.now()
  const fields: Record<string, unknown> = {
    kind: 'worksheet',
    title: m.title,
    language: 'de',
    latestVersion: 1,
    readingGrade: m.measured,
    createdAt: now,
    updatedAt: now,
  }
  if (m.grade) fields.grade = m.grade
  if (m.level) fields.level = m.level
  if (m.fit) fields.levelFit = m.fit
  const readingLevel = {
    v: 4,
    language: 'de',
    formula: 'wstf',
    grade: m.measured,
    wstf: 5.4,
    lix: 41.3,
    fleschAmstad: 63.5,
    words: 120,
    sentences: 10,
    wordsPerSentence: 12,
    longWordPercent: 30,
    syllablesPerWord: 1.8,
    countedText: 'tasks+passages',
  }
  return {
    id,
    steps: [
      ['update', 'artifacts', id, fields],
      [
        'link',
        'artifacts',
        id,
        m.variantOf ? { owner: ownerId, variantOf: m.variantOf } : { owner: ownerId },
      ],
      [
        'update',
        'artifactVersions',
        versionId,
        { version: 1, format: 'markdown', body: `## Aufgabe 1\n\n${m.title}`, readingLevel, createdAt: now },
      ],
      ['link', 'artifactVersions', versionId, { artifact: id }],
    ],
  }
}

/** An original for class 6 that fits, its variants A (too hard for 5) and C (fits 7), and a too-hard one for class 5. */
async function seed(page: Page) {
  const owner = await signedInUserId(page)
  const original = materialSteps(owner, { title: 'Brüche erklären', grade: '6', measured: 6.4, fit: 'fits' })
  const variantA = materialSteps(owner, {
    title: 'Brüche erklären (A)',
    grade: '6',
    level: 'A',
    variantOf: original.id,
    measured: 7.8,
    fit: 'too-hard',
  })
  const variantC = materialSteps(owner, {
    title: 'Brüche erklären (C)',
    grade: '6',
    level: 'C',
    variantOf: original.id,
    measured: 7.2,
    fit: 'fits',
  })
  const hard = materialSteps(owner, { title: 'Vulkane', grade: '5', measured: 8.6, fit: 'too-hard' })
  await adminTransact(page.request, [...original.steps, ...variantA.steps, ...variantC.steps, ...hard.steps])
  return { original: original.id }
}

test('the level shows on the material with its explanation, and on each variant', async ({ page }) => {
  const { original } = await seed(page)
  await page.goto(`/library/${original}`)

  const level = page.getByTestId('material-reading-level')
  await expect(level).toContainText('Lesestufe ≈ Klasse 6 — passt zu Klasse 6')
  const explanation = level.getByText(/Gezählt wird mit den Größen der Wiener Sachtextformel/)
  await expect(explanation).toBeHidden()
  await level.getByText('Lesestufe ≈ Klasse 6').click()
  await expect(explanation).toBeVisible()
  await expect(level.getByText(/ein Hinweis, kein Urteil/)).toBeVisible()
  // The published formulas' own values, as stored with the version.
  await expect(level.getByText(/^Werte der Formeln/)).toHaveText(
    'Werte der Formeln für diesen Text: Wiener Sachtextformel 5,4 · LIX 41,3 · Flesch-Lesbarkeit (Amstad) 63,5.',
  )
  await expect(level.getByText(/^Werte der Formeln/)).toBeVisible()

  const variants = page.getByTestId('material-variant')
  await expect(variants).toHaveCount(2)
  await expect(variants.filter({ hasText: 'Niveau A' }).getByTestId('variant-reading-level')).toContainText(
    'Lesestufe ≈ Klasse 8 — zu schwer',
  )
  await expect(variants.filter({ hasText: 'Niveau C' }).getByTestId('variant-reading-level')).toContainText(
    'Lesestufe ≈ Klasse 7 — passt',
  )
  await expectNoAxeViolations(page)

  // A variant's own view aims at its original's class moved by its level: A for class 6 → class 5.
  await variants.filter({ hasText: 'Niveau A' }).getByRole('link').click()
  await expect(page.getByTestId('material-reading-level')).toContainText(
    'Lesestufe ≈ Klasse 8 — zu schwer für Klasse 5',
  )
})

test('the library shows each material’s level and filters by how it fits', async ({ page }) => {
  await seed(page)
  await page.goto('/library')
  const rows = page.getByTestId('artifact-item')
  await expect(rows).toHaveCount(4)
  await expect(rows.filter({ hasText: 'Vulkane' }).getByTestId('artifact-reading-level')).toContainText(
    'Lesestufe ≈ Klasse 9 — zu schwer',
  )

  const filter = page.getByRole('search', { name: 'Suche und Filter' }).getByLabel('Lesestufe')
  await filter.selectOption({ label: 'Zu schwer' })
  await expect(rows).toHaveCount(2)
  await expect(rows.filter({ hasText: 'Vulkane' })).toHaveCount(1)
  await expect(rows.filter({ hasText: 'Brüche erklären (A)' })).toHaveCount(1)

  await filter.selectOption({ label: 'Passt zur Klasse' })
  await expect(rows).toHaveCount(2)
  await expect(rows.filter({ hasText: 'Brüche erklären (C)' })).toHaveCount(1)
  await expect(rows.getByRole('link', { name: 'Brüche erklären', exact: true })).toHaveCount(1)

  // The explanation opens from a row too, without opening the material.
  const rowLevel = rows.first().getByTestId('artifact-reading-level')
  await rowLevel.getByText(/Lesestufe ≈/).click()
  await expect(rowLevel.getByText(/Wiener Sachtextformel/)).toBeVisible()
  await expect(page).toHaveURL(/\/library$/)
  await expectNoAxeViolations(page)
})
