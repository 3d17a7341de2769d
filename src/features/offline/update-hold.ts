// What an app update must wait for: a reply being written (in any chat) or an unsent draft in the
// chat on screen. Reloading then would cut the teacher off mid-reply or mid-sentence.

import { useLocation } from 'wouter'
import { useIsAnyReplyStreaming } from '../../data/index.ts'
import { parseRoute } from '../../lib/routes.ts'
import { useDraftStore } from '../chat/draft-store.ts'

export type UpdateHold = 'streaming' | 'draft' | null

export function updateHold(state: { isStreaming: boolean; hasDraft: boolean }): UpdateHold {
  if (state.isStreaming) return 'streaming'
  return state.hasDraft ? 'draft' : null
}

export function useUpdateHold(): UpdateHold {
  const [location] = useLocation()
  const route = parseRoute(location)
  const conversationId = route.name === 'chat' ? route.conversationId : null
  const hasDraft = useDraftStore((s) =>
    conversationId ? (s.drafts[conversationId]?.text.trim() ?? '') !== '' : false,
  )
  return updateHold({ isStreaming: useIsAnyReplyStreaming(), hasDraft })
}
