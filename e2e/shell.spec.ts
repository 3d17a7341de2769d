// The built app loads in Chromium on the real stack and shows the eduhu.ki shell in German.

import { expect, test } from '@playwright/test'
import { ShellPage } from './pages/shell-page.ts'

test('shows the German shell and connects to the local Instant server', async ({ page }) => {
  const errors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  page.on('pageerror', (e) => errors.push(e.message))
  const shell = new ShellPage(page)
  await shell.open()
  await expect(page).toHaveTitle('eduhu.ki')
  await expect(page.locator('html')).toHaveAttribute('lang', 'de')
  await expect(shell.heading).toHaveText('Willkommen bei eduhu.ki')
  for (const label of ['Chats', 'Bibliothek', 'Profil', 'Einstellungen']) {
    await expect(shell.nav.getByRole('link', { name: label })).toBeVisible()
  }
  await expect(shell.connection).toHaveText('Verbunden')
  expect(errors).toEqual([])
})

test('switches to English and back', async ({ page }) => {
  const shell = new ShellPage(page)
  await shell.open()
  await shell.language.selectOption('en')
  await expect(shell.heading).toHaveText('Welcome to eduhu.ki')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await page.reload()
  await expect(shell.heading).toHaveText('Welcome to eduhu.ki')
  await shell.language.selectOption('de')
  await expect(page.locator('html')).toHaveAttribute('lang', 'de')
})

test.describe('English start', () => {
  // The held request must reach the page's route, not be answered by the service worker's cache.
  test.use({ serviceWorkers: 'block' })

  test('a start in English shows no German first: the English catalogue loads before the first render', async ({
    page,
  }) => {
    const shell = new ShellPage(page)
    await shell.open()
    await shell.language.selectOption('en')
    await expect(shell.heading).toHaveText('Welcome to eduhu.ki')
    // The catalogue's request is held on the next load: until it is let through, nothing may render.
    let held: (route: import('@playwright/test').Route) => void = () => {}
    const requested = new Promise<import('@playwright/test').Route>((resolve) => {
      held = resolve
    })
    await page.route(/\/assets\/en-[\w-]+\.js$/, (route) => held(route))
    await page.reload({ waitUntil: 'commit' })
    const route = await requested
    // The render would have been scheduled before the catalogue was even asked for (main.tsx).
    // Still index.html's static placeholder header only: React replaces it with its first render.
    expect(
      await page.evaluate(() =>
        [...(document.getElementById('root')?.children ?? [])].map((el) => el.className),
      ),
    ).toEqual(['shell__header'])
    await route.continue()
    await expect(shell.heading).toHaveText('Welcome to eduhu.ki')
  })
})

test('is an installable PWA: manifest, icons and a service worker', async ({ page, request }) => {
  const shell = new ShellPage(page)
  await shell.open()
  const href = await page.locator('link[rel="manifest"]').getAttribute('href')
  expect(href).toBeTruthy()
  const manifest = await (await request.get(href!)).json()
  expect(manifest).toMatchObject({
    short_name: 'eduhu.ki',
    lang: 'de',
    display: 'standalone',
    start_url: '/',
  })
  const purposes = (manifest.icons as { purpose?: string }[]).map((i) => i.purpose)
  expect(purposes).toEqual(expect.arrayContaining(['any', 'maskable']))
  for (const icon of manifest.icons as { src: string }[]) {
    const res = await request.get(`/${icon.src}`)
    expect(res.status(), icon.src).toBe(200)
    expect(res.headers()['content-type']).toBe('image/png')
  }
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)
  expect(scope).toMatch(/\/$/)
})

test('keeps the API out of the app shell fallback', async ({ request }) => {
  const health = await request.get('/health')
  expect(await health.json()).toMatchObject({ ok: true })
  const deepLink = await request.get('/some/deep/link')
  expect(deepLink.status()).toBe(200)
  expect(await deepLink.text()).toContain('<div id="root">')
})

test('fits the viewport without sideways scrolling (360 px phone up to desktop)', async ({ page }) => {
  const shell = new ShellPage(page)
  await shell.open()
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow).toBe(0)
})
