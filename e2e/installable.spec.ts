// Chromium's own installability check on the production build: the check Lighthouse's (≤ 11)
// "installable-manifest" audit reported, asked over the DevTools protocol (Page.getInstallabilityErrors)
// as that audit did, and that audit itself (Lighthouse 11.7.1, the last with it; 12 removed the PWA
// category). A control with the icons taken out of the manifest shows the check can fail.

import { type CDPSession, chromium, expect, type Page, test } from '@playwright/test'
import { launch } from 'chrome-launcher'
import lighthouse from 'lighthouse-11'
import { CHROMIUM_ARGS, findChromium } from '../scripts/browser.mjs'
import { ShellPage } from './pages/shell-page.ts'

interface InstallabilityError {
  errorId: string
  errorArguments: { name: string; value: string }[]
}

/**
 * What the audit counted: it dropped 'in-incognito' (Playwright's contexts, like Lighthouse's, are
 * off-the-record profiles, a property of the test browser, not of the app) and 'pipeline-restarted'
 * (only after an uninstall).
 */
const NOT_ABOUT_THE_APP = new Set(['in-incognito', 'pipeline-restarted'])

async function installabilityErrors(cdp: CDPSession): Promise<string[]> {
  const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
    installabilityErrors: InstallabilityError[]
  }
  return installabilityErrors
    .filter((e) => !NOT_ABOUT_THE_APP.has(e.errorId))
    .map((e) => `${e.errorId}${e.errorArguments.map((a) => ` ${a.name}=${a.value}`).join('')}`)
}

/** The page with its manifest fetched and parsed by Chromium (the check reads what Chromium parsed). */
async function openWithManifest(page: Page): Promise<CDPSession> {
  await new ShellPage(page).open()
  const cdp = await page.context().newCDPSession(page)
  await expect
    .poll(async () => ((await cdp.send('Page.getAppManifest')) as { url: string }).url)
    .toMatch(/\/manifest\.webmanifest$/)
  return cdp
}

test('Chromium finds the app installable: manifest parses cleanly, no installability errors', async ({
  page,
}) => {
  const cdp = await openWithManifest(page)
  const { errors } = (await cdp.send('Page.getAppManifest')) as { errors: { message: string }[] }
  expect(errors.map((e) => e.message)).toEqual([])
  expect(await installabilityErrors(cdp)).toEqual([])
})

test('the check fails when the manifest has no usable icon (control)', async ({ page }) => {
  await page.route('**/manifest.webmanifest', async (route) => {
    const manifest = await (await route.fetch()).json()
    await route.fulfill({
      contentType: 'application/manifest+json',
      body: JSON.stringify({ ...manifest, icons: [] }),
    })
  })
  const cdp = await openWithManifest(page)
  // The check runs on the parsed manifest; wait for its answer rather than assume when it is ready.
  await expect.poll(() => installabilityErrors(cdp)).toContainEqual(expect.stringMatching(/icon/))
})

test("Lighthouse's installable-manifest audit passes headless on the production build", async ({
  baseURL,
}, testInfo) => {
  test.setTimeout(180_000)
  const { executablePath } = await findChromium({ install: false })
  const chrome = await launch({
    chromePath: executablePath ?? chromium.executablePath(),
    chromeFlags: [...CHROMIUM_ARGS, '--headless=new'],
  })
  try {
    const formFactor = testInfo.project.name === 'phone' ? 'mobile' : 'desktop'
    const result = await lighthouse(
      `${baseURL}/`,
      { port: chrome.port, output: 'json', logLevel: 'error', onlyAudits: ['installable-manifest'] },
      {
        extends: 'lighthouse:default',
        settings: {
          formFactor,
          screenEmulation: formFactor === 'mobile' ? undefined : { disabled: true },
        },
      },
    )
    const audit = result?.lhr.audits['installable-manifest']
    expect(audit, 'the audit ran').toBeDefined()
    expect(audit?.score, JSON.stringify(audit?.details ?? audit?.errorMessage)).toBe(1)
  } finally {
    await chrome.kill()
  }
})
