// The teacher profile on the real stack: save, reload, the exact values on the server (one profile
// linked to its owner, also after editing), validation that keeps the input, another guest's empty
// form, saving offline, axe in light and dark, and no sideways scrolling at 360 px.

import { type APIRequestContext, expect, test } from '@playwright/test'
import { adminQuery } from './fixtures/admin-query.ts'
import { expectNoAxeViolations } from './fixtures/axe.ts'
import { signedInUserId } from './fixtures/seed.ts'
import { useTheme } from './fixtures/theme.ts'
import { AppPage } from './pages/app-page.ts'
import { ProfilePage } from './pages/profile-page.ts'

// The PWA's "offline ready" toast is not under test here (the shell and auth specs cover the service
// worker); without it nothing covers the Save button mid-test. Saving offline needs no service worker:
// the page is already loaded and Instant queues the write.
test.use({ serviceWorkers: 'block' })

interface StoredProfile {
  id: string
  displayName?: string | null
  bundesland?: string | null
  schoolType?: string | null
  subjects?: unknown
  grades?: unknown
  createdAt: number | string
  updatedAt: number | string
  owner: { id: string }[]
}

/** Every profile linked to the user, as the server stores it (no permission rules in between). */
async function storedProfiles(request: APIRequestContext, userId: string): Promise<StoredProfile[]> {
  const res = await adminQuery<{ profiles: StoredProfile[] }>(request, {
    profiles: { $: { where: { 'owner.id': userId } }, owner: {} },
  })
  return res.profiles
}

const FILLED = {
  displayName: 'Frau Berger',
  bundesland: 'Nordrhein-Westfalen',
  schoolType: 'Oberschule/Sekundarschule',
  subjects: ['Mathematik', 'Darstellendes Spiel'],
  grades: ['10', '5', '7'],
}

test('saves the profile, keeps it across a reload and stores the canonical values once', async ({ page }) => {
  const profile = new ProfilePage(page)
  await profile.open()
  const userId = await signedInUserId(page)
  await profile.fill({ ...FILLED, displayName: '  Frau Berger ' })
  // Enter adds a subject; one typed but not added is saved along.
  await profile.subjectInput.fill(' Physik ')
  await profile.subjectInput.press('Enter')
  await expect(profile.subjectInput).toHaveValue('')
  await profile.subjectInput.fill('Informatik')
  await profile.saveAndConfirm()

  const expected = {
    displayName: 'Frau Berger',
    bundesland: 'Nordrhein-Westfalen',
    schoolType: 'Oberschule/Sekundarschule',
    subjects: ['Mathematik', 'Darstellendes Spiel', 'Physik', 'Informatik'],
    grades: ['5', '7', '10'],
  }
  expect(await profile.values()).toEqual(expected)
  await page.reload()
  await expect(profile.save).toBeVisible()
  await expect.poll(() => profile.values()).toEqual(expected)

  const stored = await storedProfiles(page.request, userId)
  expect(stored).toHaveLength(1)
  expect(stored[0]).toMatchObject(expected)
  expect(stored[0]!.owner.map((o) => o.id)).toEqual([userId])
})

test('editing again updates the same profile', async ({ page }) => {
  const profile = new ProfilePage(page)
  await profile.open()
  const userId = await signedInUserId(page)
  await profile.fill({ ...FILLED, subjects: ['Mathematik', 'Physik', 'Chemie'] })
  await profile.saveAndConfirm()
  const [first] = await storedProfiles(page.request, userId)
  expect(first).toBeDefined()

  await page.reload()
  await expect(profile.displayName).toHaveValue('Frau Berger')
  await profile.displayName.fill('Jonas')
  await profile.bundesland.selectOption({ label: 'Keine Angabe' })
  await profile.schoolType.selectOption('Gymnasium')
  await profile.removeButton('Mathematik').click()
  // Focus moves on to the next chip, so the keyboard never falls back to the top of the page.
  await expect(profile.removeButton('Physik')).toBeFocused()
  await profile.grade('5').uncheck()
  await profile.grade('13').check()
  await profile.saveAndConfirm()

  await expect
    .poll(async () => {
      const stored = await storedProfiles(page.request, userId)
      return stored.map((p) => ({ id: p.id, displayName: p.displayName, grades: p.grades }))
    })
    .toEqual([{ id: first!.id, displayName: 'Jonas', grades: ['7', '10', '13'] }])
  const [second] = await storedProfiles(page.request, userId)
  expect(second!.bundesland ?? null).toBeNull()
  expect(second).toMatchObject({ schoolType: 'Gymnasium', subjects: ['Physik', 'Chemie'] })
  expect(new Date(second!.createdAt).getTime()).toBe(new Date(first!.createdAt).getTime())
  expect(new Date(second!.updatedAt).getTime()).toBeGreaterThan(new Date(first!.updatedAt).getTime())
})

