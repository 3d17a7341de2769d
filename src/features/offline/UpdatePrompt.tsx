// Tells the teacher when a new version is ready and reloads only when they say so (a reload must
// never cut off a streaming reply or a half-written prompt). Also confirms offline readiness once.

import { useRegisterSW } from 'virtual:pwa-register/react'
import { useT } from '../../i18n/index.ts'

export function UpdatePrompt() {
  const t = useT()
  const {
    offlineReady: [offlineReady, setOfflineReady],
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW()

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
