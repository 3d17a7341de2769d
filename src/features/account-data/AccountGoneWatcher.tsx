// Mounted once for the signed-in teacher: when their own user row disappears (the account was deleted
// on another device), the server is asked to confirm and this device signs out to a fresh start.

import { useEffect } from 'react'
import { instantConfig, signOutIfAccountDeleted, useOwnUserRow } from '../../data/index.ts'
import { useCurrentUser } from '../auth/index.ts'

export function AccountGoneWatcher() {
  const { isGone } = useOwnUserRow(useCurrentUser().id)
  useEffect(() => {
    if (!isGone) return
    void signOutIfAccountDeleted(instantConfig.appId, instantConfig.apiURI).catch(() => false)
  }, [isGone])
  return null
}
