// The conversation list with its controls: new chat, search (titles and content) and the archive
// toggle. Shown in the sidebar on wide screens and on the start page on phones.

import './conversations.css'
import { useId, useState } from 'react'
import { useT } from '../../i18n/index.ts'
import { FailureNotice } from '../../ui/FailureNotice.tsx'
import { useDebounced } from '../../ui/use-debounced.ts'
import { useActionError } from './action-error.ts'
import { ConversationSections } from './ConversationSections.tsx'
import { SearchResults } from './SearchResults.tsx'
import { useStartNewChat } from './use-start-new-chat.ts'

/** The search field's id, so the Ctrl+K and "/" shortcuts can focus it. */
export const SEARCH_INPUT_ID = 'conversation-search'

export function ConversationPanel({ onNewChat }: { onNewChat?: (id: string) => void }) {
  const t = useT()
  const ids = useId()
  const [term, setTerm] = useState('')
  const [showArchived, setShowArchived] = useState(false)
  const settledTerm = useDebounced(term, 200)
  const startNewChat = useStartNewChat()
  const actionError = useActionError((s) => s.error)
  const clearActionError = useActionError((s) => s.clear)
  const searching = settledTerm.trim() !== ''

  return (
    <section className="conv-panel" aria-labelledby={`${ids}-heading`}>
      <div className="conv-panel__head">
        <h2 id={`${ids}-heading`}>{t('conversations.heading')}</h2>
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            const id = startNewChat()
            onNewChat?.(id)
          }}
        >
          {t('conversations.new')}
        </button>
      </div>
      <search className="conv-panel__search">
        <label htmlFor={SEARCH_INPUT_ID} className="visually-hidden">
          {t('search.label')}
        </label>
        <input
          id={SEARCH_INPUT_ID}
          className="input"
          type="search"
          value={term}
          placeholder={t('search.placeholder')}
          autoComplete="off"
          onChange={(e) => setTerm(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && term) {
              e.stopPropagation()
              setTerm('')
            }
          }}
        />
      </search>
      <label className="checkbox">
        <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
        {t('conversations.showArchived')}
      </label>
      {actionError && (
        <FailureNotice
          message={t('error.action', { reason: t(actionError) })}
          closeLabel={t('dialog.close')}
          onClose={clearActionError}
        />
      )}
      <div className="conv-panel__body">
        {searching ? (
          <SearchResults term={settledTerm} />
        ) : (
          <ConversationSections showArchived={showArchived} />
        )}
      </div>
    </section>
  )
}
