// "Neuer Chat": creates an empty conversation for the current user and opens it at /c/:id.

import { useLocation } from 'wouter'
import { createConversation } from '../../data/index.ts'
import { useT } from '../../i18n/index.ts'
import { paths } from '../../lib/routes.ts'
import { useCurrentUser } from '../auth/index.ts'
import { reportFailure } from './action-error.ts'

/** Returns a function that starts a chat and resolves to its id (already navigated to). */
export function useStartNewChat(): () => string {
  const t = useT()
  const user = useCurrentUser()
  const [, navigate] = useLocation()
  return () => {
    const { id, saved } = createConversation(user.id, t('conversations.newTitle'))
    reportFailure(saved)
    navigate(paths.chat(id))
    return id
  }
}
