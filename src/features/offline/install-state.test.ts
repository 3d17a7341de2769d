// Which install help the header offers: iOS Safari told apart from other iOS browsers and from desktop
// Safari, and nothing once the app runs installed.

import { describe, expect, it } from 'vitest'
import { type BeforeInstallPromptEvent, installOption, isIosSafari } from './install-state.ts'

const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'
const IPHONE_CHROME =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1'
const MAC_SAFARI =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15'
const ANDROID_CHROME =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36'

describe('isIosSafari', () => {
  it('knows iPhone Safari and iPadOS Safari (a Mac with touch)', () => {
    expect(isIosSafari(IPHONE_SAFARI, 5)).toBe(true)
    expect(isIosSafari(MAC_SAFARI, 5)).toBe(true)
  })

  it('leaves out other iOS browsers, desktop Safari and Android', () => {
    expect(isIosSafari(IPHONE_CHROME, 5)).toBe(false)
    expect(isIosSafari(MAC_SAFARI, 0)).toBe(false)
    expect(isIosSafari(ANDROID_CHROME, 5)).toBe(false)
  })
})

describe('installOption', () => {
  const deferred = new Event('beforeinstallprompt') as BeforeInstallPromptEvent
  const browser = { isStandalone: false, isIosSafari: false }

  it("offers the browser's prompt when it was given one", () => {
    expect(installOption({ deferred, isInstalled: false }, browser)).toBe('prompt')
    expect(installOption({ deferred: null, isInstalled: false }, browser)).toBeNull()
  })

  it('offers the home-screen help on iOS Safari', () => {
    expect(installOption({ deferred: null, isInstalled: false }, { ...browser, isIosSafari: true })).toBe(
      'ios-help',
    )
  })

  it('offers nothing once installed or running standalone', () => {
    expect(installOption({ deferred, isInstalled: true }, browser)).toBeNull()
    expect(
      installOption({ deferred, isInstalled: false }, { isStandalone: true, isIosSafari: true }),
    ).toBeNull()
  })
})
