// Search hits for a term across titles and message content, with a live count for screen readers.

import { useConversationSearch } from '../../data/index.ts'
import { useT } from '../../i18n/index.ts'
import { toUserMessage } from '../../i18n/to-user-message.ts'
import { useCurrentUser } from '../auth/index.ts'
import { ConversationItem } from './ConversationItem.tsx'

export function SearchResults({ term }: { term: string }) {
  const t = useT()
  const { hits, isLoading, error } = useConversationSearch(useCurrentUser().id, term)
  const shown = term.trim()
  const summary = isLoading
    ? t('search.searching')
    : hits.length === 0
      ? t('search.none', { term: shown })
      : t('search.results', { count: hits.length, term: shown })

  return (
    <section className="conv-group" aria-label={t('search.label')} data-testid="search-results">
      <p className="conv-group__summary" role="status">
        {summary}
      </p>
      {error && (
        <p className="form-error" role="alert">
          {t(toUserMessage(error))}
        </p>
      )}
      <ul className="conv-list">
        {hits.map((hit) => (
          <ConversationItem
            key={hit.conversation.id}
            conversation={hit.conversation}
            snippet={hit.snippet}
            showState
          />
        ))}
      </ul>
    </section>
  )
}
