// The start page: welcome, a new chat, prompt ideas; on phones also the conversation list (on wide
// screens it sits in the sidebar). A picked idea opens a new chat with the idea as its draft.

import { useDraftStore } from '../features/chat/draft-store.ts'
import { focusComposer } from '../features/chat/focus-composer.ts'
import { PromptSuggestions } from '../features/chat/PromptSuggestions.tsx'
import { ConversationPanel, useStartNewChat } from '../features/conversations/index.ts'
import { useT } from '../i18n/index.ts'

export function HomePage({ showList }: { showList: boolean }) {
  const t = useT()
  const startNewChat = useStartNewChat()
  const setDraft = useDraftStore((s) => s.setDraft)

  function startWith(text: string) {
    const id = startNewChat()
    setDraft(id, text)
    focusComposer(id)
  }

  return (
    <div className="page stack home">
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.intro')}</p>
      {showList ? (
        <ConversationPanel onNewChat={focusComposer} />
      ) : (
        <p>
          <button
            type="button"
            className="button button--primary button--large"
            onClick={() => focusComposer(startNewChat())}
          >
            {t('home.newChat')}
          </button>
        </p>
      )}
      <PromptSuggestions onPick={startWith} />
    </div>
  )
}
