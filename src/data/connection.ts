// The live connection state of the Instant client; only 'authenticated' means data is flowing.
// useIsOffline turns the flickering socket states into one honest answer for "not available offline".

import { useEffect, useState } from 'react'
import { db } from './db.ts'

export function useConnectionStatus() {
  return db.useConnectionStatus()
}

function browserOffline() {
  return typeof navigator !== 'undefined' && navigator.onLine === false
}

/**
 * True once the server has proved unreachable (socket closed or errored, or the browser is offline)
 * and until the client is authenticated again. While the client retries, the socket passes through
 * 'connecting' again; that must not turn "not available offline" back into "loading".
 */
export function useIsOffline() {
  const status = db.useConnectionStatus()
  const [offline, setOffline] = useState(browserOffline)
  useEffect(() => {
    if (status === 'authenticated') setOffline(false)
    else if (status === 'closed' || status === 'errored' || browserOffline()) setOffline(true)
  }, [status])
  useEffect(() => {
    const down = () => setOffline(true)
    window.addEventListener('offline', down)
    return () => window.removeEventListener('offline', down)
  }, [])
  return offline
}
