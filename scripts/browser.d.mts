// Types of scripts/browser.mjs for the TypeScript runners that import it.

export declare const CHROMIUM_ARGS: string[]

export interface FoundChromium {
  /** Undefined when Playwright's own Chromium is installed (it needs no path). */
  executablePath: string | undefined
  source: string
}

export declare function findChromium(options?: {
  install?: boolean
  log?: (message: string) => void
}): Promise<FoundChromium>
