// Tells the teacher when a new version is ready and reloads only when they say so (a reload must
// never cut off a streaming reply or a half-written prompt). Also confirms offline readiness once,
// briefly: that note needs no answer and must not sit over the page's own buttons.

import { useRegisterSW } from 'virtual:pwa-register/react'
import { useEffect } from 'react'
import { useT } from '../../i18n/index.ts'

const OFFLINE_NOTE_MS = 8_000

export function UpdatePrompt() {
  const t = useT()
  const {
    offlineReady: [offlineReady, setOfflineReady],
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW()

  useEffect(() => {
    if (!offlineReady) return
    const timer = setTimeout(() => setOfflineReady(false), OFFLINE_NOTE_MS)
    return () => clearTimeout(timer)
  }, [offlineReady, setOfflineReady])

  if (needRefresh) {
    return (
      <div className="toast" role="status">
        <span>{t('update.available')}</span>
        <button
          type="button"
          className="button button--primary"
          onClick={() => void updateServiceWorker(true)}
        >
          {t('update.reload')}
        </button>
        <button type="button" className="button" onClick={() => setNeedRefresh(false)}>
          {t('update.later')}
        </button>
      </div>
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