test('an over-long name or a duplicate subject is explained and nothing typed is lost', async ({ page }) => {
  const profile = new ProfilePage(page)
  await profile.open()
  const userId = await signedInUserId(page)
  const longName = `Frau ${'B'.repeat(80)}`
  await profile.fill({ displayName: longName, subjects: ['Musik'], grades: ['3'] })
  await profile.save.click()
  await expect(profile.errors).toHaveText(
    'Dein Name ist 85 Zeichen lang. Kürze ihn auf höchstens 80 Zeichen.',
  )
  await expect(profile.displayName).toBeFocused()
  await expect(profile.displayName).toHaveValue(longName)
  await expect(profile.displayName).toHaveAttribute('aria-invalid', 'true')
  await expect(profile.status).toHaveText('')
  expect(await profile.subjects()).toEqual(['Musik'])
  expect(await profile.checkedGrades()).toEqual(['3'])
  expect(await storedProfiles(page.request, userId)).toEqual([])

  await profile.addSubject('musik')
  await expect(profile.form.getByText('„Musik“ steht schon in deiner Liste.')).toBeVisible()
  await expect(profile.subjectInput).toHaveValue('musik')

  await profile.subjectInput.fill('')
  await profile.displayName.fill('Frau Berger')
  await expect(profile.errors).toHaveCount(0)
  await profile.saveAndConfirm()
  await expect
    .poll(async () => (await storedProfiles(page.request, userId)).map((p) => p.displayName))
    .toEqual(['Frau Berger'])
})

test('another guest sees an empty form', async ({ page, browser }) => {
  const profile = new ProfilePage(page)
  await profile.open()
  await profile.fill(FILLED)
  await profile.saveAndConfirm()

  const other = await browser.newContext()
  try {
    const second = await other.newPage()
    const otherProfile = new ProfilePage(second)
    await otherProfile.open()
    expect(await signedInUserId(second)).not.toBe(await signedInUserId(page))
    expect(await otherProfile.values()).toEqual({
      displayName: '',
      bundesland: '',
      schoolType: '',
      subjects: [],
      grades: [],
    })
    await expect(otherProfile.form).toContainText('Noch keine Fächer eingetragen.')
  } finally {
    await other.close()
  }
})

test('saves offline and sends the profile once the connection is back', async ({
  page,
  context,
  request,
}) => {
  const profile = new ProfilePage(page)
  await profile.open()
  const userId = await signedInUserId(page)
  await context.setOffline(true)
  await expect(new AppPage(page).connection).toHaveText('Keine Verbindung zum Server')
  await profile.fill({ displayName: 'Offline-Lehrkraft', subjects: ['Sachunterricht'], grades: ['3'] })
  await profile.save.click()
  await expect(profile.status).toHaveText(
    'Gespeichert. eduhu.ki überträgt dein Profil, sobald du wieder online bist.',
  )
  expect(await storedProfiles(request, userId)).toEqual([])

  await context.setOffline(false)
  await expect
    .poll(async () => (await storedProfiles(request, userId)).map((p) => [p.displayName, p.subjects]), {
      timeout: 15_000,
    })
    .toEqual([['Offline-Lehrkraft', ['Sachunterricht']]])
})

for (const theme of ['light', 'dark'] as const) {
  test(`the filled form has no WCAG 2.2 AA violations in ${theme} mode`, async ({ page }) => {
    await useTheme(page, theme)
    const profile = new ProfilePage(page)
    await profile.open()
    if (theme === 'dark') await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
    await profile.fill(FILLED)
    await profile.saveAndConfirm()
    await expectNoAxeViolations(page)
    // The problem messages and marked fields must meet contrast too.
    await profile.displayName.fill('x'.repeat(81))
    await profile.save.click()
    await expect(profile.errors).toBeVisible()
    await expectNoAxeViolations(page)
  })
}

test('never scrolls sideways, even with a long subject', async ({ page }) => {
  const profile = new ProfilePage(page)
  await profile.open()
  // 60 characters without a space, the longest subject the form takes.
  const longSubject = 'Naturwissenschaftlich-technisches-Arbeiten-und-Experimentier'
  expect(longSubject).toHaveLength(60)
  await profile.fill({ ...FILLED, subjects: ['Mathematik', longSubject] })
  await profile.saveAndConfirm()
  await expect(profile.removeButton(longSubject)).toBeVisible()
  expect(await profile.sidewaysOverflow()).toBe(0)
  const viewport = page.viewportSize()!.width
  for (const box of [await profile.subjectList.boundingBox(), await profile.grades.boundingBox()])
    expect(box!.x + box!.width).toBeLessThanOrEqual(viewport)
})
