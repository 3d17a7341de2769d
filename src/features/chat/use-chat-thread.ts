// One conversation as the chat view needs it: title, the current path through the message tree,
// whether a reply is awaited, and a gated loader for older pages.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useChatHead, useMessagePages } from '../../data/messages.ts'
import { currentPath } from '../../lib/message-tree.ts'
import { createOlderPageGate } from './older-pages.ts'

export function useChatThread(conversationId: string) {
  const head = useChatHead(conversationId)
  const pages = useMessagePages(conversationId)
  const { tree, hasOlder, loadOlder } = pages
  const isLoading = head.isLoading || pages.isLoading
  // An active message that is neither loaded nor on an older page (deleted) falls back to the newest.
  const activeId = head.activeMessageId
  const leafId = activeId && (tree.byId.has(activeId) || hasOlder) ? activeId : null
  // Before the head has loaded, "no active message" would wrongly pick the newest branch.
  const path = useMemo(
    () => (head.isLoading ? { messages: [], isTruncated: false } : currentPath(tree, leafId)),
    [tree, head.isLoading, leafId],
  )
  const leaf = path.messages[path.messages.length - 1]
  const isBusy = leaf?.status === 'pending' || leaf?.status === 'streaming'

  const gate = useRef({ conversationId, allow: createOlderPageGate() })
  if (gate.current.conversationId !== conversationId) {
    gate.current = { conversationId, allow: createOlderPageGate() }
  }
  const oldestId = tree.oldest?.id
  const [requestedFor, setRequestedFor] = useState<string | undefined>(undefined)
  /** Asks for the next older page if `wantsOlder`; safe to call on every scroll. */
  const requestOlder = useCallback(
    (wantsOlder: boolean) => {
      if (!gate.current.allow({ hasOlder, wantsOlder, oldestId })) return
      setRequestedFor(oldestId)
      loadOlder()
    },
    [hasOlder, oldestId, loadOlder],
  )
  // The active message is older than every loaded page: keep loading until the path appears.
  const isCutOff = !isLoading && path.isTruncated && path.messages.length === 0
  useEffect(() => requestOlder(isCutOff), [isCutOff, requestOlder])

  return {
    title: head.title,
    exists: head.exists,
    error: head.error ?? pages.error,
    isLoading,
    tree,
    path: path.messages,
    isComplete: !path.isTruncated,
    hasOlder,
    isLoadingOlder: hasOlder && requestedFor !== undefined && requestedFor === oldestId,
    leaf,
    isBusy,
    isEmpty: !isLoading && tree.byId.size === 0 && !hasOlder,
    requestOlder,
  }
}
