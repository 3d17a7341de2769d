// A titled group of conversations (pinned, recent, archive) with "load more" for the next page,
// which also loads by itself when its button scrolls into view.

import { useRef } from 'react'
import { useT } from '../../i18n/index.ts'
import { useLoadMoreWhenVisible } from '../../ui/use-load-more-when-visible.ts'
import { ConversationItem, type ConversationItemData } from './ConversationItem.tsx'

export interface ConversationGroupProps {
  id: string
  heading: string
  conversations: readonly ConversationItemData[]
  hasMore: boolean
  loadMore: () => void
}

export function ConversationGroup({ id, heading, conversations, hasMore, loadMore }: ConversationGroupProps) {
  const t = useT()
  const more = useRef<HTMLButtonElement>(null)

  useLoadMoreWhenVisible(more, hasMore, loadMore)

  if (conversations.length === 0) return null
  return (
    <section className="conv-group" aria-labelledby={`${id}-heading`} data-testid={`group-${id}`}>
      <h3 id={`${id}-heading`} className="conv-group__heading">
        {heading}
      </h3>
      <ul className="conv-list">
        {conversations.map((c) => (
          <ConversationItem key={c.id} conversation={c} />
        ))}
      </ul>
      {hasMore && (
        <button ref={more} type="button" className="button button--quiet" onClick={loadMore}>
          {t('conversations.loadMore')}
        </button>
      )}
    </section>
  )
}
