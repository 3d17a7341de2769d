// The list when not searching: pinned first, then recent activity, then (on request) the archive.
// Each group pages on its own with cursors; all of them stay live.

import { useConversationSection, useIsOffline } from '../../data/index.ts'
import { useT } from '../../i18n/index.ts'
import { toUserMessage } from '../../i18n/to-user-message.ts'
import { useCurrentUser } from '../auth/index.ts'
import { ConversationGroup } from './ConversationGroup.tsx'

export function ConversationSections({ showArchived }: { showArchived: boolean }) {
  const t = useT()
  const { id: ownerId } = useCurrentUser()
  const pinned = useConversationSection(ownerId, 'pinned')
  const recent = useConversationSection(ownerId, 'recent')
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
      <ConversationGroup id="pinned" heading={t('conversations.pinned')} {...pinned} />
      <ConversationGroup id="recent" heading={t('conversations.recent')} {...recent} />
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
