// The list when not searching: pinned first, then recent activity, then (on request) the archive.
// Each group pages on its own with cursors; all of them stay live.

import { useCallback, useEffect, useState } from 'react'
import { useChatHead, useConversationSection, useIsOffline, useWaitingMoves } from '../../data/index.ts'
import { useT } from '../../i18n/index.ts'
import { toUserMessage } from '../../i18n/to-user-message.ts'
import { useCurrentUser } from '../auth/index.ts'
import { ConversationGroup } from './ConversationGroup.tsx'
import type { ConversationItemData } from './ConversationItem.tsx'
import { withMoved } from './moved-offline.ts'

export function ConversationSections({ showArchived }: { showArchived: boolean }) {
  const t = useT()
  const { id: ownerId } = useCurrentUser()
  const pinned = useConversationSection(ownerId, 'pinned')
  const recent = useConversationSection(ownerId, 'recent')
  const moved = useMovedRows()
  const error = pinned.error ?? recent.error
  const isEmpty = pinned.conversations.length === 0 && recent.conversations.length === 0
  const isLoading = pinned.isLoading || recent.isLoading
  // Offline, a section never loaded is unknown, not empty.
  const isUnavailable = useIsOffline() && isLoading

  return (
    <>
      {error && (
        <p className="form-error" role="alert">
          {t(toUserMessage(error))}
        </p>
      )}
      {isUnavailable && isEmpty ? (
        <p className="muted" role="status" data-testid="conversations-unavailable">
          {t('conversations.unavailableOffline')}
        </p>
      ) : isLoading && isEmpty ? (
        <p className="muted" role="status">
          {t('conversations.loading')}
        </p>
      ) : (
        isEmpty && !error && <p className="muted">{t('conversations.empty')}</p>
      )}
      {moved.watchers}
      <ConversationGroup
        id="pinned"
        heading={t('conversations.pinned')}
        {...pinned}
        conversations={withMoved('pinned', pinned.conversations, moved.rows)}
      />
      <ConversationGroup
        id="recent"
        heading={t('conversations.recent')}
        {...recent}
        conversations={withMoved('recent', recent.conversations, moved.rows)}
      />
      {showArchived && <ArchivedGroup />}
    </>
  )
}

function ArchivedGroup() {
  const t = useT()
  const archived = useConversationSection(useCurrentUser().id, 'archived')
  if (!archived.isLoading && archived.conversations.length === 0) {
    return <p className="muted">{t('conversations.archiveEmpty')}</p>
  }
  return <ConversationGroup id="archived" heading={t('conversations.archived')} {...archived} />
}

/**
 * Rows of chats pinned, unpinned or archived by writes still waiting for a connection, read from the
 * warm cache's head query of each (see moved-offline.ts for why the sections alone lose them).
 */
function useMovedRows() {
  const ids = useWaitingMoves()
  const [found, setFound] = useState<Record<string, ConversationItemData>>({})
  const report = useCallback((row: ConversationItemData) => setFound((f) => ({ ...f, [row.id]: row })), [])
  const rows = ids.flatMap((id) => (found[id] ? [found[id]] : []))
  const watchers = ids.map((id) => <MovedRow key={id} conversationId={id} onRow={report} />)
  return { rows, watchers }
}

function MovedRow({
  conversationId,
  onRow,
}: {
  conversationId: string
  onRow: (row: ConversationItemData) => void
}) {
  const { conversation } = useChatHead(conversationId)
  const { title, updatedAt, pinned, archived } = conversation ?? {}
  useEffect(() => {
    if (title === undefined || updatedAt === undefined) return
    onRow({ id: conversationId, title, updatedAt, pinned: Boolean(pinned), archived: Boolean(archived) })
  }, [conversationId, title, updatedAt, pinned, archived, onRow])
  return null
}
