// Brings the chats and materials of a guest identity into the account it was merged into (see
// src/data/guest-adoption.ts): after a sign-in, at every start of a signed-in app, and again when a
// lost connection comes back, until one run has finished.

import { useEffect } from 'react'
import { adoptGuestData, type User } from '../../data/index.ts'

const done = new Set<string>()

export function useGuestAdoption(user: User | null | undefined): void {
  const userId = user && !user.isGuest ? user.id : null
  useEffect(() => {
    if (!userId || done.has(userId)) return
    let running = false
    const run = () => {
      if (running || done.has(userId)) return
      running = true
      adoptGuestData(userId)
        .then(() => done.add(userId))
        // Offline or interrupted: the next 'online' event (or the next start) tries again.
        .catch(() => {})
        .finally(() => {
          running = false
        })
    }
    run()
    window.addEventListener('online', run)
    return () => window.removeEventListener('online', run)
  }, [userId])
}
