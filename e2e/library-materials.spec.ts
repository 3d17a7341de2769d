// The library's search, filters, favourites and order on the real stack: search finds words in a
// title or only in a body, kind / subject / grade narrow the list (paged and live), a star is
// stored on the server and filters, opening a material makes it "recently used", every row leads
// back to its chat, another teacher's materials never show, and axe is clean in light and dark.

import { expect, type Locator, type Page, test } from '@playwright/test'
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
import { LibraryPage } from './pages/library-page.ts'

test.use({ serviceWorkers: 'block' })

class Filters {
  readonly search: Locator
  readonly kind: Locator
  readonly subject: Locator
  readonly grade: Locator
  readonly sort: Locator
  readonly favoritesOnly: Locator
  readonly clear: Locator
  readonly noMatches: Locator

  constructor(page: Page) {
    const box = page.getByRole('search', { name: 'Suche und Filter' })
    this.search = box.getByLabel('Suchen in Titel und Inhalt')
    this.kind = box.getByLabel('Art')
    this.subject = box.getByLabel('Fach')
    this.grade = box.getByLabel('Klasse')
    this.sort = box.getByLabel('Sortieren nach')
    this.favoritesOnly = box.getByLabel('Nur Favoriten')
    this.clear = box.getByRole('button', { name: 'Filter zurücksetzen' })
    this.noMatches = page.getByRole('heading', { name: 'Keine Materialien passen zu deiner Suche' })
  }
}

const HOUR = 3_600_000

/** Three materials of different kinds, subjects and grades; only the worksheet's body says "Kehrwert". */
async function seedThree(page: Page) {
  const now = Date.now()
  const worksheet = await seedArtifact(page, {
    title: 'Arbeitsblatt Brüche',
    kind: 'worksheet',
    subject: 'Mathematik',
    grade: '6',
    updatedAt: now,
    versions: [{ body: '## Aufgabe 1\n\nDividiere durch einen Bruch: nimm den Kehrwert.' }],
  })
  const quiz = await seedArtifact(page, {
    title: 'Quiz Französische Revolution',
    kind: 'quiz',
    subject: 'Geschichte',
    grade: '9',
    updatedAt: now - HOUR,
  })
  const letter = await seedArtifact(page, {
    title: 'Elternbrief Wandertag',
    kind: 'parent-letter',
    grade: '4b',
    updatedAt: now - 2 * HOUR,
  })
  return { worksheet, quiz, letter }
}

test('search finds a material by its title or by words only in its body, live', async ({ page }) => {
  const library = new LibraryPage(page)
  const filters = new Filters(page)
  await new AppPage(page).open('/')
  await seedThree(page)
  await library.open()
  await expect(library.items).toHaveCount(3)

  await filters.search.fill('kehrwert')
  await expect.poll(() => library.titles()).toEqual(['Arbeitsblatt Brüche'])
  await filters.search.fill('REVOLUTION')
  await expect.poll(() => library.titles()).toEqual(['Quiz Französische Revolution'])

  // A new material that matches appears while the search is on; one that does not, does not.
  await seedArtifact(page, { title: 'Kurzquiz', versions: [{ body: 'Wann begann die Revolution?' }] })
  await seedArtifact(page, { title: 'Lesetext Ritter', versions: [{ body: 'Burgen im Mittelalter' }] })
  await expect.poll(() => library.titles()).toEqual(['Kurzquiz', 'Quiz Französische Revolution'])

  await filters.search.fill('Gibt es nirgends')
  await expect(filters.noMatches).toBeVisible()
  await filters.clear.click()
  await expect(filters.search).toHaveValue('')
  await expect(library.items).toHaveCount(5)
})

test('kind, subject and grade narrow the list, together and one by one', async ({ page }) => {
  const library = new LibraryPage(page)
  const filters = new Filters(page)
  await new AppPage(page).open('/')
  await seedThree(page)
  await library.open()
  await expect(library.items).toHaveCount(3)

  await filters.kind.selectOption({ label: 'Quiz' })
  await expect.poll(() => library.titles()).toEqual(['Quiz Französische Revolution'])
  await filters.kind.selectOption({ label: 'Alle Arten' })
  await filters.subject.fill('mathe')
  await expect.poll(() => library.titles()).toEqual(['Arbeitsblatt Brüche'])
  await filters.subject.fill('')
  await filters.grade.fill('4B')
  await expect.poll(() => library.titles()).toEqual(['Elternbrief Wandertag'])
  // Both must hold: a parent letter in grade 4b is no quiz.
  await filters.kind.selectOption({ label: 'Quiz' })
  await expect(filters.noMatches).toBeVisible()
  await filters.clear.click()
  await expect(library.items).toHaveCount(3)
})

test('a filtered list still loads page by page', async ({ page }) => {
  const library = new LibraryPage(page)
  const filters = new Filters(page)
  await new AppPage(page).open('/')
  const owner = await signedInUserId(page)
  const start = Date.now() - 200 * 60_000
  const steps = Array.from({ length: 45 }, (_, i) =>
    artifactSteps(owner, {
      title: `${i % 4 === 0 ? 'Arbeitsblatt' : 'Quiz'} ${String(i + 1).padStart(2, '0')}`,
      kind: i % 4 === 0 ? 'worksheet' : 'quiz',
      updatedAt: start + i * 60_000,
    }),
  ).flatMap((a) => a.steps)
  await adminTransact(page.request, steps)
  await library.open()
  await filters.kind.selectOption({ label: 'Quiz' })
  // 33 quizzes among 45 materials: the first page holds 30 of them.
  await expect(library.item('Quiz 44')).toBeVisible()
  await expect(library.items).toHaveCount(30)
  await expect(library.item('Quiz 02')).toHaveCount(0)
  await library.loadMore.scrollIntoViewIfNeeded()
  await expect(library.items).toHaveCount(33)
  await expect(library.loadMore).toHaveCount(0)
  await expect(library.item('Quiz 02')).toBeVisible()
  const titles = await library.titles()
  expect(titles.every((t) => t.startsWith('Quiz'))).toBe(true)
})

