// Starts every first visit instantly as a guest, and again after sign-out. The stored user is read
// first, so reload and offline use never wait for the server. Renders children once a user exists.

import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react'
import { startAsGuest, useAuth } from '../../data/index.ts'
import { useT } from '../../i18n/index.ts'
import { CurrentUserContext } from './current-user.ts'
import { useGuestAdoption } from './use-guest-adoption.ts'

export function AuthGate({ children }: { children: ReactNode }) {
  const t = useT()
  const { isLoading, user } = useAuth()
  const [failed, setFailed] = useState(false)
  const mounted = useRef(true)
  const needsGuest = !isLoading && !user
  useGuestAdoption(user)

  const start = useCallback(() => {
    setFailed(false)
    startAsGuest().catch(() => mounted.current && setFailed(true))
  }, [])

  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])

  useEffect(() => {
    if (!needsGuest) return
    start()
    // A first visit while offline starts as soon as the network is back.
    window.addEventListener('online', start)
    return () => window.removeEventListener('online', start)
  }, [needsGuest, start])

  if (user) return <CurrentUserContext.Provider value={user}>{children}</CurrentUserContext.Provider>
  return (
    <main className="shell__main gate" id="main" tabIndex={-1}>
      {failed ? (
        <div role="alert" className="gate__message">
          <p>{t('auth.startFailed')}</p>
          <button type="button" className="button button--primary" onClick={start}>
            {t('auth.retry')}
          </button>
        </div>
      ) : (
        <p role="status" className="gate__message">
          {t('auth.starting')}
        </p>
      )}
    </main>
  )
}
