// One conversation in the list: a link to the chat with its last activity, and a menu to rename
// (inline), pin, archive or delete it (after a confirmation dialog).

import { useRef, useState } from 'react'
import { Link, useLocation } from 'wouter'
import {
  deleteConversation,
  renameConversation,
  setConversationArchived,
  setConversationPinned,
  useIsWaiting,
} from '../../data/index.ts'
import { useT } from '../../i18n/index.ts'
import { formatActivity } from '../../lib/dates.ts'
import { parseRoute, paths } from '../../lib/routes.ts'
import { useSettings } from '../settings/index.ts'
import { reportFailure } from './action-error.ts'
import { DeleteDialog } from './DeleteDialog.tsx'
import { ItemMenu, type MenuAction } from './ItemMenu.tsx'
import { RenameField } from './RenameField.tsx'

export interface ConversationItemData {
  id: string
  title: string
  updatedAt: string | number
  pinned: boolean
  archived: boolean
}

export interface ConversationItemProps {
  conversation: ConversationItemData
  /** Search results show where the content matched and the pinned/archived state as text. */
  snippet?: string | undefined
  showState?: boolean
}

export function ConversationItem({ conversation, snippet, showState = false }: ConversationItemProps) {
  const t = useT()
  const locale = useSettings((s) => s.language)
  const [location, navigate] = useLocation()
  const [renaming, setRenaming] = useState(false)
  const [deleting, setDeleting] = useState(false)
  const root = useRef<HTMLLIElement>(null)
  const { id, title, pinned, archived } = conversation
  const route = parseRoute(location)
  const isCurrent = route.name === 'chat' && route.conversationId === id
  // A rename, pin or archive made offline shows at once and says it still has to be delivered.
  const isWaiting = useIsWaiting(id)
  const updated = new Date(conversation.updatedAt)
  const activity = Number.isNaN(updated.getTime()) ? null : updated

  // After rename or a cancelled delete, focus returns to this item's menu button.
  const refocus = () =>
    requestAnimationFrame(() => root.current?.querySelector<HTMLButtonElement>('.icon-button')?.focus())

  function confirmDelete() {
    setDeleting(false)
    reportFailure(deleteConversation(id))
    if (isCurrent) navigate(paths.home, { replace: true })
  }

  const actions: MenuAction[] = [
    { label: t('conversations.rename'), onSelect: () => setRenaming(true) },
    {
      label: pinned ? t('conversations.unpin') : t('conversations.pin'),
      onSelect: () => reportFailure(setConversationPinned(id, !pinned)),
    },
    {
      label: archived ? t('conversations.unarchive') : t('conversations.archive'),
      onSelect: () => reportFailure(setConversationArchived(id, !archived)),
    },
    { label: t('conversations.delete'), onSelect: () => setDeleting(true), danger: true },
  ]

  return (
    <li className="conv-item" ref={root} data-testid="conversation-item" data-conversation-id={id}>
      {renaming ? (
        <RenameField
          initial={title}
          label={t('conversations.renameLabel', { title })}
          onSave={(next) => reportFailure(renameConversation(id, next))}
          onDone={() => {
            setRenaming(false)
            refocus()
          }}
        />
      ) : (
        <Link href={paths.chat(id)} className="conv-item__link" aria-current={isCurrent ? 'page' : undefined}>
          <span className="conv-item__title">{title}</span>
          <span className="conv-item__meta">
            {showState && pinned && <span className="badge">{t('conversations.pinnedBadge')}</span>}
            {showState && archived && <span className="badge">{t('conversations.archivedBadge')}</span>}
            {isWaiting && (
              <span className="badge badge--waiting" data-testid="item-waiting">
                {t('outbox.waiting')}
              </span>
            )}
            {activity && (
              <time dateTime={activity.toISOString()}>
                {formatActivity(activity.getTime(), new Date(), locale)}
              </time>
            )}
          </span>
          {snippet && <span className="conv-item__snippet">{snippet}</span>}
        </Link>
      )}
      {!renaming && (
        <ItemMenu label={t('conversations.actions', { title })} actions={actions} icon={<DotsIcon />} />
      )}
      {deleting && (
        <DeleteDialog
          title={title}
          onConfirm={confirmDelete}
          onClose={() => {
            setDeleting(false)
            refocus()
          }}
        />
      )}
    </li>
  )
}

function DotsIcon() {
  return (
    <svg aria-hidden="true" width="20" height="20" viewBox="0 0 20 20" fill="currentColor">
      <circle cx="4" cy="10" r="1.8" />
      <circle cx="10" cy="10" r="1.8" />
      <circle cx="16" cy="10" r="1.8" />
    </svg>
  )
}
