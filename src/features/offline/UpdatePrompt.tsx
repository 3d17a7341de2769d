// Tells the teacher when a new version is ready and reloads only when they say so. The offer waits
// while a reply streams or a draft is unsent (update-hold.ts); new versions are looked for hourly and
// whenever the app comes back into view. Also confirms offline readiness once, briefly.

import { useRegisterSW } from 'virtual:pwa-register/react'
import { useEffect, useState } from 'react'
import { useT } from '../../i18n/index.ts'
import { useUpdateHold } from './update-hold.ts'

const OFFLINE_NOTE_MS = 8_000
/** A teacher may keep the app open for days; an hour keeps them close to the current version. */
const UPDATE_CHECK_MS = 60 * 60_000

/** Asks the server for a newer sw.js now and whenever the app regains focus, and hourly. */
function watchForUpdates(registration: ServiceWorkerRegistration): void {
  const check = () => {
    if (!navigator.onLine || registration.installing) return
    registration.update().catch(() => {
      // Offline or the server is restarting: the next check tries again.
    })
  }
  setInterval(check, UPDATE_CHECK_MS)
  window.addEventListener('focus', check)
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check()
  })
}

/**
 * Lets the waiting version take over and reloads into it. A page opened before any version was
 * installed has no controller, so the plugin's reload-on-takeover never fires: reload on activation.
 */
async function applyUpdate(updateServiceWorker: (reload?: boolean) => Promise<void>): Promise<void> {
  const waiting = (await navigator.serviceWorker.getRegistration())?.waiting
  if (waiting && !navigator.serviceWorker.controller) {
    waiting.addEventListener('statechange', () => {
      if (waiting.state === 'activated') window.location.reload()
    })
  }
  await updateServiceWorker(true)
}

export function UpdatePrompt() {
  const t = useT()
  const hold = useUpdateHold()
  const [isDismissed, setDismissed] = useState(false)
  const {
    offlineReady: [offlineReady, setOfflineReady],
    needRefresh: [needRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      if (registration) watchForUpdates(registration)
    },
  })

  useEffect(() => {
    if (!offlineReady) return
    const timer = setTimeout(() => setOfflineReady(false), OFFLINE_NOTE_MS)
    return () => clearTimeout(timer)
  }, [offlineReady, setOfflineReady])

  // "Later" lasts until the teacher comes back to the app: then the waiting version is offered again.
  useEffect(() => {
    if (!isDismissed) return
    const reoffer = () => setDismissed(false)
    window.addEventListener('focus', reoffer)
    return () => window.removeEventListener('focus', reoffer)
  }, [isDismissed])

  if (needRefresh && !hold && !isDismissed) {
    return (
      <div className="toast" role="status" data-testid="update-prompt">
        <span>{t('update.available')}</span>
        <button
          type="button"
          className="button button--primary"
          onClick={() => void applyUpdate(updateServiceWorker)}
        >
          {t('update.reload')}
        </button>
        <button type="button" className="button" onClick={() => setDismissed(true)}>
          {t('update.later')}
        </button>
      </div>
    )
  }
  if (needRefresh && hold) {
    // Said, not shown: a note over the page would sit on the composer the teacher is busy with.
    return (
      <p className="visually-hidden" role="status" data-testid="update-held" data-reason={hold}>
        {t(hold === 'streaming' ? 'update.heldForReply' : 'update.heldForDraft')}
      </p>
    )
  }
  if (offlineReady) {
    return (
      <div className="toast" role="status">
        <span>{t('offline.ready')}</span>
        <button type="button" className="button" onClick={() => setOfflineReady(false)}>
          {t('offline.dismiss')}
        </button>
      </div>
    )
  }
  return null
}
