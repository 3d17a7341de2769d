// Finds a Chromium for Playwright: Playwright's own if installed, else CHROMIUM_PATH, else
// /usr/bin/chromium, else (root on Debian) installs Debian's chromium, else says what to install.

import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

/** Flags for a headless Chromium on a closed network (no background calls home, no sandbox as root). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

async function playwrightOwnChromium() {
  try {
    const { chromium } = await import('playwright')
    const path = chromium.executablePath()
    return path && existsSync(path) ? path : undefined
  } catch {
    return undefined
  }
}

/**
 * Resolves to `{ executablePath }` — undefined when Playwright's own browser is installed (it then
 * needs no path), otherwise the system Chromium to launch. Throws with install instructions.
 */
export async function findChromium({ install = true, log = (m) => process.stderr.write(`${m}\n`) } = {}) {
  if (await playwrightOwnChromium()) return { executablePath: undefined, source: 'playwright' }
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    Boolean,
  )
  for (const path of candidates) if (existsSync(path)) return { executablePath: path, source: path }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (install && isRoot && existsSync('/etc/debian_version')) {
    log(
      "No Chromium found: installing Debian's chromium package (apt-get update && apt-get install -y chromium)…",
    )
    const update = spawnSync('apt-get', ['update'], { stdio: 'inherit' })
    const add =
      update.status === 0 ? spawnSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit' }) : update
    if (add.status === 0 && existsSync('/usr/bin/chromium'))
      return { executablePath: '/usr/bin/chromium', source: 'apt' }
  }
  throw new Error(
    "No Chromium for the browser tests. Install one of: `npx playwright install chromium` (Playwright's own), " +
      "your distribution's chromium package (Debian: `apt-get install chromium`), or set CHROMIUM_PATH.",
  )
}
