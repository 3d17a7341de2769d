// Whether and how eduhu.ki can be installed here: the browser's deferred `beforeinstallprompt`, the
// `appinstalled` event, standalone display, and iOS Safari (which has no prompt, only "add to home").

import { useSyncExternalStore } from 'react'

/** Chromium's install event (not in the DOM typings). */
export interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<unknown>
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>
}

export type InstallOption = 'prompt' | 'ios-help' | null

interface InstallSnapshot {
  deferred: BeforeInstallPromptEvent | null
  isInstalled: boolean
}

let snapshot: InstallSnapshot = { deferred: null, isInstalled: false }
const listeners = new Set<() => void>()

function publish(next: InstallSnapshot): void {
  snapshot = next
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** iPhone, iPod or iPad Safari (iPadOS reports a Mac with touch); other iOS browsers cannot add to home. */
export function isIosSafari(userAgent: string, maxTouchPoints: number): boolean {
  const isIos = /iPhone|iPad|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1)
  const isOtherBrowser = /CriOS|FxiOS|EdgiOS|OPiOS|GSA\//.test(userAgent)
  return isIos && /Safari\//.test(userAgent) && !isOtherBrowser
}

/** Launched as the installed app: standalone display, or iOS's home-screen flag. */
export function isStandalone(): boolean {
  const nav = navigator as Navigator & { standalone?: boolean }
  return window.matchMedia('(display-mode: standalone)').matches || nav.standalone === true
}

/** Which install help fits: the browser's own prompt, the iOS instructions, or none (installed). */
export function installOption(
  state: InstallSnapshot,
  env: { isStandalone: boolean; isIosSafari: boolean },
): InstallOption {
  if (state.isInstalled || env.isStandalone) return null
  if (state.deferred) return 'prompt'
  return env.isIosSafari ? 'ios-help' : null
}

/** Shows the browser's install dialog; the button goes whether the teacher accepts or not (one use). */
export async function promptInstall(): Promise<'accepted' | 'dismissed' | 'unavailable'> {
  const event = snapshot.deferred
  if (!event) return 'unavailable'
  publish({ ...snapshot, deferred: null })
  await event.prompt()
  const { outcome } = await event.userChoice
  if (outcome === 'accepted') publish({ ...snapshot, isInstalled: true })
  return outcome
}

export function useInstallOption(): InstallOption {
  const state = useSyncExternalStore(subscribe, () => snapshot)
  return installOption(state, {
    isStandalone: isStandalone(),
    isIosSafari: isIosSafari(navigator.userAgent, navigator.maxTouchPoints),
  })
}

// Listening from the first module load: the event can fire before React has mounted anything.
if (typeof window !== 'undefined') {
  window.addEventListener('beforeinstallprompt', (event) => {
    // Keeps Chromium's mini-infobar away; our header button offers the install instead.
    event.preventDefault()
    publish({ ...snapshot, deferred: event as BeforeInstallPromptEvent })
  })
  window.addEventListener('appinstalled', () => publish({ deferred: null, isInstalled: true }))
}
