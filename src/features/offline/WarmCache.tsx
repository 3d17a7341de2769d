// Keeps the recent chats, the chat list and the recent materials warm in Instant's local cache while
// online, so they read offline without having been opened. It subscribes with the very hooks the views
// use: Instant caches one result per query shape, and a look-alike query would warm nothing.

import { useEffect, useMemo } from 'react'
import {
  NO_LIBRARY_FILTER,
  useArtifact,
  useChatHead,
  useConversationSection,
  useLibrary,
  useMessagePages,
} from '../../data/index.ts'
import { OFFLINE_CHATS, OFFLINE_MATERIALS, useWarmCache } from '../../data/warm-cache.ts'
import { useCurrentUser } from '../auth/index.ts'

/** Mounted once for the signed-in teacher (guest or account). */
export function WarmCache() {
  const { id: ownerId } = useCurrentUser()
  // Stays mounted offline too: dropping the subscriptions when the socket closes makes the client
  // unload their cached results from memory while the views still need them.
  if (OFFLINE_CHATS === 0) return null
  return <WarmRecent ownerId={ownerId} />
}

function WarmRecent({ ownerId }: { ownerId: string }) {
  const pinned = useConversationSection(ownerId, 'pinned')
  const recent = useConversationSection(ownerId, 'recent')
  const library = useLibrary(ownerId, NO_LIBRARY_FILTER)
  const ids = useMemo(
    () =>
      [...pinned.conversations, ...recent.conversations]
        .sort((a, b) => new Date(b.updatedAt).getTime() - new Date(a.updatedAt).getTime())
        .slice(0, OFFLINE_CHATS)
        .map((c) => c.id),
    [pinned.conversations, recent.conversations],
  )
  const keepOnly = useWarmCache((s) => s.keepOnly)
  const isListLoaded = !pinned.isLoading && !recent.isLoading
  useEffect(() => {
    if (isListLoaded) keepOnly(ids)
  }, [isListLoaded, ids, keepOnly])
  const materialIds = library.artifacts.slice(0, OFFLINE_MATERIALS).map((a) => a.id)
  return (
    <>
      {ids.map((id) => (
        <WarmChat key={id} conversationId={id} />
      ))}
      {materialIds.map((id) => (
        <WarmMaterial key={id} artifactId={id} />
      ))}
    </>
  )
}

function WarmChat({ conversationId }: { conversationId: string }) {
  const head = useChatHead(conversationId)
  const pages = useMessagePages(conversationId)
  const setReady = useWarmCache((s) => s.setReady)
  const isReady = !head.isLoading && !pages.isLoading && !head.error && !pages.error
  const hasFailed = Boolean(head.error || pages.error)
  // Once warmed, a chat stays counted until it fails or leaves the recent ones (keepOnly): after an
  // offline reload its cached result takes a moment to load, and that is no reason to count it out.
  useEffect(() => {
    if (isReady || hasFailed) setReady(conversationId, isReady)
  }, [conversationId, isReady, hasFailed, setReady])
  return null
}

function WarmMaterial({ artifactId }: { artifactId: string }) {
  useArtifact(artifactId)
  return null
}