test('a star marks a favourite on the server, and "only favourites" lists just those', async ({ page }) => {
  const library = new LibraryPage(page)
  const filters = new Filters(page)
  await new AppPage(page).open('/')
  const { quiz } = await seedThree(page)
  await library.open()
  const star = library.item('Quiz Französische Revolution').getByRole('button', {
    name: 'Favorit: Quiz Französische Revolution',
  })
  await expect(star).toHaveAttribute('aria-pressed', 'false')
  await star.click()
  await expect(star).toHaveAttribute('aria-pressed', 'true')
  await expect
    .poll(async () => {
      const res = await adminQuery<{ artifacts: { favorite?: boolean }[] }>(page.request, {
        artifacts: { $: { where: { id: quiz.artifactId } } },
      })
      return res.artifacts[0]?.favorite
    })
    .toBe(true)

  await filters.favoritesOnly.check()
  await expect.poll(() => library.titles()).toEqual(['Quiz Französische Revolution'])
  await page.reload()
  await expect(
    library.item('Quiz Französische Revolution').getByRole('button', { pressed: true }),
  ).toBeVisible()
  // The filter is UI state and starts empty after a reload; the star is data and stays.
  await expect(library.items).toHaveCount(3)
  await filters.favoritesOnly.check()
  await library
    .item('Quiz Französische Revolution')
    .getByRole('button', { name: /^Favorit/ })
    .click()
  await expect(filters.noMatches).toBeVisible()
})

test('opening a material makes it the most recently used one', async ({ page }) => {
  const library = new LibraryPage(page)
  const filters = new Filters(page)
  await new AppPage(page).open('/')
  const { letter } = await seedThree(page)
  await library.open()
  await library.item('Elternbrief Wandertag').getByRole('link', { name: 'Elternbrief Wandertag' }).click()
  await expect(library.view).toBeVisible()
  await expect
    .poll(async () => {
      const res = await adminQuery<{ artifacts: { usedAt?: number | string }[] }>(page.request, {
        artifacts: { $: { where: { id: letter.artifactId } } },
      })
      return res.artifacts[0]?.usedAt !== undefined
    })
    .toBe(true)
  await library.open()
  // Last change still orders the list by default; the letter is the oldest change.
  await expect
    .poll(() => library.titles())
    .toEqual(['Arbeitsblatt Brüche', 'Quiz Französische Revolution', 'Elternbrief Wandertag'])
  await filters.sort.selectOption({ label: 'Zuletzt verwendet' })
  await expect.poll(async () => (await library.titles())[0]).toBe('Elternbrief Wandertag')
})

test('every material links back to the chat it came from', async ({ page }) => {
  const library = new LibraryPage(page)
  await new AppPage(page).open('/')
  const { conversationId, messageIds } = await seedConversation(page, 'Bruchrechnung', [
    { role: 'user', text: 'Ein Arbeitsblatt bitte' },
    { role: 'assistant', text: 'Hier ist es.' },
  ])
  await seedArtifact(page, { title: 'Aus dem Chat', messageId: messageIds[1]! })
  await seedArtifact(page, { title: 'Ohne Chat' })
  await library.open()
  await expect(library.item('Ohne Chat').getByRole('link', { name: /Zum Chat/ })).toHaveCount(0)
  await library.item('Aus dem Chat').getByRole('link', { name: 'Zum Chat: Aus dem Chat' }).click()
  await expect(page).toHaveURL(new RegExp(`/c/${conversationId}$`))
})

test('another teacher’s materials never appear, whatever the search', async ({ page, browser }) => {
  const library = new LibraryPage(page)
  const filters = new Filters(page)
  await new AppPage(page).open('/')
  await seedThree(page)
  const other = await browser.newContext()
  try {
    const stranger = await other.newPage()
    await new AppPage(stranger).open('/')
    await seedArtifact(stranger, {
      title: 'Fremdes Arbeitsblatt Kehrwert',
      subject: 'Mathematik',
      grade: '6',
      versions: [{ body: 'Kehrwert' }],
    })
    await library.open()
    await filters.search.fill('Kehrwert')
    await expect.poll(() => library.titles()).toEqual(['Arbeitsblatt Brüche'])
    await filters.search.fill('')
    await filters.subject.fill('Mathematik')
    await expect.poll(() => library.titles()).toEqual(['Arbeitsblatt Brüche'])
  } finally {
    await other.close()
  }
})

for (const theme of ['light', 'dark'] as const) {
  test(`search and filters have no WCAG 2.2 AA violations in ${theme} mode and fit the width`, async ({
    page,
  }) => {
    await useTheme(page, theme)
    const library = new LibraryPage(page)
    const filters = new Filters(page)
    await new AppPage(page).open('/')
    await seedThree(page)
    await library.open()
    await library
      .item('Arbeitsblatt Brüche')
      .getByRole('button', { name: /^Favorit/ })
      .click()
    await filters.search.fill('Brüche')
    await expect.poll(() => library.titles()).toEqual(['Arbeitsblatt Brüche'])
    await expectNoAxeViolations(page)
    expect(await library.sidewaysOverflow()).toBe(0)
    await filters.search.fill('nichts dergleichen')
    await expect(filters.noMatches).toBeVisible()
    await expectNoAxeViolations(page)
  })
}
